package analyzer

import "github.com/ecs2fargate/ecs2fargate/internal/fargate"

// RuleTaskCPUBelowMin is the ID of the rule below, for code that refers to it.
const RuleTaskCPUBelowMin = "task-cpu-below-min"

var taskCPUBelowMin = Rule{
	ID:       RuleTaskCPUBelowMin,
	Scope:    ScopeTask,
	Severity: Fixable,
	Title:    "Task cpu is below the Fargate minimum of 256 units",
	Rationale: "EC2 accepts 128 cpu units (0.125 vCPU) for a task; the smallest Fargate task is 256 units (0.25 vCPU) " +
		"with 512-2048 MiB of memory.",
	Remediation: "Raise `cpu` to 256 with a matching memory value (the rewrite does); the task gets more CPU than before and costs the 0.25 vCPU rate.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html",
	},
	Check: checkTaskCPUBelowMin,
	Fix:   fixTaskSize,
}

func checkTaskCPUBelowMin(s *Subject) []Finding {
	if s.Windows() {
		return nil // windows-size: the Windows minimum is 1 vCPU
	}
	cpu, ok := taskCPU(s.Def())
	if !ok || cpu >= fargate.MinCPU {
		return nil
	}
	return s.one(Flag(at("cpu"), s.Def().Cpu, "task cpu %d is below Fargate's minimum of %d units; %s", cpu, fargate.MinCPU, choiceText(s)))
}
