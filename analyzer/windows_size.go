package analyzer

import "github.com/ecs2fargate/ecs2fargate/internal/fargate"

// RuleWindowsSize is the ID of the rule below, for code that refers to it.
const RuleWindowsSize = "windows-size"

var windowsSize = Rule{
	ID:       RuleWindowsSize,
	Scope:    ScopeTask,
	Severity: Blocker,
	Also:     []Severity{Fixable},
	Title:    "Windows tasks on Fargate only come in 1, 2 or 4 vCPU",
	Rationale: "Windows containers on Fargate get cpu 1024, 2048 or 4096 with at most 30 GiB of memory (minimum 2 GiB); " +
		"there are no 0.25/0.5/8/16 vCPU Windows sizes. On EC2 Windows the task-level values are ignored, so they are often meaningless.",
	Remediation: "Smaller sizes are rounded up to 1 vCPU by the rewrite (review the cost). A task that needs more than 4 vCPU " +
		"or 30 GiB must be split or stay on EC2.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html",
	},
	Fallback: "stay on EC2 Windows (or split the task)",
	Check:    checkWindowsSize,
	Fix:      fixTaskSize,
}

func checkWindowsSize(s *Subject) []Finding {
	if !s.Windows() {
		return nil
	}
	n := taskNeed(s)
	if _, linuxFits := fargate.Fit(n.Size, false); !linuxFits {
		return nil // task-size-too-large
	}
	d := s.Def()
	if _, ok := s.FargateSize(); !ok {
		path, value := at("cpu"), any(d.Cpu)
		if n.CPU <= fargate.MaxWindowsCPU {
			path, value = at("memory"), d.Memory
		}
		return s.one(Flag(path, value, "the Windows task needs %d cpu units and %d MiB, more than the largest Windows Fargate size (%d cpu, %d MiB)",
			n.CPU, n.Memory, fargate.MaxWindowsCPU, fargate.MaxWindowsMemory))
	}
	cpu, ok := taskCPU(d)
	if !ok || windowsCPU(cpu) {
		return nil
	}
	return s.one(Flag(at("cpu"), d.Cpu, "Windows task cpu %d is not 1024, 2048 or 4096; %s", cpu, choiceText(s)).As(Fixable))
}
