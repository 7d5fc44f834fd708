package analyzer

import (
	"fmt"
	"strings"
	"testing"
)

// A worker's cache of handles answers what the interner answers: for
// findings whose texts repeat as the same strings, as equal strings
// made apart (other bytes, same text), and as more distinct texts than
// the cache has slots, each record made through the cache equals the
// record made without it, and a cache used for one audit's interner
// gives another audit's interner, which numbered the texts in another
// order, that one's handles.
func TestRecentHandlesRecordWhatTheInternerRecords(t *testing.T) {
	var list []Finding
	for i := range 3 * recentHandleSlots {
		n := i * 7919 % (2 * recentHandleSlots)
		msg := fmt.Sprintf("message %d", n%50)
		list = append(list, Finding{
			RuleID:    "rule-" + []string{"a", "b", "c"}[i%3],
			Container: strings.Clone(fmt.Sprintf("c%d", n%7)),
			Field:     at("containerDefinitions", fmt.Sprint(n%5)),
			Path:      fmt.Sprintf("containerDefinitions.%d", n%5),
			Value:     fmt.Sprintf("value-%d", n),
			Message:   msg,
		})
		if i%4 == 0 { // the same text again, as the same string
			list = append(list, list[len(list)-1])
		}
	}
	var c recentHandles
	for round := range 2 {
		b := newFindingsBuilder()
		for k := range list {
			i := k
			if round == 1 { // another order: other handles for the same texts
				i = len(list) - 1 - k
			}
			got := b.recordWith(&c, &list[i], 0)
			want := b.record(&list[i], 0)
			if got != want {
				t.Fatalf("round %d, finding %d: record through the cache %+v, without %+v", round, i, got, want)
			}
		}
	}
}
