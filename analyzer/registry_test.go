package analyzer

import (
	"regexp"
	"testing"
)

var ruleIDPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// The catalogue is a contract: IDs unique and well formed, every rule
// documented, every blocker backed by a reference and a fallback.
func TestRegistryInvariants(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules() {
		if !ruleIDPattern.MatchString(r.ID) {
			t.Errorf("rule ID %q is not kebab-case", r.ID)
		}
		if seen[r.ID] {
			t.Errorf("rule ID %q is registered twice", r.ID)
		}
		seen[r.ID] = true
		if r.Title == "" || r.Rationale == "" || r.Remediation == "" || len(r.References) == 0 {
			t.Errorf("rule %s lacks a title, rationale, remediation or reference", r.ID)
		}
		if r.Scope != ScopeTask && r.Scope != ScopeService {
			t.Errorf("rule %s has no scope", r.ID)
		}
		if r.Severity < Info || r.Severity > Blocker {
			t.Errorf("rule %s has no severity", r.ID)
		}
		if r.Severity == Blocker && r.Fallback == "" {
			t.Errorf("blocker rule %s names no fallback", r.ID)
		}
		if r.Check == nil {
			t.Errorf("rule %s has no check", r.ID)
		}
	}
}
