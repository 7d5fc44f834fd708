package analyzer

import (
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// Shared helpers of the logging and execution-role rules.

// keyStep appends a map key to a path; String writes plain identifiers as
// ".key", anything else (awslogs-group) as `["key"]`, as the loader does.
func keyStep(path Path, key string) Path { return at(path, key) }

// logOptionPath is keyStep(at(path, "logConfiguration", "options"), key)
// built at once: one path a finding, not two.
func logOptionPath(path Path, key string) Path {
	return at(path, "logConfiguration", "options", key)
}

// logDriver is the container's log driver, "" when it has no logConfiguration.
func logDriver(c *ecstypes.ContainerDefinition) string {
	if c.LogConfiguration == nil {
		return ""
	}
	return string(c.LogConfiguration.LogDriver)
}

// logOption returns a logConfiguration option and whether it is set.
func logOption(c *ecstypes.ContainerDefinition, name string) (string, bool) {
	if c.LogConfiguration == nil {
		return "", false
	}
	v, ok := c.LogConfiguration.Options[name]
	return v, ok
}

// usesAWSLogs reports whether the container logs with the awslogs driver.
func usesAWSLogs(c *ecstypes.ContainerDefinition) bool {
	return logDriver(c) == string(ecstypes.LogDriverAwslogs)
}

// hasExecutionRole reports whether the task definition names an execution role.
func (s *Subject) hasExecutionRole() bool {
	def := s.Def()
	return def != nil && strings.TrimSpace(ptr.Value(def.ExecutionRoleArn)) != ""
}

// essential reports whether a container is essential (the default when unset).
func essential(c *ecstypes.ContainerDefinition) bool {
	return c.Essential == nil || *c.Essential
}

// awslogsConfig is the log configuration the fixes write: awslogs with
// the options the rewrite gives (Fixer.AwslogsOptions).
func awslogsConfig(opts map[string]string) map[string]any {
	return map[string]any{"logDriver": "awslogs", "options": opts}
}

// needsRoleForAwslogs asks for the execution role, which an awslogs
// configuration needs (exec-role-awslogs), unless the task has one: a new
// configuration would otherwise take one more audit to ask for it.
func needsRoleForAwslogs(x Fixer, s *Subject) {
	if ptr.Value(s.Def().ExecutionRoleArn) == "" {
		x.ExecutionRole(RuleExecRoleAWSLogs)
	}
}
