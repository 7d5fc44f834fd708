package analyzer

import "github.com/ecs2fargate/ecs2fargate/internal/fargate"

var taskSizeTooLarge = Rule{
	ID:       "task-size-too-large",
	Scope:    ScopeTask,
	Severity: Blocker,
	Title:    "The task is larger than the largest Fargate size",
	Rationale: "A Fargate task has at most 16 vCPU (16384 units) and 120 GiB (122880 MiB) of memory; EC2 task definitions " +
		"accept up to 192 vCPU. A task that needs more has no Fargate size.",
	Remediation: "Split the task into smaller tasks (e.g. move sidecars or workers into their own service), reduce what it " +
		"reserves if that is over-provisioned, or keep it on EC2 or ECS Managed Instances.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html",
	},
	Fallback: "stay on EC2 or move to ECS Managed Instances",
	Check:    checkTaskSizeTooLarge,
}

func checkTaskSizeTooLarge(s *Subject) []Finding {
	n := taskNeed(s)
	if _, ok := fargate.Fit(n.Size, false); ok {
		return nil // fits the Linux table; Windows limits are windows-size's
	}
	d := s.Def()
	out := s.findings()
	if n.CPU > fargate.MaxCPU {
		out = append(out, Flag(at("cpu"), d.Cpu, "the task needs %d cpu units (task %d, containers %d), more than Fargate's maximum of %d (16 vCPU)",
			n.CPU, n.TaskCPU, n.ContainerCPU, fargate.MaxCPU))
	}
	if n.Memory > fargate.MaxMemory {
		out = append(out, Flag(at("memory"), d.Memory, "the task needs %d MiB of memory (task %d, containers %d), more than Fargate's maximum of %d MiB (120 GiB)",
			n.Memory, n.TaskMemory, n.ContainerMemory, fargate.MaxMemory))
	}
	return out
}
