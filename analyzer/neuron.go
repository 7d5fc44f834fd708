package analyzer

import (
	"cmp"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

var neuron = Rule{
	ID:       "neuron",
	Scope:    ScopeTask,
	Severity: Blocker,
	Title:    "Fargate has no AWS Neuron devices (Inferentia, Trainium)",
	Rationale: "A `NeuronDevice` resource requirement allocates the Neuron devices of an Inferentia or Trainium instance; ECS offers " +
		"that allocation only on ECS Managed Instances, and Fargate has no such hardware.",
	Remediation: "Run the container on ECS Managed Instances with Inf or Trn instance types, or on EC2 with the devices mapped explicitly.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ResourceRequirement.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-inference-task-def.html",
	},
	Fallback: "move to ECS Managed Instances (or EC2 Inf/Trn instances)",
	Check:    checkNeuron,
}

func checkNeuron(s *Subject) []Finding {
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		out := s.findings()
		for i, r := range c.ResourceRequirements {
			if r.Type != ecstypes.ResourceTypeNeuronDevice {
				continue
			}
			v := ptr.Value(r.Value)
			out = append(out, Flag(at(path, idx("resourceRequirements", i)), v,
				"the container requests Neuron devices (%s); Fargate has none", cmp.Or(v, "unspecified")))
		}
		return out
	})
}
