package analyzer

var pidModeWindows = Rule{
	ID:          "pid-mode-windows",
	Scope:       ScopeTask,
	Severity:    Fixable,
	Title:       "`pidMode` is not supported for Windows tasks",
	Rationale:   "Windows containers, on EC2 and on Fargate, do not support pidMode; a Windows Fargate revision that sets it is rejected.",
	Remediation: "Delete `pidMode` (the rewrite does).",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html",
	},
	Check: checkPidModeWindows,
	Fix:   removeField,
}

func checkPidModeWindows(s *Subject) []Finding {
	if !s.Windows() || s.Def().PidMode == "" {
		return nil
	}
	return s.one(Flag(at("pidMode"), s.Def().PidMode, "pidMode %s is not supported for Windows containers and is removed", s.Def().PidMode))
}
