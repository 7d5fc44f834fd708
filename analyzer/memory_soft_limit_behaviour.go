package analyzer

import ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

var memorySoftLimitBehaviour = Rule{
	ID:       "memory-soft-limit-behaviour",
	Scope:    ScopeTask,
	Severity: Warning,
	Title:    "A container with only a soft memory limit could grow into free instance memory",
	Rationale: "With `memoryReservation` and no `memory`, an EC2 container may use free memory of the instance beyond its " +
		"reservation. On Fargate the task memory is a hard ceiling and there is no swap, so such a container can be killed for lack of memory.",
	Remediation: "Size the task memory for the container's observed peak (CloudWatch / Container Insights history), not for its reservation.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-size-best-practice.html",
	},
	Check: checkMemorySoftLimitBehaviour,
}

func checkMemorySoftLimitBehaviour(s *Subject) []Finding {
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		if c.MemoryReservation == nil || c.Memory != nil {
			return nil
		}
		return s.one(Flag(at(path, "memoryReservation"), *c.MemoryReservation,
			"container reserves %d MiB with no hard limit and could grow past it on EC2; on Fargate the task memory is a hard ceiling, so size it for the peak",
			*c.MemoryReservation))
	})
}
