package jsonedit

import "unsafe"

// Editor makes a run of edits of one document in two buffers it keeps,
// where the functions Set, Append and Delete copy the whole document into
// a new slice for each edit. The rewrite edits a task definition five to
// ten times a round: those copies were a seventh of what `report` and
// `rewrite` allocate (issue 17, docs/benchmarks.md), and every byte
// allocated costs the collector's marking of the whole loaded estate.
//
// Each edit writes its result into the buffer its input does not lie in,
// so an edit's result may be the next edit's input. What an edit returns
// lies in the Editor's buffers: its result stays valid until the edit
// after next, the old value it returns (which lies in its input) until the
// next edit. Own copies a result that must outlive them. An Editor is not
// safe for concurrent use; the zero Editor is ready, and a nil *Editor
// allocates a new slice for each edit, as the functions do.
type Editor struct {
	bufs [2][]byte
	next int    // the buffer the next edit writes, unless its input lies there
	kids []span // the children of the container being edited
}

// Own returns d, or a copy of d when it lies in e's buffers, so that it
// outlives e's next edits.
func (e *Editor) Own(d []byte) []byte {
	if e != nil && (overlaps(e.bufs[0], d) || overlaps(e.bufs[1], d)) {
		return append([]byte(nil), d...)
	}
	return d
}

// splice returns d with d[from:to] replaced by repl: in a new slice when
// e is nil, else in the buffer of e's that neither d nor repl lies in.
func (e *Editor) splice(d []byte, from, to int, repl []byte) []byte {
	if e == nil {
		return splice(d, from, to, repl)
	}
	i := e.next
	if overlaps(e.bufs[i], d) || overlaps(e.bufs[i], repl) {
		i ^= 1
	}
	if overlaps(e.bufs[i], d) || overlaps(e.bufs[i], repl) {
		return splice(d, from, to, repl)
	}
	n := len(d) - (to - from) + len(repl)
	out := e.bufs[i][:0]
	if cap(out) < n {
		out = make([]byte, 0, n+n/4) // room for the next edits' insertions
	}
	out = append(out, d[:from]...)
	out = append(out, repl...)
	out = append(out, d[to:]...)
	e.bufs[i], e.next = out, i^1
	return out
}

// children is children (the function), listed in e's reused list. The
// list is valid until e's next edit.
func (e *Editor) children(d []byte, i int) ([]span, int, error) {
	if e == nil {
		return children(d, i)
	}
	kids, close, err := appendChildren(e.kids[:0], d, i)
	if kids != nil {
		e.kids = kids
	}
	return kids, close, err
}

// overlaps reports whether d lies, in part or whole, in buf's array.
func overlaps(buf, d []byte) bool {
	if cap(buf) == 0 || cap(d) == 0 {
		return false
	}
	b := uintptr(unsafe.Pointer(unsafe.SliceData(buf)))
	p := uintptr(unsafe.Pointer(unsafe.SliceData(d)))
	return p < b+uintptr(cap(buf)) && b < p+uintptr(cap(d))
}
