package rewrite

import (
	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"slices"
	"strconv"
	"strings"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// networkChanges explains the awsvpc configuration: one change when the
// service had none, else one per member that differs.
func (p *servicePlan) networkChanges(old, cfg *ecstypes.AwsVpcConfiguration, subnetFrom, sgFrom string) {
	if old == nil {
		p.change(analyzer.RuleNetworkConfiguration, awsvpcPath, nil, cfg, false,
			"awsvpc configuration added (Fargate tasks get their own network interface): subnets from "+subnetFrom+", security groups from "+sgFrom+
				", assignPublicIp "+string(cfg.AssignPublicIp))
		return
	}
	if !slices.Equal(old.Subnets, cfg.Subnets) {
		p.change(analyzer.RuleNetworkConfiguration, awsvpcPath+".subnets", old.Subnets, cfg.Subnets, false, "subnets taken from "+subnetFrom)
	}
	if !slices.Equal(old.SecurityGroups, cfg.SecurityGroups) {
		p.change(analyzer.RuleNetworkConfiguration, awsvpcPath+".securityGroups", old.SecurityGroups, cfg.SecurityGroups, false, "security groups taken from "+sgFrom)
	}
	if oldAssign := svcOrDisabled(old.AssignPublicIp); oldAssign != cfg.AssignPublicIp {
		p.change(analyzer.RuleAssignPublicIP, awsvpcPath+".assignPublicIp", string(old.AssignPublicIp), string(cfg.AssignPublicIp), false,
			"assignPublicIp set to "+string(cfg.AssignPublicIp)+" (--assign-public-ip decides)")
	}
}

func svcOrDisabled(v ecstypes.AssignPublicIp) ecstypes.AssignPublicIp {
	if v == "" {
		return ecstypes.AssignPublicIpDisabled
	}
	return v
}

// networkLimits reports an awsvpc configuration AWS would reject.
func (p *servicePlan) networkLimits(cfg *ecstypes.AwsVpcConfiguration) {
	if n := len(cfg.Subnets); n > maxAwsvpcSubnets {
		p.remain(analyzer.RuleNetworkConfiguration, awsvpcPath+".subnets",
			strconv.Itoa(n)+" subnets are listed; an awsvpc configuration takes at most "+strconv.Itoa(maxAwsvpcSubnets)+": choose them with --subnets")
	}
	if n := len(cfg.SecurityGroups); n > maxAwsvpcSecurityGroups {
		p.remain(analyzer.RuleNetworkConfiguration, awsvpcPath+".securityGroups",
			strconv.Itoa(n)+" security groups are listed; an awsvpc configuration takes at most "+strconv.Itoa(maxAwsvpcSecurityGroups))
	}
	if vpcs := p.subnetVPCs(cfg.Subnets); len(vpcs) > 1 {
		p.remain(analyzer.RuleNetworkConfiguration, awsvpcPath+".subnets",
			"the subnets belong to several VPCs ("+strings.Join(vpcs, ", ")+"); all must be in one VPC")
	}
}

// subnetVPCs lists the VPCs of the subnets describe-subnets (or the
// instances) covered, sorted.
func (p *servicePlan) subnetVPCs(subnets []string) []string {
	var vpcs []string
	for _, id := range subnets {
		vpcs = append(vpcs, p.subnetVPC(id))
	}
	return svcSortedSet(vpcs)
}

// subnetVPC is the subnet's VPC as the fleet decides it (describe-subnets,
// else an EC2 instance in it, in the service's account and region); ""
// when the inputs do not say.
func (p *servicePlan) subnetVPC(id string) string { return p.f.SubnetVPC(p.s.Identity, id) }

// plannedSubnets are the tasks' subnets, none when no fix asked for an
// awsvpc configuration.
func (p *servicePlan) plannedSubnets() []string {
	if p.network == nil {
		return nil
	}
	return p.network.AwsvpcConfiguration.Subnets
}

// tasksVPC is the one VPC of the chosen subnets, or "" when unknown or
// ambiguous; worked out once per service.
func (p *servicePlan) tasksVPC() string {
	if p.vpc == nil {
		vpc := ""
		if vpcs := p.subnetVPCs(p.plannedSubnets()); len(vpcs) == 1 {
			vpc = vpcs[0]
		}
		p.vpc = &vpc
	}
	return *p.vpc
}
