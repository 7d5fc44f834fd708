package analyzer

import (
	"slices"
	"testing"
)

// TestEveryFixableTaskRuleHasAFix holds a task rule's severities (which
// TestCatalogueSeverityIsWhatTheAuditEmits holds to what its fixtures
// give) and its fix together, both ways: a rule that can call a finding
// fixable declares how the rewrite mends it, and a rule that never does
// declares no fix. Service rules plan no edits: the service rewrite writes
// a new update-service or create-service request (package rewrite).
func TestEveryFixableTaskRuleHasAFix(t *testing.T) {
	for _, r := range Rules() {
		fixable := slices.Contains(r.Severities(), Fixable)
		switch {
		case r.Scope == ScopeService && r.Fix != nil:
			t.Errorf("service rule %s declares a fix, which nothing would apply", r.ID)
		case r.Scope == ScopeTask && fixable && r.Fix == nil:
			t.Errorf("task rule %s can give a fixable finding but declares no Fix", r.ID)
		case r.Scope == ScopeTask && !fixable && r.Fix != nil:
			t.Errorf("task rule %s declares a Fix but never gives a fixable finding", r.ID)
		}
	}
}
