package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/fleetgen"
	"github.com/ecs2fargate/ecs2fargate/internal/golden"
	"github.com/ecs2fargate/ecs2fargate/reports"
	"github.com/ecs2fargate/ecs2fargate/rewrite"
)

// reportDemo runs `report --format FORMAT examples/demo-fleet` from the
// repository root, isolated from any price cache or AWS region.
func reportDemo(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	isolate(t)
	t.Chdir(filepath.Join(packageDir, "..", ".."))
	return runCLI(t, "", append(append([]string{"report"}, args...), demoFleet)...)
}

// TestReportDemoGoldens: the README's report of the demo fleet, in every
// format, exits 2 (blockers) and matches its golden file.
func TestReportDemoGoldens(t *testing.T) {
	for _, format := range reports.ReportFormats() {
		t.Run(format, func(t *testing.T) {
			code, stdout, stderr := reportDemo(t, "--format", format)
			if code != exitFindings {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitFindings, stderr)
			}
			if strings.Contains(stdout, "/work/") || strings.Contains(stdout, os.TempDir()) {
				t.Errorf("output contains a machine-specific path")
			}
			golden.Assert(t, filepath.Join(packageDir, "testdata", "demo", reports.ReportFiles[format]), []byte(stdout))
		})
	}
	t.Run("markdown details", func(t *testing.T) {
		details := filepath.Join(t.TempDir(), "report-details.md")
		code, stdout, stderr := reportDemo(t, "--format", "markdown", "--details-file", details)
		if code != exitFindings || !strings.Contains(stdout, "]("+"<"+filepath.ToSlash(details)+">)") {
			t.Fatalf("exit %d, want %d, and a link to the details; stderr:\n%s", code, exitFindings, stderr)
		}
		got, err := os.ReadFile(details)
		if err != nil {
			t.Fatal(err)
		}
		golden.Assert(t, filepath.Join(packageDir, "testdata", "demo", "report-details.md"), got)
	})
}

// TestReportDemoHasRewritePreview: the real rewrite ran, so movable
// services carry change lists and concrete next steps.
func TestReportDemoHasRewritePreview(t *testing.T) {
	_, stdout, _ := reportDemo(t, "--format", "json")
	var r reports.Report
	if err := json.Unmarshal([]byte(stdout), &struct {
		Services *[]reports.ServiceReport `json:"services"`
		Note     *string                  `json:"rewriteNote"`
	}{&r.Services, &r.RewriteNote}); err != nil {
		t.Fatal(err)
	}
	if r.RewriteNote != "" {
		t.Errorf("rewrite note %q: the preview should have run", r.RewriteNote)
	}
	moved := 0
	for _, s := range r.Services {
		if s.Verdict == "fixable" && !s.OnFargate {
			moved++
			if len(s.Changes) == 0 || !strings.Contains(strings.Join(s.NextSteps, " "), "rewritten") {
				t.Errorf("%s/%s: %d changes, steps %q; want the rewrite's changes and document", s.Cluster, s.Service, len(s.Changes), s.NextSteps)
			}
		}
	}
	if moved == 0 {
		t.Error("the demo fleet should have fixable services")
	}
}

// TestReportOutWritesEveryFormat: --out writes the five files, the same
// bytes as --format gives on stdout (report.json: see
// TestReportOutReferencesAuditAndCost).
func TestReportOutWritesEveryFormat(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	code, _, stderr := reportDemo(t, "--fail-on", "none", "--out", dir)
	if code != exitOK {
		t.Fatalf("exit %d with --fail-on none; stderr:\n%s", code, stderr)
	}
	for format, name := range reports.ReportFiles {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if format == "json" {
			continue // references audit.json and cost.json instead of embedding them
		}
		_, stdout, _ := reportDemo(t, "--format", format)
		if format == "markdown" {
			// The summary in --out links to report-details.md beside it;
			// on stdout it says how to write the details instead.
			got, stdout = []byte(allButLastLine(string(got))), allButLastLine(stdout)
		}
		if string(got) != stdout {
			t.Errorf("%s differs from --format %s", name, format)
		}
	}
	summary, _ := os.ReadFile(filepath.Join(dir, "report.md"))
	if !strings.HasSuffix(string(summary), "[report-details.md](<report-details.md>), written beside this summary.\n") {
		t.Errorf("report.md does not link to report-details.md:\n%s", summary)
	}
	details, _ := os.ReadFile(filepath.Join(dir, "report-details.md"))
	if want, _ := os.ReadFile(filepath.Join(packageDir, "testdata", "demo", "report-details.md")); string(details) != string(want) {
		t.Error("report-details.md differs from the --details-file golden")
	}
	entries, _ := os.ReadDir(dir)
	if want := len(reports.ReportFiles) + len(reports.ReportDetailFiles) + 2; len(entries) != want {
		t.Errorf("%d files in --out, want %d (no temporary files left)", len(entries), want)
	}
}

