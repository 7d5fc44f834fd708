package analyzer

import ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

// RuleIPCMode is the ID of the rule below, for code that refers to it.
const RuleIPCMode = "ipc-mode"

var ipcMode = Rule{
	ID:       RuleIPCMode,
	Scope:    ScopeTask,
	Severity: Blocker,
	Also:     []Severity{Fixable},
	Title:    "`ipcMode` is not supported on Fargate",
	Rationale: "Fargate does not accept any `ipcMode`. `none` is simply dropped; `task` or `host` mean containers share System V IPC " +
		"or shared memory with each other or the host, which Fargate cannot provide.",
	Remediation: "Delete `ipcMode: none` (the rewrite does). For `task`/`host`, confirm the containers do not actually use shared IPC " +
		"and delete it, or redesign the communication (sockets on localhost, a shared volume), or stay on EC2.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html",
	},
	Fallback: "stay on EC2 or move to ECS Managed Instances",
	Check:    checkIpcMode,
	Fix:      removeField,
}

func checkIpcMode(s *Subject) []Finding {
	switch m := s.Def().IpcMode; m {
	case "":
		return nil
	case ecstypes.IpcModeNone:
		return s.one(Flag(at("ipcMode"), m, "ipcMode none is not accepted on Fargate and is removed").As(Fixable))
	default:
		return s.one(Flag(at("ipcMode"), m, "ipcMode %s shares IPC resources, which Fargate does not support; remove it only if the containers do not rely on shared IPC", m))
	}
}
