package analyzer

import (
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// RuleExecRoleSecrets is the ID of the rule below, for code that refers to it.
const RuleExecRoleSecrets = "exec-role-secrets"

var execRoleSecrets = Rule{
	ID:       RuleExecRoleSecrets,
	Scope:    ScopeTask,
	Severity: Fixable,
	Also:     []Severity{Warning},
	Title:    "Secrets and registry credentials need a task execution role",
	Rationale: "Fargate fetches `secrets`, log-driver `secretOptions` and `repositoryCredentials` with the task execution role, " +
		"never with an instance role. Secrets Manager references to a JSON key or a version need platform version 1.4.0 or later.",
	Remediation: "Set executionRoleArn to a role allowed secretsmanager:GetSecretValue and/or ssm:GetParameters on the referenced " +
		"secrets (plus kms:Decrypt for a customer-managed key), and run on platform version LATEST (1.4.0).",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html",
	},
	Check:    checkExecRoleSecrets,
	Fix:      fixExecutionRole,
	FixNeeds: NeedsExecutionRole,
}

func checkExecRoleSecrets(s *Subject) []Finding {
	hasRole := s.hasExecutionRole()
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		var uses []string // names only: never the valueFrom
		var jsonKeyRefs []Finding
		for i, sec := range c.Secrets {
			uses = append(uses, "secret "+ptr.Value(sec.Name))
			if secretsManagerFieldRef(ptr.Value(sec.ValueFrom)) {
				jsonKeyRefs = append(jsonKeyRefs, Flag(at(path, idx("secrets", i), "valueFrom"), ptr.Value(sec.Name),
					"secret %s references a JSON key or version of a Secrets Manager secret, which needs Fargate platform version 1.4.0 or later", ptr.Value(sec.Name)).As(Warning))
			}
		}
		if c.LogConfiguration != nil {
			for _, sec := range c.LogConfiguration.SecretOptions {
				uses = append(uses, "log option "+ptr.Value(sec.Name))
			}
		}
		if c.RepositoryCredentials != nil && ptr.Value(c.RepositoryCredentials.CredentialsParameter) != "" {
			uses = append(uses, "repositoryCredentials")
		}
		if hasRole || len(uses) == 0 {
			return jsonKeyRefs
		}
		return append(s.one(Flag(at("executionRoleArn"), nil,
			"container %s uses %s but the task has no executionRoleArn; add an execution role that may read them", ptr.Value(c.Name), strings.Join(uses, ", "))),
			jsonKeyRefs...)
	})
}

// secretsManagerFieldRef reports whether a valueFrom is a Secrets Manager ARN
// that selects a JSON key, version stage or version id
// (arn:aws:secretsmanager:region:account:secret:name:json-key:stage:id).
func secretsManagerFieldRef(valueFrom string) bool {
	parts := strings.Split(valueFrom, ":")
	if len(parts) < 7 || parts[2] != "secretsmanager" || parts[5] != "secret" {
		return false
	}
	for _, p := range parts[7:] {
		if p != "" {
			return true
		}
	}
	return false
}
