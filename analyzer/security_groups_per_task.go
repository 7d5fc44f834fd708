package analyzer

import "strings"

// RuleSecurityGroupsPerTask is the ID of the rule below, for code that refers to it.
const RuleSecurityGroupsPerTask = "security-groups-per-task"

var securityGroupsPerTask = Rule{
	ID:       RuleSecurityGroupsPerTask,
	Scope:    ScopeService,
	Severity: Warning,
	Title:    "Security groups move from the host to each task",
	Rationale: "On Fargate each task has its own network interface and security groups; the container instance's security group no longer carries the traffic. " +
		"Rules elsewhere (databases, caches, internal load balancers, EFS mount targets) that allow the instance security group stop matching the tasks.",
	Remediation: "Give the service its own task security group, then find every rule that references the instance security group and add the task security group to it; " +
		"make sure the load balancer's security group reaches the container port.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_AwsVpcConfiguration.html",
	},
	Check: checkSecurityGroupsPerTask,
}

func checkSecurityGroupsPerTask(s *Subject) []Finding {
	svc := s.Svc()
	if onFargate(svc) {
		return nil
	}
	_, instanceSGs := s.memo.instanceNetwork(s.Fleet, s.Service)
	refs := "rules that allow the container instances' security group"
	if len(instanceSGs) > 0 {
		refs = "rules that allow the instance security groups " + strings.Join(instanceSGs, ", ")
	}
	if cfg := awsvpcConfig(svc); cfg != nil && len(cfg.SecurityGroups) > 0 {
		return s.one(Flag(at("networkConfiguration", "awsvpcConfiguration", "securityGroups"), cfg.SecurityGroups,
			"on Fargate these security groups apply to each task; %s must allow %s instead", refs, strings.Join(cfg.SecurityGroups, ", ")))
	}
	return s.one(Flag(at("networkConfiguration", "awsvpcConfiguration", "securityGroups"), nil,
		"on Fargate each task has its own security group; %s must allow the new task security group instead", refs))
}
