package reports

import (
	"bytes"
	"context"
	"os"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// testFleet is a small fleet in AWS CLI shapes (testdata/fleet) that
// triggers the rules below, leaves one check unrun for lack of data, names
// a missing task definition and holds one malformed file and one unknown
// field, so every section of every format has something to show.
const testFleet = "testdata/fleet"

// fixtureRules are the rules the goldens run. Pinning them keeps the
// goldens about rendering: a rule added to the catalogue later does not
// change them.
var fixtureRules = []string{"privileged", "network-mode-awsvpc", "plaintext-secret", "scheduling-daemon", "lb-target-type-ip"}

// fixtureAudit loads and audits the test fleet the way `ecs2fargate audit`
// does, with a locator that reads the input files.
func fixtureAudit(t testing.TB) *Audit {
	t.Helper()
	f, diags := fleet.Load(context.Background(), []string{testFleet}, nil)
	res, err := analyzer.Audit(f, analyzer.Options{Only: fixtureRules})
	if err != nil {
		t.Fatal(err)
	}
	a := NewAudit("1.0.0-test", res, f, diags)
	a.Locate = fileLocator(t)
	// The table golden holds every section: the screen and its details.
	a.Screen.Details = true
	return a
}

// fileLocator reads a file and hands it to fleet.Locate; the command wires
// the same function.
func fileLocator(t testing.TB) func(string, []string) map[string]fleet.Position {
	return func(file string, paths []string) map[string]fleet.Position {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Errorf("locator: %v", err)
			return nil
		}
		return fleet.Locate(data, paths)
	}
}

func render(t testing.TB, format string, a *Audit) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := RenderAudit(&buf, format, a); err != nil {
		t.Fatalf("rendering %s: %v", format, err)
	}
	return buf.Bytes()
}

// TestFixtureCoversEverySection guards the fixture itself: if it stopped
// triggering a rule or producing diagnostics, the goldens would silently
// test less.
func TestFixtureCoversEverySection(t *testing.T) {
	a := fixtureAudit(t)
	fired := map[string]bool{}
	for f := range a.Findings.All() {
		fired[f.RuleID] = true
	}
	for _, id := range fixtureRules {
		if !fired[id] {
			t.Errorf("the test fleet no longer triggers %s", id)
		}
	}
	if len(a.NotChecked) == 0 {
		t.Error("the test fleet has no not-checked rule")
	}
	if !fleet.HasErrors(a.Diagnostics) {
		t.Error("the test fleet has no input error (testdata/fleet/staging/broken.json should be malformed)")
	}
	verdicts := map[string]bool{}
	for _, v := range a.Verdicts {
		verdicts[v.Verdict] = true
	}
	for _, want := range []string{analyzer.Ready, analyzer.Fixed, analyzer.Blocked, analyzer.Unknown} {
		if !verdicts[want] {
			t.Errorf("the test fleet has no %s verdict", want)
		}
	}
}

func TestAuditFormatsListsEveryRenderer(t *testing.T) {
	got := AuditFormats()
	want := []string{"json", "jsonl", "markdown", "sarif", "table"}
	if len(got) != len(want) {
		t.Fatalf("AuditFormats() = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("AuditFormats() = %v, want %v", got, want)
		}
	}
	err := RenderAudit(&bytes.Buffer{}, "html", fixtureAudit(t))
	if err == nil || !bytes.Contains([]byte(err.Error()), []byte("sarif")) {
		t.Errorf("unknown format: got error %v, want one listing the formats", err)
	}
}
