package analyzer

import (
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// assertQuiet audits f with the given rules and fails on any fixable or
// blocker finding: definitions Fargate accepts as they are must not be
// reported as needing a change.
func assertQuiet(t *testing.T, f *fleet.Fleet, rules []Rule) {
	t.Helper()
	ids := make([]string, len(rules))
	for i, r := range rules {
		ids[i] = r.ID
	}
	res, err := Audit(f, Options{Only: ids})
	if err != nil {
		t.Fatal(err)
	}
	for fd := range res.Findings.All() {
		if fd.Severity >= Fixable {
			t.Errorf("%s fired %s at %s: %s", fd.RuleID, fd.Severity, fd.Path, fd.Message)
		}
	}
}
