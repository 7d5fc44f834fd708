package analyzer

import ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

// fargateMaxTimeout is the largest startTimeout/stopTimeout Fargate accepts, in seconds.
const fargateMaxTimeout = 120

var stopTimeout = Rule{
	ID:       "stop-timeout",
	Scope:    ScopeTask,
	Severity: Fixable,
	Title:    "stopTimeout above Fargate's 120-second limit",
	Rationale: "Fargate accepts a stopTimeout of 2 to 120 seconds (default 30), while EC2 allows longer graceful stops. Clamping is lossy: " +
		"an app that needs more than two minutes to drain is killed earlier (Fargate Spot also gives only a two-minute notice).",
	Remediation: "Set stopTimeout to 120 or less and make the application finish its shutdown within that time " +
		"(shorter drains, idempotent work, checkpointing).",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
	},
	Check: checkStopTimeout,
	Fix:   clampTimeout,
}

func checkStopTimeout(s *Subject) []Finding {
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		if c.StopTimeout == nil || *c.StopTimeout <= fargateMaxTimeout {
			return nil
		}
		return s.one(Flag(at(path, "stopTimeout"), *c.StopTimeout,
			"stopTimeout %d s exceeds Fargate's 120 s maximum; clamp to 120 (lossy: the container gets less time to shut down)", *c.StopTimeout))
	})
}

// clampTimeout is the fix of start-timeout and stop-timeout: Fargate's
// maximum, lossy (less time to start or stop).
func clampTimeout(x Fixer, _ *Subject, f Finding) { x.Set(f.Field, fargateMaxTimeout, true, f.Message) }
