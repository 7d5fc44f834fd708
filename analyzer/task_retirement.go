package analyzer

import ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

var taskRetirement = Rule{
	ID:       "task-retirement",
	Scope:    ScopeService,
	Severity: Warning,
	Title:    "Fargate retires tasks for platform maintenance",
	Rationale: "Fargate stops tasks running on a platform revision that needs patching; a service replaces them, but a service with a single task is down in between. " +
		"The account setting `fargateTaskRetirementWaitPeriod` (0, 7 or 14 days) and, since 2025-12, `fargateEventWindows` control when this happens.",
	Remediation: "Run at least two tasks (across Availability Zones) for services that must stay up, and set the retirement wait period or event windows to suit your maintenance times.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PutAccountSetting.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-linux-fargate.html",
	},
	Check: checkTaskRetirement,
}

func checkTaskRetirement(s *Subject) []Finding {
	svc := s.Svc()
	if svc.SchedulingStrategy == ecstypes.SchedulingStrategyDaemon || svc.DesiredCount > 1 {
		return nil
	}
	if svc.DesiredCount == 0 {
		return s.one(Flag(at("desiredCount"), 0,
			"the service is scaled to 0; when it runs a single task, a Fargate task retirement stops it until a replacement starts: run at least 2"))
	}
	return s.one(Flag(at("desiredCount"), svc.DesiredCount,
		"a single task is stopped when Fargate retires it for patching, and the service is down until the replacement starts: run at least 2"))
}
