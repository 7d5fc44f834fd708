package analyzer

import (
	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

var swappiness = Rule{
	ID:       "swappiness",
	Scope:    ScopeTask,
	Severity: Fixable,
	Title:    "Fargate has no swap, so `swappiness` must be removed",
	Rationale: "`linuxParameters.swappiness` is not valid for Fargate tasks. It only ever took effect together with a `maxSwap` above 0; " +
		"without `maxSwap` it was ignored on EC2 too.",
	Remediation: "The rewrite removes the key. Where the container also had swap (`maxSwap` > 0) the loss is real: size the task memory for the peak.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LinuxParameters.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/container-swap.html",
	},
	Check: checkSwappiness,
	Fix:   removeField,
}

func checkSwappiness(s *Subject) []Finding {
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		lp := s.linuxParams(c)
		if lp == nil || lp.Swappiness == nil {
			return nil
		}
		v, p := *lp.Swappiness, at(path, "linuxParameters", "swappiness")
		if ptr.Value(lp.MaxSwap) <= 0 {
			return s.one(Flag(p, v, "swappiness %d had no effect because maxSwap is not above 0; the rewrite drops the key", v))
		}
		return s.one(Flag(p, v, "swappiness %d tuned swap use that Fargate does not have; the key is removed (lossy, see max-swap)", v))
	})
}
