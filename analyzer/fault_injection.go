package analyzer

var faultInjection = Rule{
	ID:          "fault-injection",
	Scope:       ScopeTask,
	Severity:    Info,
	Title:       "Fault injection is enabled for the task",
	Rationale:   "`enableFaultInjection` is not tied to a launch type in the API, so it carries over to Fargate unchanged.",
	Remediation: "Nothing to change; keep the setting if fault-injection experiments should continue on Fargate.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html",
	},
	Check: checkFaultInjection,
}

func checkFaultInjection(s *Subject) []Finding {
	v := s.Def().EnableFaultInjection
	if v == nil {
		return nil
	}
	return s.one(Flag(at("enableFaultInjection"), *v, "enableFaultInjection is %t and carries over to Fargate unchanged", *v))
}
