package analyzer

import "github.com/ecs2fargate/ecs2fargate/internal/ptr"

// RuleLBClassic is the ID of the rule below, for code that refers to it.
const RuleLBClassic = "lb-classic"

var lbClassic = Rule{
	ID:          RuleLBClassic,
	Scope:       ScopeService,
	Severity:    Blocker,
	Title:       "Classic Load Balancers cannot front Fargate tasks",
	Rationale:   "Services whose tasks use the awsvpc network mode, as all Fargate tasks do, cannot register with a Classic Load Balancer; only Application and Network Load Balancer target groups work.",
	Remediation: "Create an Application or Network Load Balancer with an ip-type target group, move the listeners and DNS to it, and point the service's `loadBalancers` at the target group.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LoadBalancer.html",
	},
	Fallback: "stay on EC2 until the Classic Load Balancer is replaced by an ALB or NLB",
	Check:    checkLBClassic,
}

func checkLBClassic(s *Subject) []Finding {
	out := s.findings()
	for i, lb := range s.Svc().LoadBalancers {
		if name := ptr.Value(lb.LoadBalancerName); name != "" {
			out = append(out, Flag(at(idx("loadBalancers", i), "loadBalancerName"), name,
				"Classic Load Balancer %s cannot route to Fargate tasks; replace it with an ALB or NLB", name))
		}
	}
	return out
}
