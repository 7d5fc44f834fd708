package reports

import (
	"bytes"
	"encoding/json"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
)

const sarifSchemaFile = "testdata/sarif/sarif-schema-2.1.0-rtm.5.json"

// compileSARIFSchema loads the official schema (see testdata/sarif/README.md)
// under its own id, so no network is needed.
func compileSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(sarifSchemaFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("reading %s: %v", sarifSchemaFile, err)
	}
	id, _ := doc.(map[string]any)["id"].(string)
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft4)
	if err := c.AddResource(id, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(id)
	if err != nil {
		t.Fatalf("compiling the SARIF schema: %v", err)
	}
	return sch
}

func validateSARIF(t *testing.T, sch *jsonschema.Schema, out []byte) error {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("SARIF output is not JSON: %v", err)
	}
	return sch.Validate(doc)
}

func TestSARIFMatchesSchema(t *testing.T) {
	sch := compileSARIFSchema(t)
	withLines := fixtureAudit(t)
	noLines := fixtureAudit(t)
	noLines.Locate = nil
	empty := fixtureAudit(t)
	empty.Findings, empty.NotChecked, empty.Diagnostics = analyzer.NewFindings(nil), nil, nil
	for name, a := range map[string]*Audit{"with lines": withLines, "without lines": noLines, "no findings": empty} {
		if err := validateSARIF(t, sch, render(t, "sarif", a)); err != nil {
			t.Errorf("%s: SARIF output does not match the 2.1.0 schema: %v", name, err)
		}
	}
}

// TestSARIFSchemaRejects proves the validator is really applying the
// schema: documents with a wrong version, a bad level or a zero line fail.
func TestSARIFSchemaRejects(t *testing.T) {
	sch := compileSARIFSchema(t)
	good := render(t, "sarif", fixtureAudit(t))
	for name, edit := range map[string]func(map[string]any){
		"version 2.0.0": func(m map[string]any) { m["version"] = "2.0.0" },
		"no runs":       func(m map[string]any) { delete(m, "runs") },
		"level fatal":   func(m map[string]any) { firstResult(m)["level"] = "fatal" },
		"line 0": func(m map[string]any) {
			loc := firstResult(m)["locations"].([]any)[0].(map[string]any)
			loc["physicalLocation"].(map[string]any)["region"].(map[string]any)["startLine"] = 0
		},
	} {
		var m map[string]any
		if err := json.Unmarshal(good, &m); err != nil {
			t.Fatal(err)
		}
		edit(m)
		bad, _ := json.Marshal(m)
		if validateSARIF(t, sch, bad) == nil {
			t.Errorf("%s: the schema accepted an invalid document", name)
		}
	}
}

func firstResult(m map[string]any) map[string]any {
	return m["runs"].([]any)[0].(map[string]any)["results"].([]any)[0].(map[string]any)
}

// sarifDoc is the part of the output the tests below read.
type sarifDoc struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Name, Version string
				Rules         []struct {
					ID                   string
					DefaultConfiguration struct{ Level string }
				}
			}
		}
		Invocations []struct {
			ExecutionSuccessful        bool
			ToolExecutionNotifications []struct {
				Level          string
				AssociatedRule *struct{ ID string }
			}
		}
		Results []struct {
			RuleID    string
			RuleIndex int
			Level     string
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct{ URI string }
					Region           *struct{ StartLine, StartColumn int }
				}
				LogicalLocations []struct{ Name, FullyQualifiedName string }
			}
			PartialFingerprints map[string]string
			Properties          struct{ Path, Severity string }
		}
	}
}

func decodeSARIF(t *testing.T, out []byte) sarifDoc {
	t.Helper()
	var d sarifDoc
	if err := json.Unmarshal(out, &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Runs) != 1 {
		t.Fatalf("want one run, got %d", len(d.Runs))
	}
	return d
}

