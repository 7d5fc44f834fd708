package analyzer

import (
	"cmp"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	elbtypes "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/types"
)

// RuleNLBClientIP is the ID of the rule below, for code that refers to it.
const RuleNLBClientIP = "nlb-client-ip"

var nlbClientIP = Rule{
	ID:       RuleNLBClientIP,
	Scope:    ScopeService,
	Severity: Warning,
	Title:    "IP-type NLB target groups do not preserve the client IP by default",
	Rationale: "An instance-type Network Load Balancer target group passes the client's source IP through; the ip-type target group Fargate needs does not for TCP and TLS unless " +
		"`preserve_client_ip.enabled` is set (UDP and TCP_UDP always preserve it). Apps that log, rate-limit or allow-list by source IP see the load balancer's address instead.",
	Remediation: "On the new ip target group set `preserve_client_ip.enabled=true` (then allow the client CIDRs in the task security group) or enable proxy protocol v2 if the app reads it.",
	References: []string{
		"https://docs.aws.amazon.com/elasticloadbalancing/latest/network/edit-target-group-attributes.html",
		"https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html",
	},
	Check: checkNLBClientIP,
}

func checkNLBClientIP(s *Subject) []Finding {
	if onFargate(s.Svc()) {
		return nil // its target groups are ip type already
	}
	out := s.findings()
	for i, lb := range s.Svc().LoadBalancers {
		arn := ptr.Value(lb.TargetGroupArn)
		if arn == "" {
			continue
		}
		tg := s.Fleet.TargetGroup(arn)
		if tg == nil {
			out = append(out, Unchecked("the protocol and type of target group "+arn+": add `aws elbv2 describe-target-groups` output"))
			continue
		}
		p := tg.TG.Protocol
		if tg.TG.TargetType == elbtypes.TargetTypeEnumIp || (p != elbtypes.ProtocolEnumTcp && p != elbtypes.ProtocolEnumTls) {
			continue // already ip (behaviour unchanged), HTTP(S), or UDP/TCP_UDP (always preserved)
		}
		out = append(out, Flag(at(idx("loadBalancers", i), "targetGroupArn"), arn,
			"%s target group %s preserves client IPs as type %s; its ip-type replacement does not unless preserve_client_ip.enabled is set",
			p, ptr.Value(tg.TG.TargetGroupName), cmp.Or(string(tg.TG.TargetType), "instance")))
	}
	return out
}
