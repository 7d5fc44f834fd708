package analyzer

// RuleTaskCPURequired is the ID of the rule below, for code that refers to it.
const RuleTaskCPURequired = "task-cpu-required"

var taskCPURequired = Rule{
	ID:       RuleTaskCPURequired,
	Scope:    ScopeTask,
	Severity: Fixable,
	Title:    "Fargate needs a task-level `cpu`",
	Rationale: "On EC2 a task may leave `cpu` out and rely on container shares; Fargate sizes and bills every task by its " +
		"task-level cpu and rejects a definition without one.",
	Remediation: "Set `cpu` from the sum of the containers' cpu, rounded up together with memory to a valid Fargate size " +
		"(the rewrite does this and the cost estimate uses the same size).",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-size-best-practice.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html",
	},
	Check: checkTaskCPURequired,
	Fix:   fixTaskSize,
}

func checkTaskCPURequired(s *Subject) []Finding {
	if s.Def().Cpu != nil {
		return nil
	}
	return s.one(Flag(at("cpu"), nil, "no task-level cpu is set (the containers declare %d cpu units in total); %s",
		taskNeed(s).ContainerCPU, choiceText(s)))
}
