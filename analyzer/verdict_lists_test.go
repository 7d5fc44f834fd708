package analyzer

import (
	"slices"
	"testing"
)

// A verdict's lists of rule IDs are sorted, hold each rule once, are []
// rather than null when empty, and take no more room than they hold.
func TestVerdictListsAreSortedDistinctAndExact(t *testing.T) {
	res := auditOfGenerated(t, 60, 20)
	listed := 0
	for _, v := range res.Verdicts {
		for _, ids := range [][]string{v.Blockers, v.Fixable, v.Warnings} {
			listed += len(ids)
			if ids == nil {
				t.Fatalf("%s/%s: a nil list (null in JSON)", v.Service, v.TaskDefinition)
			}
			if cap(ids) != len(ids) {
				t.Errorf("%s/%s: %d IDs in room for %d", v.Service, v.TaskDefinition, len(ids), cap(ids))
			}
			if !slices.IsSorted(ids) || len(slices.Compact(slices.Clone(ids))) != len(ids) {
				t.Errorf("%s/%s: %v not sorted and distinct", v.Service, v.TaskDefinition, ids)
			}
		}
	}
	if listed == 0 {
		t.Fatal("no rule IDs in any verdict: the test proves nothing")
	}
}
