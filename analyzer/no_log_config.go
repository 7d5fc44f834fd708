package analyzer

import (
	"fmt"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// RuleNoLogConfig is the ID of the rule below, for code that refers to it.
const RuleNoLogConfig = "no-log-config"

var noLogConfig = Rule{
	ID:       RuleNoLogConfig,
	Scope:    ScopeTask,
	Severity: Fixable,
	Also:     []Severity{Warning},
	Title:    "Container has no log configuration",
	Rationale: "Without logConfiguration a container on EC2 logs through the Docker daemon's default driver, usually json-file on the " +
		"instance disk. Fargate gives no access to the underlying host, so those logs would be unreadable. " +
		"A task definition already written for Fargate (FARGATE in requiresCompatibilities or compatibilities, network mode awsvpc) " +
		"runs as it is without one, so there the finding is a warning and the rewrite adds nothing: a log group it would invent may not exist.",
	Remediation: "Add an awslogs logConfiguration with awslogs-group, awslogs-region and awslogs-stream-prefix (and an execution role " +
		"that may write to CloudWatch Logs), or route the container through FireLens.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-security-considerations.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html",
		"https://docs.aws.amazon.com/controltower/latest/controlreference/ecs-rules.html",
	},
	Check:    checkNoLogConfig,
	Fix:      fixNoLogConfig,
	FixNeeds: NeedsLogRegion | NeedsExecutionRole,
}

func checkNoLogConfig(s *Subject) []Finding {
	fargateAlready := fleet.DeclaresFargate(s.Def())
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		if c.LogConfiguration != nil {
			return nil
		}
		if fargateAlready {
			// It runs on Fargate as written; logging is the owner's choice,
			// and an awslogs group we invent may not exist.
			return s.one(Flag(at(path, "logConfiguration"), nil,
				"container %s has no logConfiguration, so its output is not kept on Fargate; the task definition is already Fargate-compatible, "+
					"so it is left as written: add awslogs (with an existing log group) or FireLens if you want its logs", ptr.Value(c.Name)).As(Warning))
		}
		return s.one(Flag(at(path, "logConfiguration"), nil,
			"container %s has no logConfiguration, so its output would be lost on Fargate; add an awslogs configuration", ptr.Value(c.Name)))
	})
}

// fixNoLogConfig adds an awslogs configuration.
func fixNoLogConfig(x Fixer, s *Subject, f Finding) {
	i, ok := f.Field.Element("containerDefinitions")
	if !ok {
		return
	}
	opts := x.AwslogsOptions(ptr.Value(s.Def().ContainerDefinitions[i].Name))
	x.Set(f.Field, awslogsConfig(opts), false, fmt.Sprintf(
		"awslogs logging to group %s added (on EC2 the output went to the Docker daemon's default driver on the host); the log group must exist, or add awslogs-create-group=true with logs:CreateLogGroup on the execution role",
		opts["awslogs-group"]))
	needsRoleForAwslogs(x, s)
}
