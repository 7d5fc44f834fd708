package analyzer

import "github.com/ecs2fargate/ecs2fargate/internal/ptr"

// RuleServicePlacementStrategy is the ID of the rule below, for code that refers to it.
const RuleServicePlacementStrategy = "service-placement-strategy"

var servicePlacementStrategy = Rule{
	ID:       RuleServicePlacementStrategy,
	Scope:    ScopeService,
	Severity: Fixable,
	Title:    "Service placement strategies do not apply on Fargate",
	Rationale: "binpack, spread and random strategies choose among EC2 container instances; Fargate has none to choose. Spread across Availability Zones comes from the subnets instead, " +
		"and `availabilityZoneRebalancing` (on by default for new services) restores the balance. Removing a strategy is lossy where it encoded cost packing or host spread.",
	Remediation: "Drop them (UpdateService with an empty `placementStrategy` clears them) and give the service subnets in several Availability Zones.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html",
	},
	Check:      checkServicePlacementStrategy,
	FixService: clearPlacementStrategy,
}

// clearPlacementStrategy empties the list (UpdateService with
// placementStrategy [] clears it; a new service has none): the packing or
// host spread it encoded is lost.
func clearPlacementStrategy(x ServiceFixer, _ *Subject, _ Finding) {
	x.Clear(at("placementStrategy"), true,
		"placement strategy removed: Fargate spreads tasks over the subnets' Availability Zones itself")
}

func checkServicePlacementStrategy(s *Subject) []Finding {
	out := s.findings()
	for i, p := range s.Svc().PlacementStrategy {
		desc := string(p.Type)
		if f := ptr.Value(p.Field); f != "" {
			desc += "(" + f + ")"
		}
		out = append(out, Flag(idx("placementStrategy", i), desc,
			"placement strategy %s is removed on Fargate (lossy: AZ spread comes from the subnets)", desc))
	}
	return out
}
