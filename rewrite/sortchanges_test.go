package rewrite

import (
	"math/rand"
	"reflect"
	"sort"
	"strconv"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/jsonedit"
)

// sortChangesByIndex is sortChanges as it was: a stable sort of the
// changes' indices, then the changes copied into that order.
func sortChangesByIndex(cs []Change, paths []jsonedit.Path) {
	idx := make([]int, len(cs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool { return pathAfter(paths[idx[j]], paths[idx[i]]) })
	sorted := make([]Change, len(cs))
	for i, j := range idx {
		sorted[i] = cs[j]
	}
	copy(cs, sorted)
}

// Sorting the changes and their paths together in place gives the order
// the sort of their indices gave, on random rounds of up to 60 changes
// (past the stable sort's blocks of 20) with repeated paths, whose
// changes a stable sort must leave in the order they came; each path stays
// beside its change.
func TestSortChangesInPlaceIsByIndex(t *testing.T) {
	r := rand.New(rand.NewSource(17))
	keys := []string{"containerDefinitions", "cpu", "memory", "tags", "logConfiguration", "image"}
	randomPath := func() jsonedit.Path {
		var p jsonedit.Path
		for n := 1 + r.Intn(3); n > 0; n-- {
			if r.Intn(3) == 0 {
				p = append(p, jsonedit.Index(r.Intn(4)))
			} else {
				p = append(p, jsonedit.Key(keys[r.Intn(len(keys))]))
			}
		}
		return p
	}
	for round := 0; round < 2000; round++ {
		n := r.Intn(61)
		cs, paths := make([]Change, n), make([]jsonedit.Path, n)
		for i := range cs {
			paths[i] = randomPath()
			cs[i] = Change{RuleID: strconv.Itoa(i), Path: paths[i].String()}
		}
		want := make([]Change, n)
		copy(want, cs)
		sortChangesByIndex(want, append([]jsonedit.Path(nil), paths...))
		sortChanges(cs, paths)
		if !reflect.DeepEqual(cs, want) {
			t.Fatalf("round %d: in place %v, by index %v", round, cs, want)
		}
		for i := range cs {
			if cs[i].Path != paths[i].String() {
				t.Fatalf("round %d: change %d at %s beside path %s", round, i, cs[i].Path, paths[i])
			}
		}
	}
}
