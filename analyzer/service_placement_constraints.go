package analyzer

import "github.com/ecs2fargate/ecs2fargate/internal/ptr"

// RuleServicePlacementConstraints is the ID of the rule below, for code that refers to it.
const RuleServicePlacementConstraints = "service-placement-constraints"

var servicePlacementConstraints = Rule{
	ID:       RuleServicePlacementConstraints,
	Scope:    ScopeService,
	Severity: Fixable,
	Title:    "Service placement constraints do not apply on Fargate",
	Rationale: "Placement constraints (`distinctInstance`, `memberOf` on instance type, AZ or custom attributes) choose EC2 container instances; Fargate tasks are not placed on instances you see, " +
		"so ECS does not support them there. Removing them is lossy: any AZ or host pinning they expressed is gone.",
	Remediation: "Drop them (UpdateService with `placementConstraints: []` clears them). Express AZ placement through the subnets in the network configuration instead.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PlacementConstraint.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html",
	},
	Check:      checkServicePlacementConstraints,
	FixService: clearPlacementConstraints,
}

// clearPlacementConstraints empties the list (UpdateService with
// placementConstraints [] clears it; a new service has none): whatever
// the constraints pinned is lost.
func clearPlacementConstraints(x ServiceFixer, _ *Subject, _ Finding) {
	x.Clear(at("placementConstraints"), true,
		"placement constraints removed: Fargate does not place tasks on instances; use subnets to choose Availability Zones")
}

func checkServicePlacementConstraints(s *Subject) []Finding {
	out := s.findings()
	for i, c := range s.Svc().PlacementConstraints {
		desc := string(c.Type)
		if e := ptr.Value(c.Expression); e != "" {
			desc += " " + e
		}
		out = append(out, Flag(idx("placementConstraints", i), desc,
			"placement constraint %s is removed on Fargate (lossy: use subnets for AZ placement)", desc))
	}
	return out
}
