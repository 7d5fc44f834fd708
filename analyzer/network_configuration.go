package analyzer

import (
	"cmp"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// RuleNetworkConfiguration is the ID of the rule below, for code that refers to it.
const RuleNetworkConfiguration = "network-configuration"

var networkConfiguration = Rule{
	ID:       RuleNetworkConfiguration,
	Scope:    ScopeService,
	Severity: Fixable,
	Title:    "A Fargate service needs an awsvpc network configuration",
	Rationale: "Every Fargate task gets its own network interface, so the service must say which subnets (up to 16, one VPC) and security groups (up to 5) to use. " +
		"EC2 bridge or host services have none; `assignPublicIp` defaults to DISABLED.",
	Remediation: "Add `networkConfiguration.awsvpcConfiguration` with the subnets and security groups of the cluster's instances as a starting point (the rewrite derives them when " +
		"describe-instances output is given), then tighten the security group for the task: it now applies per task, not per host.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_AwsVpcConfiguration.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html",
	},
	Check:      checkNetworkConfiguration,
	FixService: func(x ServiceFixer, _ *Subject, _ Finding) { x.AwsvpcNetwork() },
}

const (
	maxServiceSubnets        = 16
	maxServiceSecurityGroups = 5
)

func checkNetworkConfiguration(s *Subject) []Finding {
	cfg := awsvpcConfig(s.Svc())
	if cfg == nil {
		subnets, sgs := s.memo.instanceNetwork(s.Fleet, s.Service)
		hint := "take subnets and security groups as parameters"
		if len(subnets) > 0 {
			hint = "the cluster's instances use subnets " + strings.Join(subnets, ", ") + " and security groups " + cmp.Or(strings.Join(sgs, ", "), "none") + " as a starting point"
		}
		return s.one(Flag(at("networkConfiguration", "awsvpcConfiguration"), nil, "the service has no awsvpc configuration, which Fargate requires; %s", hint))
	}
	out := s.findings()
	// The paths are built only for a finding: most services have none.
	const base = "networkConfiguration"
	const vpc = "awsvpcConfiguration"
	if len(cfg.Subnets) == 0 {
		out = append(out, Flag(at(base, vpc, "subnets"), nil, "the awsvpc configuration lists no subnets; Fargate tasks need at least one"))
	}
	if n := len(cfg.Subnets); n > maxServiceSubnets {
		out = append(out, Flag(at(base, vpc, "subnets"), n, "%d subnets are listed; at most %d are allowed", n, maxServiceSubnets))
	}
	if n := len(cfg.SecurityGroups); n > maxServiceSecurityGroups {
		out = append(out, Flag(at(base, vpc, "securityGroups"), n, "%d security groups are listed; at most %d are allowed", n, maxServiceSecurityGroups))
	}
	if vpcs := subnetVPCs(s.Fleet, s.Service.Identity, cfg.Subnets); len(vpcs) > 1 {
		out = append(out, Flag(at(base, vpc, "subnets"), vpcs, "the subnets belong to several VPCs (%s); all must be in one VPC", strings.Join(vpcs, ", ")))
	}
	return out
}

// subnetVPCs lists the VPCs of the subnets that describe-subnets output covers.
func subnetVPCs(f *fleet.Fleet, where fleet.Identity, subnets []string) []string {
	var vpcs []string
	for _, id := range subnets {
		if sn := f.Subnet(where, id); sn != nil {
			vpcs = append(vpcs, ptr.Value(sn.EC2.VpcId))
		}
	}
	return sortedSet(vpcs)
}
