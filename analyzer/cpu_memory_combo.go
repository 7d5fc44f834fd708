package analyzer

import "github.com/ecs2fargate/ecs2fargate/internal/fargate"

// RuleCPUMemoryCombo is the ID of the rule below, for code that refers to it.
const RuleCPUMemoryCombo = "cpu-memory-combo"

var cpuMemoryCombo = Rule{
	ID:       RuleCPUMemoryCombo,
	Scope:    ScopeTask,
	Severity: Fixable,
	Title:    "The task's cpu/memory pair is not a Fargate size",
	Rationale: "Fargate only runs the cpu/memory combinations of its size table (e.g. 0.25 vCPU with 0.5, 1 or 2 GiB; " +
		"16 vCPU with 32-120 GiB in 8 GiB steps); EC2 accepts any pair.",
	Remediation: "Round up to the cheapest valid pair with at least the cpu and memory asked for (the rewrite does; the cost " +
		"estimate shows the difference). String forms such as \"1 vCPU\" or \"2GB\" are written as integers.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html",
	},
	Check: checkCPUMemoryCombo,
	Fix:   fixTaskSize,
}

func checkCPUMemoryCombo(s *Subject) []Finding {
	d := s.Def()
	if d.Cpu == nil || d.Memory == nil {
		return nil // task-cpu-required / task-memory-required
	}
	cpu, okC := taskCPU(d)
	mem, okM := taskMemory(d)
	switch {
	case !okC:
		return s.one(Flag(at("cpu"), d.Cpu, "cpu %q cannot be read as CPU units or vCPU; %s", *d.Cpu, choiceText(s)))
	case !okM:
		return s.one(Flag(at("memory"), d.Memory, "memory %q cannot be read as MiB or GB; %s", *d.Memory, choiceText(s)))
	}
	if _, fits := s.FargateSize(); !fits || fargate.Valid(fargate.Size{CPU: cpu, Memory: mem}, s.Windows()) {
		return nil // too large: task-size-too-large / windows-size
	}
	if !s.Windows() && cpu < fargate.MinCPU || s.Windows() && !windowsCPU(cpu) {
		return nil // task-cpu-below-min / windows-size
	}
	return s.one(Flag(at("cpu"), d.Cpu, "cpu %d with memory %d MiB is not a Fargate size; %s", cpu, mem, choiceText(s)))
}
