package analyzer

import ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

var awslogsMode = Rule{
	ID:       "awslogs-mode",
	Scope:    ScopeTask,
	Severity: Warning,
	Title:    "Log delivery mode is left to the account default",
	Rationale: "When a container sets no `mode` log option, the account setting defaultLogDriverMode decides; since 2025-06-25 that default " +
		"is non-blocking on both launch types, which can drop log lines when the buffer (max-buffer-size, default 10m) fills.",
	Remediation: "Nothing is required for Fargate. Set mode=blocking where losing log lines is unacceptable (audit logs), or " +
		"mode=non-blocking with a sized max-buffer-size to make the choice explicit.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LogConfiguration.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PutAccountSetting.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-account-settings.html",
	},
	Check: checkAwslogsMode,
}

func checkAwslogsMode(s *Subject) []Finding {
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		if !usesAWSLogs(c) {
			return nil
		}
		if _, ok := logOption(c, "mode"); ok {
			return nil
		}
		return s.one(Flag(logOptionPath(path, "mode"), nil,
			"no awslogs delivery mode is set, so the account default applies (non-blocking since 2025-06-25, which may drop lines); set mode explicitly if that matters"))
	})
}
