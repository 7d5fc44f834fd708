package analyzer

import "github.com/ecs2fargate/ecs2fargate/internal/ptr"

var windowsECSExec = Rule{
	ID:       "windows-ecs-exec",
	Scope:    ScopeService,
	Severity: Warning,
	Title:    "ECS Exec on Fargate needs the right platform version and task-role permissions",
	Rationale: "ECS Exec works on Fargate Linux platform version 1.4.0 and later and Windows 1.0.0. On Fargate the SSM agent runs inside the task, so the task role " +
		"(not an instance role) must allow the ssmmessages channel actions.",
	Remediation: "Keep the platform version at LATEST and give the task role `ssmmessages:CreateControlChannel`, `CreateDataChannel`, `OpenControlChannel` and `OpenDataChannel`.",
	References:  []string{"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec-run.html"},
	Check:       checkWindowsECSExec,
}

func checkWindowsECSExec(s *Subject) []Finding {
	svc := s.Svc()
	if !svc.EnableExecuteCommand || onFargate(svc) {
		return nil
	}
	pv := "Linux platform version 1.4.0+"
	if s.Windows() {
		pv = "Windows platform version 1.0.0"
	}
	if def := s.Def(); def != nil && ptr.Value(def.TaskRoleArn) == "" {
		return s.one(Flag(at("enableExecuteCommand"), true,
			"ECS Exec on Fargate needs %s and a task role with ssmmessages permissions, and the task definition has no task role", pv))
	}
	return s.one(Flag(at("enableExecuteCommand"), true,
		"ECS Exec on Fargate needs %s and ssmmessages permissions on the task role (the instance role no longer applies)", pv))
}
