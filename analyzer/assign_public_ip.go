package analyzer

import ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

// RuleAssignPublicIP is the ID of the rule below, for code that refers to it.
const RuleAssignPublicIP = "assign-public-ip"

var assignPublicIP = Rule{
	ID:       RuleAssignPublicIP,
	Scope:    ScopeService,
	Severity: Warning,
	Title:    "Tasks get public IP addresses",
	Rationale: "With `assignPublicIp: ENABLED` each task's network interface gets a public IPv4 address, reachable from the internet where security groups allow, and billed per address. " +
		"It is only needed in public subnets without a NAT gateway or VPC endpoints; AWS Control Tower (CT.ECS.PR.9) and checkov (CKV_AWS_333) flag it.",
	Remediation: "Run the tasks in private subnets with a NAT gateway or VPC endpoints and set `assignPublicIp: DISABLED`; keep it only where a public subnet is the deliberate design.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html",
		"https://docs.aws.amazon.com/controltower/latest/controlreference/ecs-rules.html",
	},
	Check: checkAssignPublicIP,
}

func checkAssignPublicIP(s *Subject) []Finding {
	cfg := awsvpcConfig(s.Svc())
	if cfg == nil || cfg.AssignPublicIp != ecstypes.AssignPublicIpEnabled {
		return nil
	}
	return s.one(Flag(at("networkConfiguration", "awsvpcConfiguration", "assignPublicIp"), cfg.AssignPublicIp,
		"every task gets a public IPv4 address (billed, internet-reachable); prefer private subnets with NAT or VPC endpoints"))
}
