package fargate

import (
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// Need is what a task definition asks for, before rounding to a Fargate size.
type Need struct {
	Size
	// TaskCPU and TaskMemory are the task-level values (0 when absent or
	// unreadable); ContainerCPU and ContainerMemory the container sums.
	TaskCPU, TaskMemory           int
	ContainerCPU, ContainerMemory int
	// Problems lists task-level values that could not be read.
	Problems []string
}

// NeedOf computes what td needs: cpu = max(task cpu, sum of container cpu);
// memory = max(task memory, sum over containers of the hard limit, else the
// reservation), plus headroomPct percent of memory, rounded up.
func NeedOf(td *ecstypes.TaskDefinition, headroomPct int) Need {
	var n Need
	if td.Cpu != nil {
		v, err := ParseCPU(*td.Cpu)
		if err != nil {
			n.Problems = append(n.Problems, err.Error())
		}
		n.TaskCPU = v
	}
	if td.Memory != nil {
		v, err := ParseMemory(*td.Memory)
		if err != nil {
			n.Problems = append(n.Problems, err.Error())
		}
		n.TaskMemory = v
	}
	for _, c := range td.ContainerDefinitions {
		n.ContainerCPU += int(c.Cpu)
		switch {
		case c.Memory != nil:
			n.ContainerMemory += int(*c.Memory)
		case c.MemoryReservation != nil:
			n.ContainerMemory += int(*c.MemoryReservation)
		}
	}
	n.CPU = max(n.TaskCPU, n.ContainerCPU)
	mem := max(n.TaskMemory, n.ContainerMemory)
	n.Memory = mem + (mem*headroomPct+99)/100
	return n
}
