package analyzer

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/golden"
)

// Rule fixtures live in testdata/rules/<rule-id>/:
//
//	fail-<case>.json (or a directory)   must trigger the rule; expected
//	                                     findings in fail-<case>.golden.json
//	pass-<case>.json (or a directory)   must not trigger it
//	unchecked-<case>.json (optional)    must report the rule as not checked
//
// Each fixture is AWS CLI JSON (or a snapshot), loaded like user input.
const fixtureRoot = "testdata/rules"

func TestEveryRuleHasFixtures(t *testing.T) {
	for _, r := range Rules() {
		fails, _ := filepath.Glob(filepath.Join(fixtureRoot, r.ID, "fail-*"))
		passes, _ := filepath.Glob(filepath.Join(fixtureRoot, r.ID, "pass-*"))
		if len(nonGolden(fails)) == 0 || len(passes) == 0 {
			t.Errorf("rule %s needs at least one fail-* and one pass-* fixture in %s", r.ID, filepath.Join(fixtureRoot, r.ID))
		}
	}
	dirs, _ := os.ReadDir(fixtureRoot)
	for _, d := range dirs {
		if _, ok := Lookup(d.Name()); !ok {
			t.Errorf("fixture directory %s matches no registered rule", d.Name())
		}
	}
}

func TestRuleFixtures(t *testing.T) {
	for _, r := range Rules() {
		t.Run(r.ID, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(fixtureRoot, r.ID)
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				name := e.Name()
				if strings.HasSuffix(name, ".golden.json") {
					continue
				}
				path := filepath.Join(dir, name)
				switch {
				case strings.HasPrefix(name, "fail-"):
					checkFail(t, r.ID, path)
				case strings.HasPrefix(name, "pass-"):
					checkPass(t, r.ID, path)
				case strings.HasPrefix(name, "unchecked-"):
					checkUnchecked(t, r.ID, path)
				}
			}
		})
	}
}

func auditFixture(t *testing.T, ruleID, path string) *Result {
	t.Helper()
	f, diags := fleet.Load(context.Background(), []string{path}, nil)
	if fleet.HasErrors(diags) {
		t.Fatalf("%s: fixture does not load cleanly: %v", path, diags)
	}
	res, err := Audit(f, Options{Only: []string{ruleID}})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func checkFail(t *testing.T, ruleID, path string) {
	res := auditFixture(t, ruleID, path)
	if res.Findings.Len() == 0 {
		t.Errorf("%s: expected %s to fire, it did not (not checked: %v)", path, ruleID, res.NotChecked)
		return
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	fs := res.Findings.Slice()
	for i := range fs {
		fs[i].File = filepath.Base(fs[i].File)
	}
	if err := enc.Encode(fs); err != nil {
		t.Fatal(err)
	}
	golden.Assert(t, strings.TrimSuffix(strings.TrimSuffix(path, ".json"), "/")+".golden.json", []byte(b.String()))
}

func checkPass(t *testing.T, ruleID, path string) {
	res := auditFixture(t, ruleID, path)
	for f := range res.Findings.All() {
		t.Errorf("%s: expected no %s finding, got %s at %s: %s", path, ruleID, f.Severity, f.Path, f.Message)
	}
}

func checkUnchecked(t *testing.T, ruleID, path string) {
	res := auditFixture(t, ruleID, path)
	if len(res.NotChecked) == 0 || res.Findings.Len() > 0 {
		t.Errorf("%s: expected %s to be reported as not checked and nothing else; got %d findings, %d not-checked",
			path, ruleID, res.Findings.Len(), len(res.NotChecked))
	}
}

func nonGolden(paths []string) []string {
	var out []string
	for _, p := range paths {
		if !strings.HasSuffix(p, ".golden.json") {
			out = append(out, p)
		}
	}
	return out
}
