package analyzer

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestPlaintextSecretNeverPrintsValues: the findings on the fixture with
// every new name pattern and credentials in entryPoint and command carry
// names and places only.
func TestPlaintextSecretNeverPrintsValues(t *testing.T) {
	res := auditFixture(t, "plaintext-secret", filepath.Join(fixtureRoot, "plaintext-secret", "fail-names-and-args.json"))
	if res.Findings.Len() != 7 {
		t.Fatalf("%d findings, want 7 (5 names, entryPoint, command)", res.Findings.Len())
	}
	// The findings and verdicts are what every format renders (the result
	// also holds the rules, whose Check funcs do not marshal).
	out, err := json.Marshal([]any{res.Findings, res.Verdicts, res.NotChecked})
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{"do-not-print", "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI", "EXAMPLEKEY"} {
		if strings.Contains(string(out), secret) {
			t.Errorf("the audit result shows %q", secret)
		}
	}
}
