package analyzer

import (
	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// RuleAWSLogsStreamPrefix is the ID of the rule below, for code that refers to it.
const RuleAWSLogsStreamPrefix = "awslogs-stream-prefix"

var awslogsStreamPrefix = Rule{
	ID:       RuleAWSLogsStreamPrefix,
	Scope:    ScopeTask,
	Severity: Fixable,
	Title:    "awslogs on Fargate needs awslogs-stream-prefix",
	Rationale: "The awslogs-stream-prefix option is optional on EC2 but required for tasks on Fargate; registration or task start fails without it. " +
		"With a prefix, streams are named prefix/container-name/task-id.",
	Remediation: "Add an awslogs-stream-prefix option, for example the service name or the task definition family.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LogConfiguration.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html",
	},
	Check: checkAwslogsStreamPrefix,
	Fix:   fixAwslogsOption,
}

func checkAwslogsStreamPrefix(s *Subject) []Finding {
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		if !usesAWSLogs(c) {
			return nil
		}
		if v, ok := logOption(c, "awslogs-stream-prefix"); ok && v != "" {
			return nil
		}
		return s.one(Flag(logOptionPath(path, "awslogs-stream-prefix"), nil,
			"awslogs option awslogs-stream-prefix is missing; Fargate requires it (e.g. the family %q)", ptr.Value(s.Def().Family)))
	})
}
