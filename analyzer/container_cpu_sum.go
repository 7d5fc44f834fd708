package analyzer

// RuleContainerCPUSum is the ID of the rule below, for code that refers to it.
const RuleContainerCPUSum = "container-cpu-sum"

var containerCPUSum = Rule{
	ID:       RuleContainerCPUSum,
	Scope:    ScopeTask,
	Severity: Fixable,
	Title:    "The containers reserve more cpu than the task has",
	Rationale: "The containers' cpu values must add up to no more than the task-level cpu; on Fargate the task size is the " +
		"hard ceiling, so a task sized below its containers' shares is rejected or starved.",
	Remediation: "Pick a task size at least as large as the containers' sum (the rewrite does), or scale the container values down proportionally.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html",
	},
	Check: checkContainerCPUSum,
	Fix:   fixTaskSize,
}

func checkContainerCPUSum(s *Subject) []Finding {
	cpu, ok := taskCPU(s.Def())
	n := taskNeed(s)
	if !ok || n.ContainerCPU <= cpu {
		return nil
	}
	return s.one(Flag(at("cpu"), s.Def().Cpu, "the containers declare %d cpu units in total, more than the task's %d; %s",
		n.ContainerCPU, cpu, choiceText(s)))
}
