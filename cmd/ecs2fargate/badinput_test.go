package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type auditVerdicts struct {
	Verdicts []struct {
		Service, TaskDefinition, Verdict string
		Notes                            []string
	}
	Diagnostics []struct{ File, Level, Message string }
}

func parseAudit(t *testing.T, stdout string) auditVerdicts {
	t.Helper()
	var r auditVerdicts
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, stdout)
	}
	return r
}

// A service whose task definition is not among the inputs is listed with
// verdict unknown and a note saying what to add.
func TestAuditServiceWithoutItsTaskDefinition(t *testing.T) {
	code, stdout, stderr := runCLI(t, "", "audit", "--format", "json", "../../internal/fleet/testdata/shapes/services.json")
	if code != exitPartial || !strings.Contains(stderr, "3 service(s) could not be judged") {
		t.Fatalf("exit %d, want 3 (partial: nothing could be judged); stderr: %s", code, stderr)
	}
	if code, _, _ := runCLI(t, "", "audit", "--fail-on", "none", "../../internal/fleet/testdata/shapes/services.json"); code != exitPartial {
		t.Errorf("--fail-on none: exit %d, want 3: --fail-on is about findings, not missing inputs", code)
	}
	r := parseAudit(t, stdout)
	n := 0
	for _, v := range r.Verdicts {
		if v.Service == "" {
			continue
		}
		n++
		note := strings.Join(v.Notes, " ")
		if v.Verdict != "unknown" || !strings.Contains(note, v.TaskDefinition+" is not among the inputs") || !strings.Contains(note, "describe-task-definition") {
			t.Errorf("service %s: verdict %s, notes %q", v.Service, v.Verdict, v.Notes)
		}
	}
	if n != 3 {
		t.Errorf("%d services listed, want 3", n)
	}
	_, table, _ := runCLI(t, "", "audit", "../../internal/fleet/testdata/shapes/services.json")
	if !strings.Contains(table, "Unknown: 3 services whose task definition is not among the inputs") {
		t.Errorf("the table summary does not explain the unknown verdicts:\n%s", table)
	}
}

// Unrelated JSON in a directory is a warning naming the file; the rest of
// the directory is audited and the exit code is the findings' one.
func TestAuditDirectoryWithUnrelatedJSON(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, "testdata/fleet/blocked.json", filepath.Join(dir, "ecs", "blocked.json"))
	writeTestFile(t, filepath.Join(dir, "package.json"), `{"name": "infra", "version": "1.0.0"}`)
	code, stdout, stderr := runCLI(t, "", "audit", "--format", "json", dir)
	if code != exitFindings {
		t.Errorf("exit %d, want %d (the blocker in blocked.json)", code, exitFindings)
	}
	pkg := filepath.Join(dir, "package.json")
	if !strings.Contains(stderr, pkg+": warning: skipped: not a recognised input") {
		t.Errorf("stderr does not name the unrelated file:\n%s", stderr)
	}
	r := parseAudit(t, stdout)
	if len(r.Verdicts) == 0 || len(r.Diagnostics) != 1 || r.Diagnostics[0].File != pkg {
		t.Errorf("verdicts %d, diagnostics %+v", len(r.Verdicts), r.Diagnostics)
	}
}

// An empty file named on the command line fails the run (exit 1) after
// everything else was audited and reported.
func TestAuditEmptyFile(t *testing.T) {
	empty := filepath.Join(t.TempDir(), "empty.json")
	writeTestFile(t, empty, "")
	code, stdout, stderr := runCLI(t, "", "audit", "--format", "json", empty, "testdata/fleet/ready.json")
	if code != exitError {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(stderr, empty+": error: the file is empty") {
		t.Errorf("stderr:\n%s", stderr)
	}
	if r := parseAudit(t, stdout); len(r.Verdicts) == 0 {
		t.Error("the other input was not audited")
	}
}

func writeTestFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	writeTestFile(t, to, string(data))
}

// A service whose task definition gives no evidence of its OS (no
// runtimePlatform, no container instances, no Windows or POSIX image,
// command or path) is not judged: verdict unknown, exit 3, and the summary
// says why.
func TestAuditServiceWithUndecidedPlatform(t *testing.T) {
	dir := t.TempDir()
	td := `{"taskDefinition": {"taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/api:3", "family": "api", "revision": 3,
  "requiresCompatibilities": ["EC2"], "networkMode": "awsvpc",
  "containerDefinitions": [{"name": "api", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:3", "essential": true, "cpu": 256, "memory": 512}]}}`
	svc := `{"services": [{"serviceArn": "arn:aws:ecs:us-east-1:123456789012:service/web/api", "serviceName": "api",
  "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/web", "taskDefinition": "arn:aws:ecs:us-east-1:123456789012:task-definition/api:3",
  "desiredCount": 1, "runningCount": 1, "launchType": "EC2"}]}`
	for name, body := range map[string]string{"td.json": td, "services.json": svc} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, stdout, stderr := runCLI(t, "", "audit", "--format", "json", "--fail-on", "none", dir)
	if code != exitPartial || !strings.Contains(stderr, "platform-unknown") {
		t.Fatalf("exit %d, want 3 naming platform-unknown; stderr: %s", code, stderr)
	}
	for _, v := range parseAudit(t, stdout).Verdicts {
		if v.Verdict != "unknown" {
			t.Errorf("%s %s: verdict %s, want unknown", v.Service, v.TaskDefinition, v.Verdict)
		}
	}
	_, table, _ := runCLI(t, "", "audit", "--fail-on", "none", dir)
	if !strings.Contains(table, "Unknown: 1 service and 1 task definition whose platform (Linux or Windows) the inputs do not decide (platform-unknown)") {
		t.Errorf("the table summary does not explain the unknown verdict:\n%s", table)
	}
}
