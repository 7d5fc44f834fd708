package rewrite

import (
	"testing"
)

// TestOnePassIsTheSame: setting and deleting top-level members in one pass
// gives byte for byte the rewrite that editing them one by one gives.
func TestOnePassIsTheSame(t *testing.T) {
	fleets := auditedFleets(t)
	for _, c := range tdCases(t) {
		fleets["case "+c.name] = c.f
	}
	for name, f := range fleets {
		fast, fastErrs := TaskDefinitions(f, Options{})
		onePass = false
		slow, slowErrs := TaskDefinitions(f, Options{})
		onePass = true
		if !sameResults(fast, slow, fastErrs, slowErrs) {
			t.Errorf("%s: the rewrite editing top-level members in one pass differs from the one editing them one by one", name)
		}
	}
}
