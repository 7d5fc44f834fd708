package analyzer

import ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

var logDriverRule = Rule{
	ID:       "log-driver",
	Scope:    ScopeTask,
	Severity: Fixable,
	Title:    "Log driver not available on Fargate",
	Rationale: "Fargate tasks can only use the awslogs, splunk and awsfirelens log drivers; json-file, journald, syslog, gelf " +
		"and fluentd wrote to the host or to a host-side daemon, which Fargate does not have. Switching drivers is lossy: logs land somewhere else.",
	Remediation: "Switch the container to awslogs (CloudWatch Logs), or to awsfirelens with a Fluent Bit sidecar whose output " +
		"reproduces the old destination (gelf, fluentd or syslog endpoint). Update whatever read the old logs.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LogConfiguration.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_firelens.html",
	},
	Check: checkLogDriver,
}

// fargateLogDrivers are the log drivers Fargate accepts.
var fargateLogDrivers = map[string]bool{
	string(ecstypes.LogDriverAwslogs):     true,
	string(ecstypes.LogDriverSplunk):      true,
	string(ecstypes.LogDriverAwsfirelens): true,
}

func checkLogDriver(s *Subject) []Finding {
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		d := logDriver(c)
		if c.LogConfiguration == nil || fargateLogDrivers[d] {
			return nil
		}
		return []Finding{Flag(at(path, "logConfiguration", "logDriver"), d,
			"log driver %s is not available on Fargate; switch to awslogs or awsfirelens (lossy: logs no longer go where %s sent them)", orDefault(d, "(empty)"), orDefault(d, "it"))}
	})
}
