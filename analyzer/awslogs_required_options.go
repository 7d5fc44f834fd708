package analyzer

import (
	"fmt"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"
)

import ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

// RuleAWSLogsRequiredOptions is the ID of the rule below, for code that refers to it.
const RuleAWSLogsRequiredOptions = "awslogs-required-options"

var awslogsRequiredOptions = Rule{
	ID:       RuleAWSLogsRequiredOptions,
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
	Check:    checkAwslogsRequiredOptions,
	Fix:      fixAwslogsOption,
	FixNeeds: NeedsLogRegion | NeedsExecutionRole,
}

func checkAwslogsRequiredOptions(s *Subject) []Finding {
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		if !usesAWSLogs(c) {
			return nil
		}
		out := s.findings()
		for _, opt := range []string{"awslogs-group", "awslogs-region"} {
			if v, ok := logOption(c, opt); ok && v != "" {
				continue
			}
			out = append(out, Flag(logOptionPath(path, opt), nil,
				"awslogs option %s is missing; add it so the container's logs have a destination on Fargate", opt))
		}
		return out
	})
}

// fixAwslogsOption fills the missing awslogs option the finding names
// (the last step of its path) with the value the rewrite writes for the
// container. It is also awslogs-stream-prefix's fix.
func fixAwslogsOption(x Fixer, s *Subject, f Finding) {
	i, ok := f.Field.Element("containerDefinitions")
	if !ok || len(f.Field) == 0 {
		return
	}
	name := f.Field.Last().Key
	if v, ok := x.AwslogsOptions(ptr.Value(s.Def().ContainerDefinitions[i].Name))[name]; ok {
		x.Set(f.Field, v, false, fmt.Sprintf("awslogs option %s set to %s", name, v))
	}
}
