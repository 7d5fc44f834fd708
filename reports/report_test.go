package reports

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/golden"
)

func TestReportGoldens(t *testing.T) {
	r := fixtureReport(t)
	for _, format := range ReportFormats() {
		t.Run(format, func(t *testing.T) {
			golden.Assert(t, filepath.Join("testdata", "golden", ReportFiles[format]), renderReport(t, format, r))
		})
	}
	for format, name := range ReportDetailFiles {
		var buf bytes.Buffer
		if err := ReportDetailRenderers[format](&buf, r); err != nil {
			t.Fatal(err)
		}
		golden.Assert(t, filepath.Join("testdata", "golden", name), buf.Bytes())
	}
}

// TestReportFixtureCoversEveryCase guards the goldens: they must show
// every verdict but ready, costs known and unknown, changes and blockers.
func TestReportFixtureCoversEveryCase(t *testing.T) {
	r := fixtureReport(t)
	for _, v := range []string{analyzer.Fixed, analyzer.Blocked, analyzer.Unknown} {
		if r.Summary.ByVerdict[v] == 0 {
			t.Errorf("no %s service in the report fixture", v)
		}
	}
	known, unknown := false, false
	for _, s := range r.Services {
		known = known || s.EC2Monthly.Known
		unknown = unknown || !s.EC2Monthly.Known
	}
	if !known || !unknown || r.Summary.Changes == 0 || len(r.BlockedByRule) == 0 || len(r.DataGaps.Diagnostics) == 0 {
		t.Errorf("fixture lacks a case: known EC2 %t, unknown EC2 %t, changes %d, blocking rules %d, input problems %d",
			known, unknown, r.Summary.Changes, len(r.BlockedByRule), len(r.DataGaps.Diagnostics))
	}
}

func TestReportDeterministic(t *testing.T) {
	for _, format := range ReportFormats() {
		if !bytes.Equal(renderReport(t, format, fixtureReport(t)), renderReport(t, format, fixtureReport(t))) {
			t.Errorf("%s report differs between two runs", format)
		}
	}
}

// TestReportNeverShowsSecrets: environment values in the inputs and in
// rewrite changes under environment paths never reach any format.
func TestReportNeverShowsSecrets(t *testing.T) {
	r := fixtureReport(t)
	for _, format := range ReportFormats() {
		if out := renderReport(t, format, r); bytes.Contains(out, []byte("hunter2")) {
			t.Errorf("%s report contains a secret value", format)
		}
	}
}

func TestNextSteps(t *testing.T) {
	r := fixtureReport(t)
	for _, s := range r.Services {
		steps := strings.Join(s.NextSteps, " ")
		switch {
		case s.OnFargate:
		case s.Verdict == analyzer.Blocked:
			if !strings.Contains(steps, "Keep it on EC2") || s.Fallback == "" || !strings.Contains(steps, s.Fallback) {
				t.Errorf("%s/%s blocked: steps %q should keep it on EC2 and name the fallback %q", s.Cluster, s.Service, steps, s.Fallback)
			}
		case s.Verdict == analyzer.Unknown:
			if !strings.Contains(steps, "describe-task-definition") {
				t.Errorf("%s/%s unknown: steps %q should ask for the task definition", s.Cluster, s.Service, steps)
			}
		default:
			if !strings.Contains(steps, "register-task-definition") || !strings.Contains(steps, "update-service") {
				t.Errorf("%s/%s %s: steps %q should register and update", s.Cluster, s.Service, s.Verdict, steps)
			}
		}
	}
}

// TestReportJSONContract checks the documented shape: the report's own
// keys, amounts as decimal strings or null, and the audit and cost
// documents whole under audit and cost.
func TestReportJSONContract(t *testing.T) {
	var doc map[string]any
	if err := json.Unmarshal(renderReport(t, "json", fixtureReport(t)), &doc); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"schemaVersion", "tool", "inputs", "summary", "clusters", "blockedByRule", "services", "assumptions", "assumptionsText", "dataGaps", "audit", "cost"} {
		if _, ok := doc[key]; !ok {
			t.Errorf("report JSON lacks %q", key)
		}
	}
	if _, ok := doc["generatedAt"]; ok {
		t.Error("generatedAt must be absent without --now")
	}
	if doc["schemaVersion"] != float64(ReportSchemaVersion) {
		t.Errorf("schemaVersion = %v", doc["schemaVersion"])
	}
	for _, sub := range []string{"audit", "cost"} {
		if m, _ := doc[sub].(map[string]any); m["schemaVersion"] != float64(1) {
			t.Errorf("%s document missing or without its schemaVersion: %v", sub, doc[sub])
		}
	}
	for _, s := range doc["services"].([]any) {
		svc := s.(map[string]any)
		for _, key := range []string{"ec2Monthly", "verdict", "nextSteps", "changes", "fargateMonthly", "savingsMonthly"} {
			if _, ok := svc[key]; !ok {
				t.Errorf("service %v lacks %q", svc["service"], key)
			}
		}
		if v := svc["ec2Monthly"]; v != nil {
			if _, err := decimal.NewFromString(v.(string)); err != nil {
				t.Errorf("ec2Monthly %v is not a decimal string", v)
			}
		}
	}
}

// TestReportCSVParses: one header, one row per service and per task
// definition no service runs (kind says which), every row as wide as the
// header, every amount a plain decimal or "unknown".
func TestReportCSVParses(t *testing.T) {
	r := fixtureReport(t)
	rows, err := csv.NewReader(bytes.NewReader(renderReport(t, "csv", r))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(r.Services)+len(r.UnusedTaskDefinitions)+1 {
		t.Fatalf("%d rows, want a header, %d services and %d task definitions", len(rows), len(r.Services), len(r.UnusedTaskDefinitions))
	}
	kinds := map[string]int{}
	for _, row := range rows[1:] {
		kinds[row[len(row)-1]]++
	}
	if kinds["service"] != len(r.Services) || kinds["task-definition"] != len(r.UnusedTaskDefinitions) {
		t.Errorf("kind column counts %v", kinds)
	}
	for _, row := range rows[1:] {
		for i, name := range rows[0] {
			if !strings.HasSuffix(name, "_monthly") {
				continue
			}
			if _, err := decimal.NewFromString(row[i]); err != nil && row[i] != "unknown" {
				t.Errorf("%s/%s %s = %q: want a plain decimal or unknown", row[0], row[1], name, row[i])
			}
		}
	}
}

func TestCSVTextDefusesFormulas(t *testing.T) {
	for in, want := range map[string]string{"=cmd()": "'=cmd()", "+1": "'+1", "@x": "'@x", "-2": "'-2", "web": "web", "": ""} {
		if got := csvText(in); got != want {
			t.Errorf("csvText(%q) = %q, want %q", in, got, want)
		}
	}
}
