package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// runCLI runs the real command line against buffers.
func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return runCLIContext(t, context.Background(), stdin, args...)
}

func runCLIContext(t *testing.T, ctx context.Context, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(ctx, append([]string{"ecs2fargate"}, args...), streams{in: strings.NewReader(stdin), out: &out, err: &errOut})
	return code, out.String(), errOut.String()
}

func TestAuditExitCodes(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"ready definition is clean", []string{"audit", "testdata/fleet/ready.json"}, exitOK},
		{"blocker fails by default", []string{"audit", "testdata/fleet"}, exitFindings},
		{"--fail-on none never fails on findings", []string{"audit", "--fail-on", "none", "testdata/fleet"}, exitOK},
		{"--fail-on fixable fails on fixable", []string{"audit", "--fail-on", "fixable", "--skip-rule", "privileged", "testdata/fleet/blocked.json"}, exitFindings},
		{"--fail-on warning fails on a warning", []string{"audit", "--fail-on", "warning", "--rule", "plaintext-secret", "testdata/fleet/ready.json"}, exitFindings},
		{"a warning passes --fail-on fixable", []string{"audit", "--fail-on", "fixable", "--rule", "plaintext-secret", "testdata/fleet/ready.json"}, exitOK},
		{"skipping the blocker passes", []string{"audit", "--skip-rule", "privileged", "testdata/fleet"}, exitOK},
		{"malformed input exits 1", []string{"audit", "testdata/malformed.json", "testdata/fleet"}, exitError},
		{"no inputs is a usage error", []string{"audit"}, exitError},
		{"unknown rule is an error", []string{"audit", "--rule", "no-such-rule", "testdata/fleet"}, exitError},
		{"bad --fail-on is an error", []string{"audit", "--fail-on", "sometimes", "testdata/fleet"}, exitError},
		{"bad format is an error", []string{"audit", "--format", "yaml", "testdata/fleet"}, exitError},
		{"missing file exits 1", []string{"audit", "testdata/does-not-exist.json"}, exitError},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, "", tt.args...)
			if code != tt.want {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.want, stderr)
			}
		})
	}
}

// A malformed file is reported with file:line:col and the other inputs are
// still audited.
func TestAuditMalformedInputStillReportsTheRest(t *testing.T) {
	code, stdout, stderr := runCLI(t, "", "audit", "--format", "json", "testdata/malformed.json", "testdata/fleet")
	if code != exitError {
		t.Fatalf("exit %d, want 1", code)
	}
	if !strings.Contains(stderr, "testdata/malformed.json:4:3: error: malformed JSON") {
		t.Errorf("stderr lacks file:line:col for the malformed file:\n%s", stderr)
	}
	var report struct {
		Findings []struct{ RuleID string }
		Verdicts []struct{ TaskDefinition, Verdict string }
	}
	if err := json.Unmarshal([]byte(stdout), &report); err != nil {
		t.Fatalf("stdout is not JSON: %v", err)
	}
	found := false
	for _, v := range report.Verdicts {
		found = found || v.TaskDefinition == "ci-runner:4" && v.Verdict == "blocked"
	}
	if !found {
		t.Errorf("the readable inputs were not audited: %+v", report.Verdicts)
	}
}

func TestAuditReadsStdin(t *testing.T) {
	in := `{"taskDefinition": {"family": "x", "revision": 1, "containerDefinitions": [{"name": "a", "image": "a", "privileged": true}]}}`
	code, stdout, _ := runCLI(t, in, "audit", "--format", "json", "-")
	if code != exitFindings || !strings.Contains(stdout, `"ruleId": "privileged"`) {
		t.Errorf("exit %d, stdout:\n%s", code, stdout)
	}
}

// Environment values never reach any output, whatever the format.
func TestAuditNeverPrintsEnvironmentValues(t *testing.T) {
	for _, format := range []string{"table", "json"} {
		_, stdout, stderr := runCLI(t, "", "audit", "--format", format, "testdata/fleet")
		if strings.Contains(stdout+stderr, "hunter2") {
			t.Errorf("format %s printed an environment value", format)
		}
		if format == "json" && !strings.Contains(stdout, "DB_PASSWORD") {
			t.Errorf("format %s should name the variable DB_PASSWORD", format)
		}
	}
}

func TestRulesExplain(t *testing.T) {
	code, stdout, _ := runCLI(t, "", "rules", "explain", "privileged")
	if code != exitOK || !strings.Contains(stdout, "Privileged containers cannot run on Fargate") || !strings.Contains(stdout, "https://docs.aws.amazon.com/") {
		t.Errorf("exit %d, stdout:\n%s", code, stdout)
	}
	if code, _, stderr := runCLI(t, "", "rules", "explain", "nope"); code != exitError || !strings.Contains(stderr, "unknown rule") {
		t.Errorf("unknown rule: exit %d, stderr %q", code, stderr)
	}
	code, stdout, _ = runCLI(t, "", "rules", "--format", "json")
	var rules []struct{ ID string }
	if code != exitOK || json.Unmarshal([]byte(stdout), &rules) != nil || len(rules) == 0 {
		t.Errorf("rules --format json: exit %d, stdout %q", code, stdout)
	}
}

// stripFileFields removes the input file names (which differ between a
// snapshot and the files it came from) from an audit JSON report.
func stripFileFields(t *testing.T, s string) string {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	delete(v, "inputs")
	for _, f := range v["findings"].([]any) {
		delete(f.(map[string]any), "file")
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// A mistyped environment entry must not leak its value through the input
// problem that reports it.
func TestMistypedEnvironmentValueIsNotPrinted(t *testing.T) {
	in := `{"family": "x", "containerDefinitions": [{"name": "a", "image": "a", "environment": ["DB_PASSWORD=hunter2"]}]}`
	for _, format := range []string{"table", "json", "markdown", "sarif"} {
		_, stdout, stderr := runCLI(t, in, "audit", "--format", format, "-")
		if strings.Contains(stdout+stderr, "hunter2") {
			t.Errorf("format %s printed the value", format)
		}
		if !strings.Contains(stderr, "containerDefinitions[0].environment[0]") {
			t.Errorf("format %s: the problem should still be named with its path; stderr %q", format, stderr)
		}
	}
}

// SARIF results point at the line of the offending field.
func TestSarifHasLineNumbers(t *testing.T) {
	_, stdout, _ := runCLI(t, "", "audit", "--format", "sarif", "--rule", "privileged", "testdata/fleet/blocked.json")
	if !strings.Contains(stdout, `"startLine": 8`) {
		t.Errorf("SARIF lacks the line of containerDefinitions[0].privileged (line 8):\n%s", stdout)
	}
}
