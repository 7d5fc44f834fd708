package analyzer

import (
	"strings"
	"testing"
)

// envNameCorpus builds names from the fragments the expressions look for,
// joined with and without underscores, in three cases, with non-ASCII
// look-alikes (K KELVIN SIGN, LATIN SMALL LETTER LONG S) among them.
func envNameCorpus() []string {
	frags := []string{"", "AWS", "ACCESS", "KEY", "ID", "SECRET", "ECS", "ENGINE", "AUTH", "DATA", "PASS", "PASSWORD",
		"PASSWD", "PASSPHRASE", "PWD", "TOKEN", "API", "SIGNING", "ENCRYPTION", "MASTER", "LICENSE", "PRIVATE",
		"CREDENTIAL", "CREDENTIALS", "DB", "HOST", "DD", "AGENT", "URL", "OTEL", "EXPORTER", "OTLP", "TRACES",
		"ENDPOINT", "ZIPKIN", "X", "\u212aEY", "PAſS", "MONKEY", "BYPASS", "COMPASS"}
	var out []string
	for _, a := range frags {
		for _, b := range frags {
			for _, sep := range []string{"_", ""} {
				for _, c := range []string{"", "KEY", "PASS", "HOST"} {
					n := strings.Trim(a+sep+b+sep+c, "_")
					out = append(out, n, strings.ToLower(n), "_"+n, n+"_")
					if len(n) > 1 {
						out = append(out, strings.ToLower(n[:1])+n[1:])
					}
				}
			}
		}
	}
	for n := range agentEndpointNames {
		out = append(out, n, strings.ToLower(n), n+"S", "X"+n, strings.Replace(n, "K", "\u212a", 1))
	}
	return append(out, strings.Repeat("A", 100)+"_PASSWORD", strings.Repeat("a", 100)+"_key", "AWS_ACCESS_KEY_ID", "aws_secret_access_key", "ecs_engine_auth_data")
}

// The string searches decide what the expressions they replace decide.
func TestEnvNameSearchesMatchTheirExpressions(t *testing.T) {
	hits := map[string]int{}
	for _, n := range envNameCorpus() {
		if got, want := isCredentialName(n), secretName.MatchString(n); got != want {
			t.Errorf("isCredentialName(%q) = %v, secretName matches: %v", n, got, want)
		} else if got {
			hits["credential"]++
		}
		if got, want := isAgentEndpointName(n), agentEndpointName.MatchString(n); got != want {
			t.Errorf("isAgentEndpointName(%q) = %v, agentEndpointName matches: %v", n, got, want)
		} else if got {
			hits["agent"]++
		}
	}
	if hits["credential"] < 100 || hits["agent"] < 20 {
		t.Errorf("the corpus hardly exercises the matches: %v", hits)
	}
}

// mayBeSecretValue never rules out a value that secretValue matches.
func TestSecretValuePrefilter(t *testing.T) {
	values := []string{"AKIAABCDEFGHIJKLMNOP", "ASIAABCDEFGHIJKLMNOP", "-----BEGIN RSA PRIVATE KEY-----\nabc",
		"ghp_" + strings.Repeat("a", 36), "xoxb-1234567890-abc", "sk_live_" + strings.Repeat("x", 16),
		"akiaABCDEFGHIJKLMNOP", " AKIAABCDEFGHIJKLMNOP", "plain", "", "gh", "xoxp-", "https://example.com"}
	for _, v := range values {
		if secretValue.MatchString(v) && !mayBeSecretValue(v) {
			t.Errorf("mayBeSecretValue(%q) rules out a value secretValue matches", v)
		}
	}
}
