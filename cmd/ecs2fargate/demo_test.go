package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/golden"
)

// demoFleet is the README's first command's input, relative to the
// repository root, which is where the demo tests run it from: the paths in
// the goldens are then the ones a user sees, on any machine.
const demoFleet = "examples/demo-fleet"

// packageDir is this package's directory, read before any test changes it.
var packageDir, _ = os.Getwd()

// auditDemo runs `audit --format FORMAT examples/demo-fleet` from the
// repository root and returns the golden file's absolute path as well.
func auditDemo(t *testing.T, format string) (code int, stdout, stderr, goldenPath string) {
	t.Helper()
	goldenPath = filepath.Join(packageDir, "testdata", "demo", "audit."+format)
	t.Chdir(filepath.Join(packageDir, "..", ".."))
	code, stdout, stderr = runCLI(t, "", "audit", "--format", format, demoFleet)
	return code, stdout, stderr, goldenPath
}

// The demo fleet is audited the same in every format, reads without one
// input problem, and exits 2 because it holds blockers.
func TestDemoFleetGoldens(t *testing.T) {
	for _, format := range []string{"table", "json", "markdown", "sarif"} {
		t.Run(format, func(t *testing.T) {
			code, stdout, stderr, path := auditDemo(t, format)
			if code != exitFindings {
				t.Fatalf("exit %d, want %d (blockers found); stderr:\n%s", code, exitFindings, stderr)
			}
			if want := "finding(s) at or above blocker"; !strings.Contains(stderr, want) || strings.Count(stderr, "\n") != 1 {
				t.Errorf("stderr should hold only the exit reason, no input problems:\n%s", stderr)
			}
			if strings.Contains(stdout, "/work/") || strings.Contains(stdout, os.TempDir()) {
				t.Errorf("output contains a machine-specific path")
			}
			golden.Assert(t, path, []byte(stdout))
		})
	}
	t.Run("markdown details", func(t *testing.T) {
		details := filepath.Join(t.TempDir(), "audit-details.md")
		t.Chdir(filepath.Join(packageDir, "..", ".."))
		code, stdout, stderr := runCLI(t, "", "audit", "--format", "markdown", "--details-file", details, demoFleet)
		if code != exitFindings || !strings.Contains(stdout, "](<"+filepath.ToSlash(details)+">)") {
			t.Fatalf("exit %d, want %d, and a link to the details; stderr:\n%s", code, exitFindings, stderr)
		}
		got, err := os.ReadFile(details)
		if err != nil {
			t.Fatal(err)
		}
		golden.Assert(t, filepath.Join(packageDir, "testdata", "demo", "audit-details.markdown"), got)
	})
}

type demoReport struct {
	Diagnostics []json.RawMessage
	Verdicts    []struct {
		Cluster, Service, TaskDefinition, Verdict string
		Blockers                                  []string
	}
	Findings []struct{ RuleID, Service, TaskDefinition string }
}

func demoJSON(t *testing.T) demoReport {
	t.Helper()
	_, stdout, _, _ := auditDemo(t, "json")
	var r demoReport
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatalf("audit JSON: %v", err)
	}
	return r
}

