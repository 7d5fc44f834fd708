package analyzer

import (
	"strings"
	"unicode/utf8"
	"unsafe"
)

// The rules test every environment variable of every container, so their
// tests on names and values are written as string searches on the
// upper-cased name, which cost a fraction of the case-insensitive regular
// expressions that state them. Each search below decides what its
// expression (kept as the reference, and still used for names that are
// not ASCII, where (?i) folds Unicode: K KELVIN SIGN matches k) decides:
// helpers_env_names_test.go compares them on a corpus of names.

// isASCII reports whether s has only ASCII bytes.
func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isCredentialName reports whether an environment variable's name is one
// that usually holds a credential: what secretName matches.
func isCredentialName(name string) bool {
	if !isASCII(name) {
		return secretName.MatchString(name)
	}
	var buf [64]byte
	u := name
	if hasLower(name) {
		u = upperInto(buf[:0], name)
	}
	switch u {
	case "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "ECS_ENGINE_AUTH_DATA", "PASS":
		return true
	}
	for _, part := range []string{"PASSWORD", "PASSWD", "PASSPHRASE", "SECRET", "TOKEN", "APIKEY", "API_KEY", "PRIVATEKEY", "PRIVATE_KEY", "CREDENTIAL"} {
		if strings.Contains(u, part) {
			return true
		}
	}
	if strings.HasSuffix(u, "_PASS") || strings.HasSuffix(u, "_PWD") {
		return true
	}
	if rest, ok := strings.CutSuffix(u, "KEY"); ok {
		rest = strings.TrimSuffix(rest, "_")
		for _, what := range []string{"ACCESS", "AUTH", "SIGNING", "ENCRYPTION", "MASTER", "LICENSE"} {
			if strings.HasSuffix(rest, what) {
				return true
			}
		}
	}
	return false
}

// isAgentEndpointName reports whether an environment variable's name is
// that of a telemetry agent's address: what agentEndpointName matches.
func isAgentEndpointName(name string) bool {
	if !isASCII(name) {
		return agentEndpointName.MatchString(name)
	}
	var buf [64]byte
	u := name
	if hasLower(name) {
		u = upperInto(buf[:0], name)
	}
	return agentEndpointNames[u]
}

// agentEndpointNames are the names agentEndpointName matches, spelled out.
var agentEndpointNames = map[string]bool{
	"DD_AGENT_HOST": true, "DD_DOGSTATSD_URL": true, "DD_TRACE_AGENT_URL": true, "DD_TRACE_AGENT_HOSTNAME": true,
	"STATSD_HOST": true, "DOGSTATSD_HOST": true, "AWS_XRAY_DAEMON_ADDRESS": true,
	"OTEL_EXPORTER_OTLP_ENDPOINT": true, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": true,
	"OTEL_EXPORTER_OTLP_METRICS_ENDPOINT": true, "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT": true,
	"JAEGER_AGENT_HOST": true, "ZIPKIN_HOST": true, "ZIPKIN_ENDPOINT": true,
	"NEW_RELIC_DAEMON_HOST": true, "INSTANA_AGENT_HOST": true, "ELASTIC_APM_SERVER_URL": true,
	"FLUENTD_HOST": true, "FLUENT_HOST": true, "LOGSTASH_HOST": true,
}

// mayBeSecretValue is false for values that secretValue cannot match: all
// its forms start with one of these prefixes.
func mayBeSecretValue(v string) bool {
	for _, p := range []string{"AKIA", "ASIA", "-----BEGIN ", "gh", "xox", "sk_live_"} {
		if strings.HasPrefix(v, p) {
			return true
		}
	}
	return false
}

func hasLower(s string) bool {
	for i := range len(s) {
		if 'a' <= s[i] && s[i] <= 'z' {
			return true
		}
	}
	return false
}

// upperInto upper-cases the ASCII s into buf, without a copy of its own
// when it fits: the result lives only as long as the caller's buffer and
// must not be kept.
func upperInto(buf []byte, s string) string {
	if len(s) > cap(buf) {
		return strings.ToUpper(s)
	}
	b := buf[:len(s)]
	for i := range len(s) {
		c := s[i]
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		b[i] = c
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}
