package analyzer

import ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

var firelensWindows = Rule{
	ID:       "firelens-windows",
	Scope:    ScopeTask,
	Severity: Blocker,
	Title:    "FireLens is not available for Windows containers",
	Rationale: "Windows containers do not support FireLens, so a Windows task that routes logs through awsfirelens or declares a " +
		"log-router container cannot run on Fargate as written.",
	Remediation: "Use the awslogs driver for Windows containers on Fargate and forward from CloudWatch Logs (subscription filters) " +
		"if another destination is needed.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_firelens.html",
	},
	Fallback: "switch to awslogs, or keep the task on EC2",
	Check:    checkFirelensWindows,
}

func checkFirelensWindows(s *Subject) []Finding {
	if !s.Windows() {
		return nil
	}
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		out := s.findings()
		if d := logDriver(c); d == string(ecstypes.LogDriverAwsfirelens) {
			out = append(out, Flag(at(path, "logConfiguration", "logDriver"), d,
				"Windows container logs through awsfirelens, which Windows does not support; use awslogs"))
		}
		if c.FirelensConfiguration != nil {
			out = append(out, Flag(at(path, "firelensConfiguration", "type"), c.FirelensConfiguration.Type,
				"Windows task declares a FireLens log router, which Windows does not support; remove it and use awslogs"))
		}
		return out
	})
}
