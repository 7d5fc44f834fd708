package analyzer

import (
	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// RuleExecRoleAWSLogs is the ID of the rule below, for code that refers to it.
const RuleExecRoleAWSLogs = "exec-role-awslogs"

var execRoleAWSLogs = Rule{
	ID:       RuleExecRoleAWSLogs,
	Scope:    ScopeTask,
	Severity: Fixable,
	Title:    "awslogs on Fargate needs a task execution role",
	Rationale: "On EC2 the awslogs driver can write to CloudWatch Logs with the container instance's role; on Fargate it uses the task " +
		"execution role, and the task definition has none.",
	Remediation: "Set executionRoleArn (e.g. ecsTaskExecutionRole with the AmazonECSTaskExecutionRolePolicy managed policy). " +
		"If awslogs-create-group is true the role also needs logs:CreateLogGroup.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LogConfiguration.html",
	},
	Check:    checkExecRoleAWSLogs,
	Fix:      fixExecutionRole,
	FixNeeds: NeedsExecutionRole,
}

func checkExecRoleAWSLogs(s *Subject) []Finding {
	if s.hasExecutionRole() {
		return nil
	}
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, _ Path) []Finding {
		if !usesAWSLogs(c) {
			return nil
		}
		extra := ""
		if v, _ := logOption(c, "awslogs-create-group"); v == "true" {
			extra = " (with logs:CreateLogGroup, since awslogs-create-group is true)"
		}
		return s.one(Flag(at("executionRoleArn"), nil,
			"container %s logs with awslogs but the task has no executionRoleArn; add an execution role that can write to CloudWatch Logs%s", ptr.Value(c.Name), extra))
	})
}
