package rewrite

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"

	"github.com/ecs2fargate/ecs2fargate/internal/jsonedit"
)

// op is what an edit does.
type op int

const (
	opSet op = iota
	opAppend
	opDelete
)

// edit is one planned change to the document; change describes it and is
// recorded only when the edit applies.
type edit struct {
	op     op
	path   jsonedit.Path
	value  []byte
	change Change
	// hide keeps the old value out of the change (a whole log
	// configuration may hold tokens; only its driver is named).
	hide bool
}

// plan collects the edits of one round.
type plan struct {
	edits []edit
	seen  map[string]bool
	err   error
}

func newPlan() *plan { return &plan{seen: map[string]bool{}} }

// reset empties p for the next round, keeping its list's and its set's
// room: a rewrite's rounds and task definitions plan one after another,
// and growing a new list for each was a twentieth of what the report's
// preview allocated (issue 17).
func (p *plan) reset() *plan {
	clear(p.edits[:cap(p.edits)]) // let go of the last round's values
	p.edits, p.err = p.edits[:0], nil
	clear(p.seen)
	return p
}

// add queues an edit unless one already targets the same path.
func (p *plan) add(o op, rule string, path jsonedit.Path, value any, lossy bool, msg string) {
	if len(path) == 0 {
		p.err = errors.Join(p.err, fmt.Errorf("rewrite rule %s: empty path", rule))
		return
	}
	text := path.String()
	if p.seen[text] && o != opAppend {
		return
	}
	var raw []byte
	if o != opDelete {
		var err error
		if raw, err = marshal(value); err != nil {
			p.err = errors.Join(p.err, err)
			return
		}
	}
	p.seen[text] = true
	p.edits = append(p.edits, edit{op: o, path: path, value: raw,
		change: Change{RuleID: rule, Path: text, After: raw, Lossy: lossy, Message: msg}})
}

func (p *plan) set(rule string, path jsonedit.Path, v any, lossy bool, msg string) {
	p.add(opSet, rule, path, v, lossy, msg)
}

func (p *plan) remove(rule string, path jsonedit.Path, lossy bool, msg string) {
	p.add(opDelete, rule, path, nil, lossy, msg)
}

// member is the path of a top-level member.
func member(key string) jsonedit.Path { return jsonedit.Path{jsonedit.Key(key)} }

// hideLast keeps the old value of the last queued edit out of its change.
func (p *plan) hideLast() {
	if n := len(p.edits); n > 0 {
		p.edits[n-1].hide = true
	}
}

// hideValues keeps both values of the last queued edit out of its change:
// an environment value or a command may hold a credential.
func (p *plan) hideValues() {
	if n := len(p.edits); n > 0 {
		p.edits[n-1].hide = true
		p.edits[n-1].change.After = nil
	}
}

// marshal renders a value as JSON without HTML escaping; json.RawMessage
// passes through.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// apply runs the plan on doc: sets and appends first, then deletions from
// the last array index down, so that earlier paths stay valid. A deletion
// that empties its array or object removes that too (below a container
// definition), so no `"links": []` is left behind. Each edit runs on its
// own: a one-pass editor of the top-level members saved about 6 % of
// `rewrite --out`'s wall time and was removed (docs/benchmarks.md). The
// edits are made in ed's buffers (nil: a new copy of the document each);
// the document returned is the caller's own.
func (p *plan) apply(ed *jsonedit.Editor, doc []byte) ([]byte, []Change, error) {
	if p.err != nil {
		return nil, nil, p.err
	}
	var dels []int32 // the deletions' places in p.edits
	for i, e := range p.edits {
		if e.op == opDelete {
			dels = append(dels, int32(i))
		}
	}
	cs := changeList{changes: make([]Change, 0, len(p.edits)), paths: make([]jsonedit.Path, 0, len(p.edits))}
	doc, err := cs.applySets(ed, doc, p.edits)
	if err != nil {
		return nil, nil, err
	}
	sort.SliceStable(dels, func(i, j int) bool { return pathAfter(p.edits[dels[i]].path, p.edits[dels[j]].path) })
	if doc, err = cs.applyDeletes(ed, doc, p.edits, dels); err != nil {
		return nil, nil, err
	}
	sortChanges(cs.changes, cs.paths)
	return ed.Own(doc), cs.changes, nil
}

// changeList is the changes of the edits that applied, with their paths.
type changeList struct {
	changes []Change
	paths   []jsonedit.Path
}

func (cs *changeList) add(e edit) {
	cs.changes, cs.paths = append(cs.changes, e.change), append(cs.paths, e.path)
}

