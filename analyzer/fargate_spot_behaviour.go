package analyzer

import "github.com/ecs2fargate/ecs2fargate/internal/ptr"

// RuleFargateSpotBehaviour is the ID of the rule below, for code that refers to it.
const RuleFargateSpotBehaviour = "fargate-spot-behaviour"

var fargateSpotBehaviour = Rule{
	ID:       RuleFargateSpotBehaviour,
	Scope:    ScopeService,
	Severity: Warning,
	Title:    "Fargate Spot tasks can be interrupted with two minutes' notice",
	Rationale: "When AWS needs the capacity back, a Fargate Spot task gets a two-minute warning (a task state change event and SIGTERM) and is stopped; " +
		"ECS does not fall back to on-demand capacity by itself, so a Spot-only service can lose tasks until Spot capacity returns.",
	Remediation: "Keep a FARGATE base for the minimum capacity the service needs, handle SIGTERM and keep `stopTimeout` at or below 120 s so tasks drain within the notice.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/ec2-and-fargate-spot.html",
	},
	Check: checkFargateSpotBehaviour,
}

func checkFargateSpotBehaviour(s *Subject) []Finding {
	svc := s.Svc()
	spots := spotItems(svc)
	if len(spots) == 0 {
		return nil
	}
	onDemandBase := false
	for _, item := range svc.CapacityProviderStrategy {
		if ptr.Value(item.CapacityProvider) == providerFargate && item.Base > 0 {
			onDemandBase = true
		}
	}
	out := s.findings()
	for _, i := range spots {
		path := at(idx("capacityProviderStrategy", i), "capacityProvider")
		if onDemandBase {
			out = append(out, Flag(path, providerFargateSpot,
				"FARGATE_SPOT tasks get a two-minute interruption notice; the FARGATE base keeps a minimum running"))
		} else {
			out = append(out, Flag(path, providerFargateSpot,
				"FARGATE_SPOT tasks get a two-minute interruption notice and there is no FARGATE base, so an interruption wave can leave the service without tasks"))
		}
	}
	return out
}
