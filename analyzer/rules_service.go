package analyzer

// serviceRules are the service-level rules (fargate-rules.md §1c).
func serviceRules() []Rule {
	return []Rule{
		schedulingDaemon,
		lbTargetTypeIP,
	}
}
