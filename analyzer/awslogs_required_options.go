package analyzer

import ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

var awslogsRequiredOptions = Rule{
	ID:       "awslogs-required-options",
	Scope:    ScopeTask,
	Severity: Fixable,
	Title:    "awslogs configuration lacks awslogs-group or awslogs-region",
	Rationale: "The awslogs driver needs to know which log group and Region to write to; on EC2 an agent or daemon default may have " +
		"filled the gap, on Fargate nothing does.",
	Remediation: "Set awslogs-group to an existing log group (or add awslogs-create-group=true and logs:CreateLogGroup on the execution role) " +
		"and awslogs-region to the cluster's Region.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LogConfiguration.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html",
	},
	Check: checkAwslogsRequiredOptions,
}

func checkAwslogsRequiredOptions(s *Subject) []Finding {
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		if !usesAWSLogs(c) {
			return nil
		}
		var out []Finding
		for _, opt := range []string{"awslogs-group", "awslogs-region"} {
			if v, ok := logOption(c, opt); ok && v != "" {
				continue
			}
			out = append(out, Flag(keyStep(at(path, "logConfiguration", "options"), opt), nil,
				"awslogs option %s is missing; add it so the container's logs have a destination on Fargate", opt))
		}
		return out
	})
}
