package analyzer

import (
	"regexp"
	"strings"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

var plaintextSecret = Rule{
	ID:       "plaintext-secret",
	Scope:    ScopeTask,
	Severity: Warning,
	Title:    "A credential-looking value is set in plain text in `environment`",
	Rationale: "Values in `environment` are stored in the task definition and visible to anyone who can describe it. " +
		"Moving to Fargate is a good moment to move them to Secrets Manager or SSM Parameter Store. ecs2fargate never prints the value.",
	Remediation: "Move the value to Secrets Manager or SSM Parameter Store and reference it from `secrets` (the execution role needs read access).",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html",
		"https://docs.aws.amazon.com/config/latest/developerguide/ecs-no-environment-secrets.html",
	},
	Check: checkPlaintextSecret,
}

// secretName matches variable names that usually hold credentials; AWS
// Config's ecs-no-environment-secrets flags the first three by default.
var secretName = regexp.MustCompile(`(?i)^(AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|ECS_ENGINE_AUTH_DATA)$|PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL`)

// secretValue matches values shaped like well-known credentials, whatever
// the variable is called.
var secretValue = regexp.MustCompile(`^(AKIA|ASIA)[A-Z0-9]{16}$|^-----BEGIN [A-Z ]*PRIVATE KEY-----|^gh[pousr]_[A-Za-z0-9]{36}|^xox[baprs]-[A-Za-z0-9-]{10,}|^sk_live_[A-Za-z0-9]{16,}`)

func checkPlaintextSecret(s *Subject) []Finding {
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path string) []Finding {
		var out []Finding
		for i, kv := range c.Environment {
			name, value := deref(kv.Name), deref(kv.Value)
			if value == "" || looksLikeReference(value) {
				continue
			}
			if secretName.MatchString(name) || secretValue.MatchString(value) {
				// The value is deliberately left out: outputs carry names only.
				out = append(out, Flag(at(path, idx("environment", i), "value"), name,
					"environment variable %s holds a plain-text value that looks like a credential", name))
			}
		}
		return out
	})
}

// looksLikeReference skips values that point at a secret rather than hold
// one (ARNs, SSM parameter names, placeholders).
func looksLikeReference(v string) bool {
	return strings.HasPrefix(v, "arn:") || strings.HasPrefix(v, "/") || strings.HasPrefix(v, "${") || strings.HasPrefix(v, "{{resolve:")
}
