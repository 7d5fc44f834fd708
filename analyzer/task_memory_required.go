package analyzer

// RuleTaskMemoryRequired is the ID of the rule below, for code that refers to it.
const RuleTaskMemoryRequired = "task-memory-required"

var taskMemoryRequired = Rule{
	ID:       RuleTaskMemoryRequired,
	Scope:    ScopeTask,
	Severity: Fixable,
	Title:    "Fargate needs a task-level `memory`",
	Rationale: "EC2 accepts memory limits on the containers only; Fargate sizes and bills every task by its task-level " +
		"memory and rejects a definition without one.",
	Remediation: "Set `memory` from the containers (hard limit, else reservation, summed), rounded up together with cpu to a " +
		"valid Fargate size; check the peak usage in CloudWatch before trusting soft limits.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-size-best-practice.html",
	},
	Check: checkTaskMemoryRequired,
	Fix:   fixTaskSize,
}

func checkTaskMemoryRequired(s *Subject) []Finding {
	if s.Def().Memory != nil {
		return nil
	}
	return s.one(Flag(at("memory"), nil, "no task-level memory is set (the containers declare %d MiB in total); %s",
		taskNeed(s).ContainerMemory, choiceText(s)))
}
