package analyzer

import ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

// RuleRequiresCompatFargate is the ID of the rule below, for code that refers to it.
const RuleRequiresCompatFargate = "requires-compat-fargate"

var requiresCompatFargate = Rule{
	ID:       RuleRequiresCompatFargate,
	Scope:    ScopeTask,
	Severity: Fixable,
	Title:    "The task definition does not list FARGATE in `requiresCompatibilities`",
	Rationale: "ECS validates a revision at registration only against the capacities it lists, and a Fargate service or task " +
		"needs a revision that lists FARGATE. Once FARGATE is listed, the Fargate rules (cpu/memory table, awsvpc) apply even if EC2 is listed too.",
	Remediation: "Register a revision with `requiresCompatibilities` set to [\"FARGATE\"], or [\"EC2\", \"FARGATE\"] when the same " +
		"revision must keep running on EC2 during the move (it then has to pass both validations). The rewrite does this.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html",
	},
	Check: checkRequiresCompatFargate,
	Fix:   fixRequiresCompatFargate,
}

func checkRequiresCompatFargate(s *Subject) []Finding {
	rc := s.Def().RequiresCompatibilities
	for _, c := range rc {
		if c == ecstypes.CompatibilityFargate {
			return nil
		}
	}
	if len(rc) == 0 {
		return s.one(Flag(at("requiresCompatibilities"), nil, "no requiresCompatibilities are set; add FARGATE so ECS validates and runs the revision on Fargate"))
	}
	return s.one(Flag(at("requiresCompatibilities"), rc, "requiresCompatibilities lists %s but not FARGATE; add FARGATE so the revision can run on Fargate", joinCompat(rc)))
}

func joinCompat(cs []ecstypes.Compatibility) string {
	out := ""
	for i, c := range cs {
		if i > 0 {
			out += ", "
		}
		out += string(c)
	}
	return out
}

// fixRequiresCompatFargate declares the revision for Fargate.
func fixRequiresCompatFargate(x Fixer, _ *Subject, _ Finding) {
	x.Set(at("requiresCompatibilities"), []string{"FARGATE"}, false,
		"requiresCompatibilities set to [\"FARGATE\"], so ECS validates and runs this revision on Fargate")
}
