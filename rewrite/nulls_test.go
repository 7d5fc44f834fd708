package rewrite

import (
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/jsonedit"
)

// TestConsoleExportLosesNullsAndEmptyPlacement: the real console export
// (console-nulls, 35 null members, placementConstraints: []) comes out
// with neither; botocore and cfn-lint then run on it with every golden
// output (TestTaskDefinitionsPassBotocore, TestTaskDefinitionsPassCfnLint).
func TestConsoleExportLosesNullsAndEmptyPlacement(t *testing.T) {
	c := loadTDCase(t, "console-nulls")
	if c.err != nil {
		t.Fatal(c.err)
	}
	if n := jsonedit.Nulls(docBytes(t, c.td.Doc)); len(n) != 35 {
		t.Fatalf("the input has %d nulls, want the 35 of the console export", len(n))
	}
	if n := jsonedit.Nulls(c.res.Document); len(n) > 0 {
		t.Errorf("nulls left in the output: %v", n)
	}
	if jsonedit.Has(c.res.Document, "placementConstraints")[0] {
		t.Error("the empty placementConstraints is still there (cfn-lint E3048)")
	}
	removed := 0
	for _, ch := range c.res.Changes {
		if ch.RuleID == "null-members" {
			removed++
		}
	}
	if removed != 35 {
		t.Errorf("%d null-members changes, want one per null (35)", removed)
	}
}
