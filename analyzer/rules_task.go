package analyzer

// taskRules are the task-definition-level rules (fargate-rules.md §1a).
func taskRules() []Rule {
	return []Rule{
		networkModeAwsvpc,
	}
}
