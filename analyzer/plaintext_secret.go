package analyzer

import (
	"regexp"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

var plaintextSecret = Rule{
	ID:       "plaintext-secret",
	Scope:    ScopeTask,
	Severity: Warning,
	Title:    "A credential-looking value is set in plain text in `environment`, `command` or `entryPoint`",
	Rationale: "Values in `environment`, `command` and `entryPoint` are stored in the task definition and visible to anyone who can describe it. " +
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
// PASS and PWD count only as a whole word at the end (DB_PASS, SMTP_PWD):
// PWD alone is the shell's working directory. isCredentialName decides
// it without the expression for ASCII names.
var secretName = regexp.MustCompile(`(?i)^(AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|ECS_ENGINE_AUTH_DATA)$|PASSWORD|PASSWD|PASSPHRASE|(^|_)PASS$|_PWD$|SECRET|TOKEN|API_?KEY|(ACCESS|AUTH|SIGNING|ENCRYPTION|MASTER|LICENSE)_?KEY$|PRIVATE_?KEY|CREDENTIAL`)

// secretInArgs matches AWS credentials written into a command line: an
// access key ID, or a secret access key given to an option or variable.
var secretInArgs = regexp.MustCompile(`(^|[^A-Z0-9])(AKIA|ASIA)[A-Z0-9]{16}($|[^A-Z0-9])|(?i)aws_secret_access_key["']?\s*[=:]\s*["']?[A-Za-z0-9/+]{40}`)

// secretValue matches values shaped like well-known credentials, whatever
// the variable is called. mayBeSecretValue rules out most values first.
var secretValue = regexp.MustCompile(`^(AKIA|ASIA)[A-Z0-9]{16}$|^-----BEGIN [A-Z ]*PRIVATE KEY-----|^gh[pousr]_[A-Za-z0-9]{36}|^xox[baprs]-[A-Za-z0-9-]{10,}|^sk_live_[A-Za-z0-9]{16,}`)

func checkPlaintextSecret(s *Subject) []Finding {
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		out := s.findings()
		for i, kv := range c.Environment {
			name, value := ptr.Value(kv.Name), ptr.Value(kv.Value)
			if value == "" || looksLikeReference(value) {
				continue
			}
			if isCredentialName(name) || mayBeSecretValue(value) && secretValue.MatchString(value) {
				// The value is deliberately left out: outputs carry names only.
				out = append(out, Flag(at(path, idx("environment", i), "value"), name,
					"environment variable %s holds a plain-text value that looks like a credential", name))
			}
		}
		for _, args := range []struct {
			name string
			list []string
		}{{"entryPoint", c.EntryPoint}, {"command", c.Command}} {
			for i, arg := range args.list {
				if secretInArgs.MatchString(arg) {
					p := idx(args.name, i)
					// The value is the argument's place, never the argument.
					out = append(out, Flag(at(path, p), p.String(),
						"%s holds what looks like an AWS access key in plain text (the argument is not shown)", p))
				}
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
