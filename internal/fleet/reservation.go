package fleet

import (
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecs2fargate/ecs2fargate/internal/fargate"
)

// Reservation is what one task of td reserves on a container instance, as
// the ECS scheduler counts it, and what the AWS/ECS service utilisation
// metrics divide by: the task-level cpu and memory where set, else the sum
// over containers of cpu and of memoryReservation before memory (the soft
// limit is what the scheduler subtracts when both are set:
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html,
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster_reservation.html).
// A CPU of 0 means the task reserves no CPU at all.
func Reservation(td *ecstypes.TaskDefinition) fargate.Size {
	n := fargate.NeedOf(td, 0)
	cpu, mem := n.TaskCPU, n.TaskMemory
	if cpu == 0 {
		cpu = n.ContainerCPU
	}
	if mem == 0 {
		for _, c := range td.ContainerDefinitions {
			switch {
			case c.MemoryReservation != nil:
				mem += int(*c.MemoryReservation)
			case c.Memory != nil:
				mem += int(*c.Memory)
			}
		}
	}
	return fargate.Size{CPU: cpu, Memory: mem}
}

// HardMemoryLimit is the most memory a task of td can use before it is
// killed: the task-level memory, else the sum of the containers' memory
// hard limits when every container has one. ok is false when a container
// has only a soft limit (it may use what the host has free).
func HardMemoryLimit(td *ecstypes.TaskDefinition) (mib int, ok bool) {
	n := fargate.NeedOf(td, 0)
	if n.TaskMemory > 0 {
		return n.TaskMemory, true
	}
	for _, c := range td.ContainerDefinitions {
		if c.Memory == nil {
			return 0, false
		}
		mib += int(*c.Memory)
	}
	return mib, mib > 0
}

// CPULimit is the task-level cpu of td, which on the EC2 launch type caps
// the task's CPU (container cpu values are only relative shares, so a task
// without task-level cpu may use idle host CPU beyond its reservation:
// https://aws.amazon.com/blogs/containers/how-amazon-ecs-manages-cpu-and-memory-resources/).
// ok is false when the task has none.
func CPULimit(td *ecstypes.TaskDefinition) (units int, ok bool) {
	n := fargate.NeedOf(td, 0)
	return n.TaskCPU, n.TaskCPU > 0
}
