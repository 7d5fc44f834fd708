package analyzer

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// TestCatalogueSeverityIsWhatTheAuditEmits audits every rule fixture: each
// finding's severity is one its rule declares, and each severity a rule
// declares is emitted by at least one fixture, so `rules` never lists a
// severity the audit does not give (efs-volume said blocker and gave
// warnings).
func TestCatalogueSeverityIsWhatTheAuditEmits(t *testing.T) {
	seen := map[string]map[Severity]bool{}
	dirs, _ := os.ReadDir(fixtureRoot)
	for _, d := range dirs {
		fixtures, _ := filepath.Glob(filepath.Join(fixtureRoot, d.Name(), "fail-*"))
		for _, fx := range nonGolden(fixtures) {
			f, diags := fleet.Load(context.Background(), []string{fx}, nil)
			if fleet.HasErrors(diags) {
				t.Fatalf("%s: %v", fx, diags)
			}
			res, err := Audit(f, Options{})
			if err != nil {
				t.Fatal(err)
			}
			for fd := range res.Findings.All() {
				if seen[fd.RuleID] == nil {
					seen[fd.RuleID] = map[Severity]bool{}
				}
				seen[fd.RuleID][fd.Severity] = true
			}
		}
	}
	for _, r := range Rules() {
		for sev := range seen[r.ID] {
			if !slices.Contains(r.Severities(), sev) {
				t.Errorf("rule %s: the audit emits %s, the catalogue says %s", r.ID, sev, r.SeverityText())
			}
		}
		for _, sev := range r.Severities() {
			if !seen[r.ID][sev] {
				t.Errorf("rule %s: the catalogue says it can be %s, but no fixture gives a %s finding", r.ID, sev, sev)
			}
		}
	}
}
