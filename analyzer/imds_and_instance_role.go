package analyzer

import "github.com/ecs2fargate/ecs2fargate/internal/ptr"

// RuleIMDSAndInstanceRole is the ID of the rule below, for code that refers to it.
const RuleIMDSAndInstanceRole = "imds-and-instance-role"

var imdsAndInstanceRole = Rule{
	ID:    RuleIMDSAndInstanceRole,
	Scope: ScopeTask,
	// Warning, not fixable: the reference suggests a placeholder role, but
	// only a person can say which permissions the app needs, and a role
	// ARN that does not exist fails at launch, not at registration.
	Severity: Warning,
	Title:    "No task role: the app may have used the EC2 instance profile",
	Rationale: "Without taskRoleArn, an app on EC2 can fall back to the instance profile through the instance metadata service " +
		"(169.254.169.254) for AWS credentials, Region or instance id. Fargate tasks have no host to query, so such calls fail.",
	Remediation: "Create a task role with the permissions of the instance role the app really uses and set taskRoleArn; " +
		"read metadata from the task metadata endpoint v4 (ECS_CONTAINER_METADATA_URI_V4) instead of IMDS.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-security-considerations.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-metadata-endpoint-v4-fargate.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html",
	},
	Check: checkIMDSAndInstanceRole,
}

func checkIMDSAndInstanceRole(s *Subject) []Finding {
	if def := s.Def(); def == nil || ptr.Value(def.TaskRoleArn) != "" || s.TaskDef.FargateOnly() {
		return nil // a definition written for Fargate only never had an instance profile
	}
	return s.one(Flag(at("taskRoleArn"), nil,
		"task definition %s has no taskRoleArn, so on EC2 its containers may have used the instance role via IMDS; add a task role and review the permissions it needs",
		s.TaskDef.Key()))
}
