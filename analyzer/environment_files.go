package analyzer

import (
	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

var environmentFiles = Rule{
	ID:       "environment-files",
	Scope:    ScopeTask,
	Severity: Warning,
	Title:    "Environment files behave slightly differently on Fargate",
	Rationale: "environmentFiles work on Fargate from platform version 1.4.0 (Linux) or 1.0.0 (Windows) and are read with the " +
		"execution role. Fargate parses the file like a native Docker env-file, without shell-escape handling, so quoted or escaped values may change.",
	Remediation: "Keep the files; make sure the execution role may s3:GetObject them (and s3:GetBucketLocation), and check that no " +
		"value relies on quotes or backslash escapes being interpreted.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EnvironmentFile.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html",
	},
	Check: checkEnvironmentFiles,
}

func checkEnvironmentFiles(s *Subject) []Finding {
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		out := s.findings()
		for i, f := range c.EnvironmentFiles {
			role := "the execution role must be allowed to read it"
			if !s.hasExecutionRole() {
				role = "the task has no executionRoleArn, which Fargate needs to read it"
			}
			out = append(out, Flag(at(path, idx("environmentFiles", i), "value"), ptr.Value(f.Value),
				"environment file %s is parsed without shell-escape handling on Fargate; %s", ptr.Value(f.Value), role))
		}
		return out
	})
}