// applySets runs the sets and appends of edits in order; a set that
// leaves its value as it was is no change.
func (cs *changeList) applySets(ed *jsonedit.Editor, doc []byte, edits []edit) ([]byte, error) {
	for _, e := range edits {
		if e.op == opDelete {
			continue
		}
		next, before, had, err := e.run(ed, doc)
		if err != nil {
			return nil, fmt.Errorf("%s at %s: %w", e.change.RuleID, e.path, err)
		}
		if had && e.op == opSet && sameJSON(before, e.value) {
			continue
		}
		if had && e.op != opAppend && !e.hide {
			e.change.Before = compact(before)
		}
		doc = next
		cs.add(e)
	}
	return doc, nil
}

// applyDeletes runs the deletions of edits in the order of dels (their
// places), passing over those already gone with their parent. The value a
// deletion removed is copied into its change before the next edit
// (pruneEmpty's), which may reuse its bytes.
func (cs *changeList) applyDeletes(ed *jsonedit.Editor, doc []byte, edits []edit, dels []int32) ([]byte, error) {
	for _, i := range dels {
		e := edits[i]
		next, before, err := ed.DeleteOld(doc, e.path)
		if errors.Is(err, jsonedit.ErrNotFound) {
			continue // already gone with its parent
		}
		if err != nil {
			return nil, fmt.Errorf("%s at %s: %w", e.change.RuleID, e.path, err)
		}
		cs.add(e.withBefore(before))
		doc = pruneEmpty(ed, next, e.path.Parent())
	}
	return doc, nil
}

// withBefore is the edit of a deletion that removed before.
func (e edit) withBefore(before []byte) edit {
	if !e.hide {
		e.change.Before = compact(before)
	}
	return e
}

// run applies a set or an append, returning the value a set replaced.
func (e edit) run(ed *jsonedit.Editor, doc []byte) (next, before []byte, had bool, err error) {
	if e.op == opAppend {
		next, err = ed.Append(doc, e.path, e.value)
		return next, nil, false, err
	}
	return ed.SetOld(doc, e.path, e.value)
}

// pruneEmpty deletes the container at p, and then its parents, while they
// are empty, stopping at a container definition and at the top level.
func pruneEmpty(ed *jsonedit.Editor, doc []byte, p jsonedit.Path) []byte {
	for len(p) > 0 && !(len(p) == 2 && p[1].IsIndex) {
		v, ok := jsonedit.Get(doc, p)
		if !ok || !isEmpty(v) {
			return doc
		}
		next, err := ed.Delete(doc, p)
		if err != nil {
			return doc
		}
		doc, p = next, p.Parent()
	}
	return doc
}

func isEmpty(v []byte) bool {
	t := bytes.TrimSpace(v)
	return len(t) >= 2 && (t[0] == '[' || t[0] == '{') && len(bytes.TrimSpace(t[1:len(t)-1])) == 0
}

// pathAfter orders paths so that a later array element comes first.
func pathAfter(a, b jsonedit.Path) bool {
	for i := 0; i < len(a) && i < len(b); i++ {
		x, y := a[i], b[i]
		if x == y {
			continue
		}
		if x.IsIndex && y.IsIndex {
			return x.Index > y.Index
		}
		return x.Key > y.Key
	}
	return len(a) > len(b)
}

// compact is v with insignificant space elided, in a slice of its own.
func compact(v []byte) json.RawMessage { return bytes.Clone(compactView(v)) }

// compactView is compact, but returns v itself when it has no space to
// elide (most values: json.Compact would copy them unchanged) and when it
// is not JSON.
func compactView(v []byte) []byte {
	if !bytes.ContainsAny(v, " \t\r\n") {
		return v
	}
	var b bytes.Buffer
	if json.Compact(&b, v) != nil {
		return v
	}
	return b.Bytes()
}

// sameJSON reports whether a and b are the same JSON text but for space.
func sameJSON(a, b []byte) bool { return bytes.Equal(compactView(a), compactView(b)) }

// sortChanges orders a round's changes by path (keys alphabetically,
// array elements by index), so that each container's changes sit together.
// paths[i] is cs[i].Path parsed. The changes and their paths are sorted
// together, in place, by the same stable sort with the same comparisons
// as sorting their indices (which copied the changes: 8 MB of the report's
// preview at 10,000 services), so the order is the same.
func sortChanges(cs []Change, paths []jsonedit.Path) {
	sort.Stable(changesByPath{cs, paths})
}

// changesByPath sorts changes and their parsed paths together.
type changesByPath struct {
	cs    []Change
	paths []jsonedit.Path
}

func (b changesByPath) Len() int           { return len(b.cs) }
func (b changesByPath) Less(i, j int) bool { return pathAfter(b.paths[j], b.paths[i]) }
func (b changesByPath) Swap(i, j int) {
	b.cs[i], b.cs[j] = b.cs[j], b.cs[i]
	b.paths[i], b.paths[j] = b.paths[j], b.paths[i]
}
