package analyzer

import (
	"cmp"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

var gpu = Rule{
	ID:       "gpu",
	Scope:    ScopeTask,
	Severity: Blocker,
	Title:    "Fargate has no GPUs",
	Rationale: "GPU resource requirements are not valid on Fargate: tasks run on CPU-only capacity, and GPU support for Fargate is " +
		"still an open request on the containers roadmap.",
	Remediation: "Keep GPU containers on EC2 GPU instances or ECS Managed Instances; split CPU-only parts of the task into their own task if those should move.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ResourceRequirement.html",
		"https://github.com/aws/containers-roadmap/issues/88",
	},
	Fallback: "stay on EC2 GPU instances or move to ECS Managed Instances",
	Check:    checkGPU,
}

func checkGPU(s *Subject) []Finding {
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		out := s.findings()
		for i, r := range c.ResourceRequirements {
			if r.Type != ecstypes.ResourceTypeGpu {
				continue
			}
			n := ptr.Value(r.Value)
			if n == "" && r.SharingStrategy != nil {
				n = "shared"
			}
			out = append(out, Flag(at(path, idx("resourceRequirements", i)), n,
				"the container requests GPUs (%s); Fargate has none", cmp.Or(n, "unspecified")))
		}
		return out
	})
}