// The verdicts the demo fleet's README promises.
func TestDemoFleetVerdicts(t *testing.T) {
	r := demoJSON(t)
	if len(r.Diagnostics) != 0 {
		t.Errorf("the demo fleet should load without input problems, got %s", r.Diagnostics)
	}
	services := map[string]string{}
	count := map[string]int{}
	clusters := map[string]bool{}
	for _, v := range r.Verdicts {
		if v.Service == "" {
			continue
		}
		services[v.Service] = v.Verdict + " " + strings.Join(v.Blockers, ",")
		count[v.Verdict]++
		clusters[v.Cluster] = true
	}
	if len(services) < 25 || len(clusters) < 3 || count["ready"] < 1 || count["fixable"] < 3 || count["blocked"] < 3 {
		t.Errorf("the demo fleet lacks variety: %d services in %d clusters, verdicts %v", len(services), len(clusters), count)
	}
	want := map[string]string{
		"notifications-worker":   "ready ",
		"payments-api":           "ready ",
		"eu-consent-api":         "ready ",
		"storefront-web":         "fixable ",
		"legacy-billing":         "fixable ",
		"intranet-iis":           "fixable ",
		"datadog-agent":          "blocked docker-socket,pid-mode-host,scheduling-daemon,volume-host-sourcepath",
		"gitlab-runner":          "blocked docker-socket,privileged",
		"ml-inference":           "blocked gpu",
		"analytics-spark-driver": "blocked task-size-too-large",
		"hr-batch":               "blocked gmsa-windows",
	}
	for name, w := range want {
		if got := services[name]; got != w {
			t.Errorf("service %s: verdict %q, want %q", name, got, w)
		}
	}
	found := false
	for _, f := range r.Findings {
		found = found || f.RuleID == "plaintext-secret" && strings.HasPrefix(f.TaskDefinition, "reporting-api:")
	}
	if !found {
		t.Error("reporting-api's plaintext AWS key should be a plaintext-secret finding")
	}
}

// No environment value of the demo fleet appears in any format. Values
// that also occur in the inputs outside an environment entry (a region,
// a URL that is also a tag) or are too short to be distinctive are left out.
func TestDemoFleetPrintsNoEnvironmentValue(t *testing.T) {
	values := demoEnvValues(t)
	if len(values) < 20 {
		t.Fatalf("only %d distinctive environment values found; the check would prove little", len(values))
	}
	for _, format := range []string{"table", "json", "markdown", "sarif"} {
		_, stdout, stderr, _ := auditDemo(t, format)
		switch format {
		case "table":
			// The findings, with their variable names, are details.
			_, stdout, stderr = runCLI(t, "", "audit", "--details", demoFleet)
		case "markdown":
			details := filepath.Join(t.TempDir(), "details.md")
			_, stdout, stderr = runCLI(t, "", "audit", "--format", "markdown", "--details-file", details, demoFleet)
			data, err := os.ReadFile(details)
			if err != nil {
				t.Fatal(err)
			}
			stdout += string(data)
		}
		for _, v := range values {
			if strings.Contains(stdout+stderr, v) {
				t.Errorf("%s output contains the value of an environment variable (%d characters)", format, len(v))
			}
		}
		if !strings.Contains(stdout, "AWS_SECRET_ACCESS_KEY") && !strings.Contains(stdout, `AWS\_SECRET\_ACCESS\_KEY`) {
			t.Errorf("%s output should name the variable AWS_SECRET_ACCESS_KEY", format)
		}
	}
}

func demoEnvValues(t *testing.T) []string {
	t.Helper()
	f, diags := fleet.Load(context.Background(), []string{filepath.Join(packageDir, "..", "..", demoFleet)}, nil)
	if len(diags) != 0 {
		t.Fatalf("loading the demo fleet: %v", diags)
	}
	env := map[string]bool{}
	var other strings.Builder
	for _, td := range f.TaskDefinitions {
		for _, cd := range td.Def.ContainerDefinitions {
			for i := range cd.Environment {
				if v := envValue(cd.Environment[i].Value); len(v) >= 6 {
					env[v] = true
				}
				cd.Environment[i].Value = nil // the rest of the document counts as "other"
			}
		}
		b, err := json.Marshal(td.Def)
		if err != nil {
			t.Fatal(err)
		}
		other.Write(b)
	}
	for _, s := range f.Services {
		other.Write(docBytes(t, s.Doc))
	}
	// The documentation links the tool prints itself (DD_SITE datadoghq.com
	// is part of https://docs.datadoghq.com/…).
	other.WriteString(strings.Join(analyzer.WorkloadReferences(), " "))
	var out []string
	for v := range env {
		if !strings.Contains(other.String(), v) {
			out = append(out, v)
		}
	}
	sort.Strings(out)
	return out
}

func envValue(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
