package rewrite

import (
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/jsonedit"
)

// onePass turns the one-pass edits of top-level members on; tests turn it
// off to compare with editing them one by one.
var onePass = true

func isTopKey(p jsonedit.Path) bool { return len(p) == 1 && !p[0].IsIndex }

// setResult is what a set of a top-level member found there.
type setResult struct {
	before []byte
	had    bool
}

// setTopLevel runs, in one pass (jsonedit.SetMembers), the sets that
// edit the top level: those of a top-level member, and those below a
// top-level member the document lacks (which add it). It does so when that
// gives what running every set and append in order gives: the others reach
// into members the document has and none of these (so none of them adds a
// member at the top, which would change where the next is added), and the
// one pass can promise Set's layout. A set that would leave its member as
// it was is left out, as apply leaves it. top[i] is the result for sets[i]
// when the one pass ran it; top is nil when nothing was done.
func setTopLevel(listed *jsonedit.Top, sets []edit) (out []byte, top []*setResult) {
	doc := listed.Doc()
	n := 0
	for _, e := range sets {
		if e.op == opSet {
			n++
		}
	}
	if !onePass || n < 2 {
		return doc, nil
	}
	firsts := make([]string, len(sets))
	for i, e := range sets {
		if e.path[0].IsIndex {
			return doc, nil
		}
		firsts[i] = e.path[0].Key
	}
	present := listed.Members(firsts...)
	var mine, others []string
	var at []int
	for i, e := range sets {
		switch {
		case e.op == opSet && (isTopKey(e.path) || present[i] == nil):
			mine, at = append(mine, firsts[i]), append(at, i)
		case present[i] == nil:
			return doc, nil // an append that adds a top-level member
		default:
			others = append(others, firsts[i])
		}
	}
	// distinctKeys here, though SetMembers checks its keys too: it sees
	// only the sets that change their member, and two sets of one member
	// must run in order even when one of them alone would change nothing.
	if len(mine) < 2 || sharesKey(mine, others) || !distinctKeys(mine) {
		return doc, nil
	}
	top = make([]*setResult, len(sets))
	var paths []jsonedit.Path
	var vals [][]byte
	for _, i := range at {
		e, old := sets[i], present[i]
		if len(e.path) > 1 {
			old = nil // below a member the document lacks
		}
		top[i] = &setResult{before: old, had: old != nil}
		if old == nil || !sameJSON(old, e.value) {
			paths, vals = append(paths, e.path), append(vals, e.value)
		}
	}
	out, ok := listed.SetMembers(paths, vals)
	if !ok {
		return doc, nil
	}
	return out, top
}

// distinctKeys reports whether no two keys are equal but for case.
func distinctKeys(keys []string) bool {
	for i, k := range keys {
		if sharesKey([]string{k}, keys[i+1:]) {
			return false
		}
	}
	return true
}

// sharesKey reports whether a key of a equals one of b but for case.
func sharesKey(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if strings.EqualFold(x, y) {
				return true
			}
		}
	}
	return false
}

// deleteTopLevel deletes, in one pass, the top-level members dels name,
// when no other deletion reaches into one of them (which must then go
// first) and jsonedit.DeleteMembers can promise the one-by-one result.
// removed[i] is what was removed for dels[i] (nil when absent); removed is
// nil when nothing was done.
func deleteTopLevel(doc []byte, dels []edit) (out []byte, removed [][]byte) {
	var keys []string
	var at []int
	for i, e := range dels {
		if isTopKey(e.path) {
			keys, at = append(keys, e.path[0].Key), append(at, i)
		}
	}
	if len(keys) < 2 || !onePass {
		return doc, nil
	}
	for _, e := range dels {
		for _, k := range keys {
			if len(e.path) > 1 && strings.EqualFold(e.path[0].Key, k) {
				return doc, nil
			}
		}
	}
	out, old, ok := jsonedit.DeleteMembers(doc, keys)
	if !ok {
		return doc, nil
	}
	removed = make([][]byte, len(dels))
	for j, i := range at {
		removed[i] = old[j]
	}
	return out, removed
}
