package analyzer

import "github.com/ecs2fargate/ecs2fargate/internal/ptr"

// RuleTaskPlacementConstraints is the ID of the rule below, for code that refers to it.
const RuleTaskPlacementConstraints = "task-placement-constraints"

var taskPlacementConstraints = Rule{
	ID:       RuleTaskPlacementConstraints,
	Scope:    ScopeTask,
	Severity: Fixable,
	Title:    "Task placement constraints do not apply on Fargate",
	Rationale: "Fargate has no container instances to choose from, so `memberOf` expressions on instance type, Availability " +
		"Zone or custom attributes are rejected; spread across zones comes from the subnets given to the service.",
	Remediation: "Delete `placementConstraints` (the rewrite does; lossy). Express zone placement through the service's subnets; " +
		"an instance-type requirement has no Fargate equivalent.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskDefinitionPlacementConstraint.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html",
	},
	Check: checkTaskPlacementConstraints,
	Fix:   dropField,
}

func checkTaskPlacementConstraints(s *Subject) []Finding {
	out := s.findings()
	for i, pc := range s.Def().PlacementConstraints {
		expr := ptr.Value(pc.Expression)
		if expr == "" {
			expr = string(pc.Type)
		}
		out = append(out, Flag(idx("placementConstraints", i), expr,
			"placement constraint %s has no meaning on Fargate and is removed (lossy: use the service's subnets for zone placement)", expr))
	}
	return out
}