// TestSARIFResults checks what code scanning relies on: one result per
// finding, rule indexes that point at the right rule, levels, and
// fingerprints that are unique.
func TestSARIFResults(t *testing.T) {
	a := fixtureAudit(t)
	run := decodeSARIF(t, render(t, "sarif", a)).Runs[0]
	if run.Tool.Driver.Name != "ecs2fargate" || run.Tool.Driver.Version != "1.0.0-test" {
		t.Errorf("driver = %s %s", run.Tool.Driver.Name, run.Tool.Driver.Version)
	}
	if len(run.Tool.Driver.Rules) != len(a.Rules) {
		t.Errorf("%d rules listed, %d ran", len(run.Tool.Driver.Rules), len(a.Rules))
	}
	if len(run.Results) != a.Findings.Len() {
		t.Fatalf("%d results for %d findings", len(run.Results), a.Findings.Len())
	}
	levels := map[analyzer.Severity]string{analyzer.Blocker: "error", analyzer.Fixable: "warning", analyzer.Warning: "warning", analyzer.Info: "note"}
	seen := map[string]bool{}
	for i, r := range run.Results {
		f := a.Findings.At(i)
		if r.RuleID != f.RuleID || run.Tool.Driver.Rules[r.RuleIndex].ID != f.RuleID {
			t.Errorf("result %d: ruleId %s, ruleIndex %d, want %s", i, r.RuleID, r.RuleIndex, f.RuleID)
		}
		if r.Level != levels[f.Severity] {
			t.Errorf("result %d: level %s for a %s finding", i, r.Level, f.Severity)
		}
		fp := r.PartialFingerprints[fingerprintKey]
		if len(fp) != 64 || seen[fp] {
			t.Errorf("result %d: fingerprint %q missing or repeated", i, fp)
		}
		seen[fp] = true
		if len(r.Locations) != 1 || len(r.Locations[0].LogicalLocations) == 0 {
			t.Errorf("result %d: want one location with logical locations, got %+v", i, r.Locations)
		}
	}
	notes := run.Invocations[0].ToolExecutionNotifications
	if run.Invocations[0].ExecutionSuccessful || len(notes) != len(a.Diagnostics)+len(a.NotChecked) {
		t.Errorf("invocation: successful=%v with %d notifications; want false and %d", run.Invocations[0].ExecutionSuccessful,
			len(notes), len(a.Diagnostics)+len(a.NotChecked))
	}
}

