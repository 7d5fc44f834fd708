package analyzer

import ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

var startTimeout = Rule{
	ID:       "start-timeout",
	Scope:    ScopeTask,
	Severity: Fixable,
	Title:    "startTimeout above Fargate's 120-second limit",
	Rationale: "startTimeout bounds how long ECS waits for a container's dependencies to reach their condition; Fargate accepts 2 to 120 seconds. " +
		"Clamping is lossy: a slow dependency now fails the task sooner.",
	Remediation: "Set startTimeout to 120 or less, and speed up the dependency's start (or its health check) if it needs longer.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
	},
	Check: checkStartTimeout,
	Fix:   clampTimeout,
}

func checkStartTimeout(s *Subject) []Finding {
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		if c.StartTimeout == nil || *c.StartTimeout <= fargateMaxTimeout {
			return nil
		}
		return s.one(Flag(at(path, "startTimeout"), *c.StartTimeout,
			"startTimeout %d s exceeds Fargate's 120 s maximum; clamp to 120 (lossy: slow dependencies fail the task sooner)", *c.StartTimeout))
	})
}
