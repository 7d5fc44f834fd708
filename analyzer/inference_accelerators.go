package analyzer

import (
	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

var inferenceAccelerators = Rule{
	ID:       "inference-accelerators",
	Scope:    ScopeTask,
	Severity: Blocker,
	Title:    "Elastic Inference accelerators are not available on Fargate",
	Rationale: "Fargate cannot attach Elastic Inference accelerators, and Elastic Inference has not taken new customers since " +
		"2023-04-15.",
	Remediation: "Move inference to CPU sizing that fits Fargate, to a separate endpoint (e.g. SageMaker), or to GPU/Inferentia " +
		"capacity on EC2 or ECS Managed Instances.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_InferenceAccelerator.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ResourceRequirement.html",
	},
	Fallback: "stay on EC2 or move to ECS Managed Instances",
	Check:    checkInferenceAccelerators,
}

func checkInferenceAccelerators(s *Subject) []Finding {
	out := s.findings()
	//lint:ignore SA1019 the field is deprecated because the feature is gone, which is what this rule reports
	for i, ia := range s.Def().InferenceAccelerators {
		out = append(out, Flag(at(idx("inferenceAccelerators", i), "deviceType"), ia.DeviceType,
			"inference accelerator %s (%s) cannot be attached on Fargate", ptr.Value(ia.DeviceName), ptr.Value(ia.DeviceType)))
	}
	return append(out, s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		out := s.findings()
		for i, rr := range c.ResourceRequirements {
			if rr.Type == ecstypes.ResourceTypeInferenceAccelerator {
				out = append(out, Flag(at(path, idx("resourceRequirements", i)), ptr.Value(rr.Value),
					"container uses inference accelerator %s, which Fargate cannot provide", ptr.Value(rr.Value)))
			}
		}
		return out
	})...)
}