// TestSARIFLinesPointAtTheField opens each result's file at its line and
// checks that the line holds the key the finding's path ends with, for
// documents inside a wrapper (describe output), inside an array (services)
// and at the top of the file (register shape).
func TestSARIFLinesPointAtTheField(t *testing.T) {
	run := decodeSARIF(t, render(t, "sarif", fixtureAudit(t))).Runs[0]
	lastKey := regexp.MustCompile(`([A-Za-z0-9_]+)(\[\d+\])*$`)
	files := map[string]bool{}
	for _, r := range run.Results {
		loc := r.Locations[0].PhysicalLocation
		if strings.HasPrefix(loc.ArtifactLocation.URI, "/") || strings.Contains(loc.ArtifactLocation.URI, `\`) {
			t.Errorf("uri %q is not a relative forward-slash path", loc.ArtifactLocation.URI)
		}
		if loc.Region == nil {
			t.Errorf("%s %s: no region", r.RuleID, r.Properties.Path)
			continue
		}
		data, err := os.ReadFile(filepath.FromSlash(loc.ArtifactLocation.URI))
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(data), "\n")
		line := lines[loc.Region.StartLine-1]
		key := lastKey.FindStringSubmatch(r.Properties.Path)[1]
		col := loc.Region.StartColumn
		if !strings.HasPrefix(line[col-1:], `"`+key+`"`) {
			t.Errorf("%s: %s:%d:%d is %q, want the key %q there", r.RuleID, loc.ArtifactLocation.URI, loc.Region.StartLine, col, line, key)
		}
		files[path.Base(loc.ArtifactLocation.URI)] = true
	}
	for _, want := range []string{"agent-task.json", "services.json", "reporting-task.json"} {
		if !files[want] {
			t.Errorf("no located result in %s; the test would miss a document shape", want)
		}
	}
}

func TestSARIFWithoutLocatorHasNoRegions(t *testing.T) {
	a := fixtureAudit(t)
	a.Locate = nil
	for _, r := range decodeSARIF(t, render(t, "sarif", a)).Runs[0].Results {
		if r.Locations[0].PhysicalLocation.Region != nil {
			t.Errorf("%s: region without a locator", r.RuleID)
		}
		if r.Locations[0].PhysicalLocation.ArtifactLocation.URI == "" {
			t.Errorf("%s: file lost without a locator", r.RuleID)
		}
	}
}

func TestSARIFStdinFindingHasNoLocation(t *testing.T) {
	a := fixtureAudit(t)
	fs := a.Findings.Slice()
	for i := range fs {
		fs[i].File = "<stdin>"
	}
	a.Findings = analyzer.NewFindings(fs)
	for _, r := range decodeSARIF(t, render(t, "sarif", a)).Runs[0].Results {
		if len(r.Locations) != 0 {
			t.Errorf("%s: a finding read from stdin got a location %+v", r.RuleID, r.Locations)
		}
	}
}

func TestArtifactURI(t *testing.T) {
	for file, want := range map[string]string{
		"examples/fleet/services.json":       "examples/fleet/services.json",
		"./examples//fleet/../services.json": "examples/services.json",
		"my fleet/100% done.json":            "my%20fleet/100%25%20done.json",
		"a:b.json":                           "./a:b.json",
		"/srv/fleet/services.json":           "file:///srv/fleet/services.json",
	} {
		got, ok := artifactURI(file)
		if !ok || got != want {
			t.Errorf("artifactURI(%q) = %q, %v; want %q", file, got, ok, want)
		}
	}
	for _, file := range []string{"", "<stdin>"} {
		if _, ok := artifactURI(file); ok {
			t.Errorf("artifactURI(%q) gave a location", file)
		}
	}
}

func TestFingerprintIgnoresLineAndValue(t *testing.T) {
	f := analyzer.Finding{RuleID: "privileged", TaskDefinition: "web:7", Container: "app", Path: "containerDefinitions[0].privileged", Value: "true", File: "a.json"}
	g := f
	g.Value, g.File, g.Message = "1", "b.json", "other words"
	if fingerprint(placeNone, f) != fingerprint(placeNone, g) {
		t.Error("fingerprint changed with value, file or message")
	}
	for _, h := range []analyzer.Finding{
		func() analyzer.Finding { h := f; h.Container = "sidecar"; return h }(),
		func() analyzer.Finding { h := f; h.Path = "containerDefinitions[1].privileged"; return h }(),
		func() analyzer.Finding { h := f; h.TaskDefinition = "api:1"; return h }(),
		func() analyzer.Finding { h := f; h.RuleID = "network-mode-awsvpc"; return h }(),
	} {
		if fingerprint(placeNone, h) == fingerprint(placeNone, f) {
			t.Errorf("fingerprint did not change for %+v", h)
		}
	}
	// Where the audit spans several accounts or regions, the same finding
	// in another region is another finding; a one-region audit's
	// fingerprints do not depend on the account and region at all.
	west := f
	west.Account, west.Region = "123456789012", "us-west-2"
	if fingerprint(placeAccountRegion, west) == fingerprint(placeAccountRegion, f) {
		t.Error("fingerprint did not change with the region in a multi-region audit")
	}
	if fingerprint(placeNone, west) != fingerprint(placeNone, f) {
		t.Error("fingerprint of a one-region audit changed with its region")
	}
}
