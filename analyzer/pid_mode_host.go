package analyzer

import ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

// RulePIDModeHost is the ID of the rule below, for code that refers to it.
const RulePIDModeHost = "pid-mode-host"

var pidModeHost = Rule{
	ID:       RulePIDModeHost,
	Scope:    ScopeTask,
	Severity: Blocker,
	Title:    "`pidMode: host` is not supported on Fargate",
	Rationale: "On Fargate for Linux the only valid pidMode is `task` (platform version 1.4.0 or later); there is no host " +
		"process namespace to join.",
	Remediation: "If the container only needs to see the other containers of its task (e.g. a monitoring sidecar), change " +
		"pidMode to `task` after review. Agents that inspect host processes have no Fargate equivalent.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html",
	},
	Fallback: "stay on EC2 or move to ECS Managed Instances (or change pidMode to task if sibling visibility is enough)",
	Check:    checkPidModeHost,
}

func checkPidModeHost(s *Subject) []Finding {
	if s.Windows() || s.Def().PidMode != ecstypes.PidModeHost {
		return nil // Windows: pid-mode-windows
	}
	return s.one(Flag(at("pidMode"), s.Def().PidMode, "pidMode host shares the host's process namespace, which Fargate does not allow; use task if only sibling containers must be visible"))
}
