package jsonedit

import "errors"

// Top is the top-level object of one version of a document with its
// members listed once, for the reads of that version (each of which used
// to list them again).
type Top struct {
	d           []byte
	open, close int
	kids        []span
	err         error // d is not an object, or not one children can list
}

var errNotObject = errors.New("the document is not an object")

// ListTop lists the members of the top-level object of d.
func ListTop(d []byte) *Top { return new(Top).Relist(d) }

// Relist makes t the listing of d's top-level members, as ListTop would,
// in the room of t's list: a rewrite lists each version of each document
// it makes (issue 17: 14 MB of what the report's preview allocated at
// 10,000 services). What t read before is no longer listed.
func (t *Top) Relist(d []byte) *Top {
	kids := t.kids[:0]
	clear(kids[:cap(kids)]) // keys of the last document listed: not to be kept alive
	if kids == nil {
		kids = make([]span, 0, 16) // a task definition has about 15 members
	}
	*t = Top{d: d, open: skipSpace(d, 0)}
	if t.open >= len(d) || d[t.open] != '{' {
		t.err = errNotObject
		t.kids = kids
		return t
	}
	t.kids, t.close, t.err = appendChildren(kids, d, t.open)
	return t
}

// Doc is the document t lists.
func (t *Top) Doc() []byte { return t.d }

// Has reports, for each key, whether the object has it, matched as Get
// matches keys.
func (t *Top) Has(keys ...string) []bool {
	out := make([]bool, len(keys))
	if t.err != nil {
		return out
	}
	for i, k := range keys {
		out[i] = find(t.kids, Key(k)) >= 0
	}
	return out
}

// Members returns, for each key, the value of that member (nil when
// absent), as Get would.
func (t *Top) Members(keys ...string) [][]byte {
	out := make([][]byte, len(keys))
	for i, k := range keys {
		if t.err != nil { // what children cannot list, Get reads as it can
			out[i], _ = Get(t.d, Path{Key(k)})
		} else if j := find(t.kids, Key(k)); j >= 0 {
			out[i] = t.d[t.kids[j].start:t.kids[j].end]
		}
	}
	return out
}

// Has reports, for each key, whether the top-level object of d has it,
// matched as Get matches keys, in one pass: asking Get key by key walks
// the whole document for every key it lacks.
func Has(d []byte, keys ...string) []bool { return ListTop(d).Has(keys...) }

// Members returns, for each key, the value of that member of the
// top-level object of d (nil when absent), as Get would, listing the
// members once.
func Members(d []byte, keys ...string) [][]byte { return ListTop(d).Members(keys...) }
