package analyzer

import (
	"cmp"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	elbtypes "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/types"
)

// RuleLBTargetTypeIP is the ID of the rule below, for code that refers to it.
const RuleLBTargetTypeIP = "lb-target-type-ip"

var lbTargetTypeIP = Rule{
	ID:       RuleLBTargetTypeIP,
	Scope:    ScopeService,
	Severity: Fixable,
	Title:    "Target groups must be of type ip for Fargate tasks",
	Rationale: "An awsvpc task registers its own IP address, so its target group must have TargetType ip. " +
		"`instance` is the default and a target group's type cannot be modified.",
	Remediation: "Create a new target group of type ip (same protocol, port = container port, same health check), attach it " +
		"to the listener rules and point the service at it. The rewrite writes the create-target-group document.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LoadBalancer.html",
		"https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html",
	},
	Check:      checkLBTargetTypeIP,
	FixService: func(x ServiceFixer, _ *Subject, f Finding) { x.IPTargetGroup(f.Field) },
}

func checkLBTargetTypeIP(s *Subject) []Finding {
	if onFargate(s.Svc()) {
		return nil // ECS registers a Fargate service's tasks by IP: its target groups are ip already
	}
	out := s.findings()
	for i, lb := range s.Svc().LoadBalancers {
		if ptr.Value(lb.TargetGroupArn) == "" {
			continue // classic load balancer: lb-classic
		}
		out = append(out, targetGroupNotIP(s, at(idx("loadBalancers", i), "targetGroupArn"), ptr.Value(lb.TargetGroupArn))...)
		// ECS blue/green shifts traffic to the alternate group, where the
		// tasks register the same way:
		// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_AdvancedConfiguration.html
		if adv := lb.AdvancedConfiguration; adv != nil && ptr.Value(adv.AlternateTargetGroupArn) != "" {
			out = append(out, targetGroupNotIP(s, at(idx("loadBalancers", i), "advancedConfiguration", "alternateTargetGroupArn"), ptr.Value(adv.AlternateTargetGroupArn))...)
		}
	}
	return out
}

// targetGroupNotIP flags the target group arn, named at path, unless it
// is of type ip.
func targetGroupNotIP(s *Subject, path Path, arn string) []Finding {
	tg := s.Fleet.TargetGroup(arn)
	switch {
	case tg == nil:
		return s.one(Unchecked("the type of target group " + arn + ": add `aws elbv2 describe-target-groups` output"))
	case tg.TG.TargetType == elbtypes.TargetTypeEnumIp:
		return nil
	}
	return s.one(Flag(path, arn, "target group %s has target type %s; Fargate tasks need a new target group of type ip",
		ptr.Value(tg.TG.TargetGroupName), cmp.Or(string(tg.TG.TargetType), "instance")))
}
