package analyzer

// containerRules are the container-definition-level rules
// (fargate-rules.md §1b) and our own additions; they run once per task
// definition and look at each container.
func containerRules() []Rule {
	return []Rule{
		privileged,
		plaintextSecret,
	}
}