// TestReportOutReferencesAuditAndCost: under --out the audit and cost
// documents are files of their own, the bytes of audit --format json and
// cost --format json, and report.json names them (schemaVersion 2) in
// place of the embedded documents --format json still writes; every other
// member is the same.
func TestReportOutReferencesAuditAndCost(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	if code, _, stderr := reportDemo(t, "--fail-on", "none", "--out", dir); code != exitOK {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	var files, embedded map[string]json.RawMessage
	readJSONFile(t, filepath.Join(dir, "report.json"), &files)
	_, stdout, _ := reportDemo(t, "--format", "json")
	if err := json.Unmarshal([]byte(stdout), &embedded); err != nil {
		t.Fatal(err)
	}
	if string(files["schemaVersion"]) != "2" || string(embedded["schemaVersion"]) != "1" {
		t.Errorf("schemaVersion %s under --out, %s on stdout; want 2 and 1", files["schemaVersion"], embedded["schemaVersion"])
	}
	for member, name := range map[string]string{"auditFile": "audit.json", "costFile": "cost.json"} {
		if string(files[member]) != `"`+name+`"` {
			t.Errorf("%s = %s, want %q", member, files[member], name)
		}
	}
	for k, v := range embedded {
		if k != "schemaVersion" && k != "audit" && k != "cost" && string(v) != string(files[k]) {
			t.Errorf("member %s differs between report.json and --format json", k)
		}
	}
	for _, k := range []string{"audit", "cost"} {
		if _, ok := files[k]; ok {
			t.Errorf("report.json still embeds %s", k)
		}
	}
	isolate(t)
	_, audit, _ := runCLI(t, "", "audit", "--format", "json", demoFleet)
	_, cost, _ := runCLI(t, "", "cost", "--format", "json", demoFleet)
	for name, want := range map[string]string{"audit.json": audit, "cost.json": cost} {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || string(got) != want {
			t.Errorf("%s is not what the command writes (%v)", name, err)
		}
		var fromFile, fromEmbedded any
		json.Unmarshal(got, &fromFile)
		json.Unmarshal(embedded[strings.TrimSuffix(name, ".json")], &fromEmbedded)
		if !reflect.DeepEqual(fromFile, fromEmbedded) {
			t.Errorf("%s is not the document --format json embeds", name)
		}
	}
}

func readJSONFile(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

func TestReportNow(t *testing.T) {
	_, stdout, _ := reportDemo(t, "--format", "json", "--now=2026-11-30T12:00:00+01:00")
	if !strings.Contains(stdout, `"generatedAt": "2026-11-30T11:00:00Z"`) {
		t.Errorf("--now=TIME should stamp that time in UTC")
	}
	_, stdout, _ = reportDemo(t, "--format", "json", "--now")
	if !strings.Contains(stdout, `"generatedAt": "20`) {
		t.Errorf("--now alone should stamp the current time")
	}
	code, _, stderr := reportDemo(t, "--now=yesterday")
	if code != exitError || !strings.Contains(stderr, "RFC 3339") {
		t.Errorf("--now=yesterday: exit %d, stderr %q; want a usage error naming RFC 3339", code, stderr)
	}
}

func TestReportBadFormat(t *testing.T) {
	code, stdout, stderr := reportDemo(t, "--format", "pdf")
	if code != exitError || stdout != "" || !strings.Contains(stderr, "html") {
		t.Errorf("exit %d, stdout %d bytes, stderr %q; want exit 1 listing the formats and no output", code, len(stdout), stderr)
	}
}

// TestReportPrintsNoEnvironmentValue: the report, rewrite changes
// included, never shows an environment value of the demo fleet.
func TestReportPrintsNoEnvironmentValue(t *testing.T) {
	values := demoEnvValues(t)
	for _, format := range reports.ReportFormats() {
		_, stdout, stderr := reportDemo(t, "--format", format)
		for _, v := range values {
			if strings.Contains(stdout+stderr, v) {
				t.Errorf("%s report contains the value of an environment variable (%d characters)", format, len(v))
			}
		}
	}
}

// TestReportPreviewEqualsWholePreview: the preview made a row at a time
// as the report makes its rows, on every core (reportPreview: a task
// definition rewritten when the first of its services asks, let go after
// the last), gives the report what the preview made whole before gave it
// (previewRewrites), on every core and on one: a generated estate whose
// clusters share task definitions, and the demo fleet cut down to leave
// task definitions no service runs. Run with -race, it also checks that
// the rewrites only read the fleet and that a shared rewrite is handed
// over safely.
func TestReportPreviewEqualsWholePreview(t *testing.T) {
	generated := t.TempDir()
	if err := fleetgen.WriteTemp(generated, fleetgen.Options{Services: 300, PerCluster: 30}); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{generated, unusedFleet(t)} {
		f, diags := fleet.Load(context.Background(), []string{dir}, nil)
		res, cmp := auditAndPrice(t, f)
		report := func(rw reports.Preview) string {
			var b strings.Builder
			r := reports.NewReport(reports.NewAudit("dev", res, f, diags), reports.NewCost("dev", cmp, f, diags), rw, "")
			if err := reports.RenderReport(&b, "json", r); err != nil {
				t.Fatal(err)
			}
			if r.Summary.Changes == 0 || len(r.Services) == 0 {
				t.Errorf("%s: %d services, %d changes; want a preview with changes", dir, len(r.Services), r.Summary.Changes)
			}
			return b.String()
		}
		want := report(previewRewrites(f, rewrite.Options{}, res))
		if got := report(newReportPreview(f, rewrite.Options{}, res)); got != want {
			t.Errorf("%s: the report of the preview made a row at a time differs from that of the whole preview", dir)
		}
		prev := runtime.GOMAXPROCS(1)
		got := report(newReportPreview(f, rewrite.Options{}, res))
		runtime.GOMAXPROCS(prev)
		if got != want {
			t.Errorf("%s: on one core, the report of the preview made a row at a time differs from that of the whole preview", dir)
		}
	}
}

// The preview holds nothing until a row asks (the report writes the cost
// document first, beside the whole price comparison): made, it has not
// gathered the audit's findings nor counted the services of each task
// definition; the first row asked for, a service's or a task
// definition's, prepares both, and the preview then lets the audit go.
func TestReportPreviewHoldsNothingUntilARowAsks(t *testing.T) {
	f, _ := fleet.Load(context.Background(), []string{unusedFleet(t)}, nil)
	res, _ := auditAndPrice(t, f)
	var v analyzer.Verdict
	for _, first := range []string{"service", "task definition"} {
		p := newReportPreview(f, rewrite.Options{}, res)
		if p.known != nil || p.tds != nil {
			t.Fatalf("a new preview holds %v findings and %d task definitions: want none before a row asks", p.known != nil, len(p.tds))
		}
		if first == "service" {
			p.Service(v, f.Services[0])
		} else {
			p.TaskDefinition(v, f.TaskDefinitions[0])
		}
		if p.known == nil || len(p.tds) == 0 || p.audit != nil {
			t.Errorf("asked for a %s first, the preview holds findings %v, %d task definitions, the audit %v: want findings, the task definitions, no audit",
				first, p.known != nil, len(p.tds), p.audit != nil)
		}
	}
}

// The hidden deltas of the move are in every format of the report, as in
// the cost command: the demo's two public hosts are a saving of
// 2 × $0.005 × 730 = $7.30 a month, and the NAT figure is unknown. (The
// report CSV is one row per service; fleet deltas are in the cost CSV.)
func TestReportShowsHiddenDeltas(t *testing.T) {
	for _, format := range []string{"table", "markdown", "html", "json"} {
		t.Run(format, func(t *testing.T) {
			_, stdout, _ := reportDemo(t, "--format", format)
			want := []string{"public IPv4 of the container instances: -$7.30 per month", "NAT processing of image pulls: unknown"}
			if format == "json" {
				want = []string{`"kind": "host-public-ipv4"`, `"monthly": "-7.30"`}
			}
			stdout = strings.ReplaceAll(stdout, `\$`, "$") // Markdown escapes the dollar sign
			for _, w := range want {
				if !strings.Contains(stdout, w) {
					t.Errorf("%s report lacks %q", format, w)
				}
			}
		})
	}
}

func allButLastLine(s string) string {
	s = strings.TrimSuffix(s, "\n")
	return s[:strings.LastIndex(s, "\n")+1]
}

// report --format F streams its rows through spool files in the
// temporary directory (issue 17); none is left behind, whatever the
// format, with or without --details-file.
func TestReportStandardOutputLeavesNoSpools(t *testing.T) {
	tmp := t.TempDir()
	for _, env := range []string{"TMPDIR", "TMP", "TEMP"} { // os.TempDir's on Unix and Windows
		t.Setenv(env, tmp)
	}
	if os.TempDir() != tmp {
		t.Fatalf("os.TempDir() is %s, want %s", os.TempDir(), tmp)
	}
	details := filepath.Join(t.TempDir(), "details.md")
	for _, args := range [][]string{{"--format", "json"}, {"--format", "html"}, {"--format", "table"}, {"--format", "markdown", "--details-file", details}} {
		code, stdout, stderr := reportDemo(t, args...)
		if code != exitFindings || stdout == "" {
			t.Fatalf("%v: exit %d, %d bytes; stderr:\n%s", args, code, len(stdout), stderr)
		}
		left, err := os.ReadDir(tmp)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range left {
			t.Errorf("%v left %s in the temporary directory", args, e.Name())
		}
	}
	if _, err := os.Stat(details); err != nil {
		t.Errorf("--details-file: %v", err)
	}
}
