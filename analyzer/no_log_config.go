package analyzer

import ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

var noLogConfig = Rule{
	ID:       "no-log-config",
	Scope:    ScopeTask,
	Severity: Fixable,
	Title:    "Container has no log configuration",
	Rationale: "Without logConfiguration a container on EC2 logs through the Docker daemon's default driver, usually json-file on the " +
		"instance disk. Fargate gives no access to the underlying host, so those logs would be unreadable.",
	Remediation: "Add an awslogs logConfiguration with awslogs-group, awslogs-region and awslogs-stream-prefix (and an execution role " +
		"that may write to CloudWatch Logs), or route the container through FireLens.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-security-considerations.html",
		"https://docs.aws.amazon.com/controltower/latest/controlreference/ecs-rules.html",
	},
	Check: checkNoLogConfig,
}

func checkNoLogConfig(s *Subject) []Finding {
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path string) []Finding {
		if c.LogConfiguration != nil {
			return nil
		}
		return []Finding{Flag(at(path, "logConfiguration"), nil,
			"container %s has no logConfiguration, so its output would be lost on Fargate; add an awslogs configuration", deref(c.Name))}
	})
}
