package analyzer

import (
	"slices"
	"testing"
)

// TestEveryFixableRuleHasAFix holds a rule's severities (which
// TestCatalogueSeverityIsWhatTheAuditEmits holds to what its fixtures
// give) and its fix together, both ways and for both scopes: a rule that
// can call a finding fixable declares how the rewrite mends it (Fix for a
// task rule, FixService for a service rule), and a rule that never does
// declares none. The rewrite's TestEveryFixReauditsClean and
// TestEveryServiceFixReauditsClean hold each fix to its output.
func TestEveryFixableRuleHasAFix(t *testing.T) {
	for _, r := range Rules() {
		fixable := slices.Contains(r.Severities(), Fixable)
		own, other := r.Fix != nil, r.FixService != nil
		if r.Scope == ScopeService {
			own, other = other, own
		}
		switch {
		case other:
			t.Errorf("%s rule %s declares the other scope's fix, which nothing would apply", r.Scope, r.ID)
		case fixable && !own:
			t.Errorf("%s rule %s can give a fixable finding but declares no fix", r.Scope, r.ID)
		case !fixable && own:
			t.Errorf("%s rule %s declares a fix but never gives a fixable finding", r.Scope, r.ID)
		}
	}
}
