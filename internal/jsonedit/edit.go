package jsonedit

import (
	"errors"
	"fmt"
)

// ErrNotFound is returned (wrapped) when a path names nothing in the document.
var ErrNotFound = errors.New("not found")

// resolve follows p as far as the document has it. It returns the start
// of the deepest value reached and how many steps were followed.
func resolve(d []byte, p Path) (start, n int, err error) {
	start = skipSpace(d, 0)
	if start >= len(d) {
		return 0, 0, fmt.Errorf("empty document")
	}
	for n < len(p) {
		st := p[n]
		want := byte('{')
		if st.IsIndex {
			want = '['
		}
		if d[start] != want {
			return start, n, fmt.Errorf("%s: %w (not an %s)", p[:n+1], ErrNotFound, kind(want))
		}
		child, err := findChild(d, start, st)
		if err != nil {
			return 0, 0, err
		}
		if child.start < 0 {
			return start, n, nil
		}
		start = child.start
		n++
	}
	return start, n, nil
}

func kind(open byte) string {
	if open == '{' {
		return "object"
	}
	return "array"
}

// Get returns the bytes of the value at p.
func Get(d []byte, p Path) ([]byte, bool) {
	start, n, err := resolve(d, p)
	if err != nil || n < len(p) {
		return nil, false
	}
	end, err := valueEnd(d, start)
	if err != nil {
		return nil, false
	}
	return d[start:end], true
}

// Set replaces the value at p with v (JSON text), or inserts the last key
// of p, creating missing parent objects. Array elements are never created.
func Set(d []byte, p Path, v []byte) ([]byte, error) {
	out, _, _, err := SetOld(d, p, v)
	return out, err
}

// SetOld is Set, also returning the value it replaced (had is false when
// it inserted one): what Get before Set gives, without resolving p twice.
func SetOld(d []byte, p Path, v []byte) (out, old []byte, had bool, err error) {
	return (*Editor)(nil).SetOld(d, p, v)
}

// SetOld is SetOld (the function) in e's buffers.
func (e *Editor) SetOld(d []byte, p Path, v []byte) (out, old []byte, had bool, err error) {
	if out, old, had, ok := e.setListed(d, p, v); ok {
		return out, old, had, nil
	}
	return e.setResolved(d, p, v)
}

// setResolved is SetOld by resolving p from the top.
func setResolved(d []byte, p Path, v []byte) (out, old []byte, had bool, err error) {
	return (*Editor)(nil).setResolved(d, p, v)
}

func (e *Editor) setResolved(d []byte, p Path, v []byte) (out, old []byte, had bool, err error) {
	start, n, err := resolve(d, p)
	if err != nil {
		return nil, nil, false, err
	}
	if n == len(p) {
		end, err := valueEnd(d, start)
		if err != nil {
			return nil, nil, false, err
		}
		st := detect(d)
		return e.splice(d, start, end, st.format(v, lineIndent(d, start))), d[start:end], true, nil
	}
	for _, s := range p[n:] {
		if s.IsIndex {
			return nil, nil, false, fmt.Errorf("%s: %w (array elements are not created)", p, ErrNotFound)
		}
	}
	for i := len(p) - 1; i > n; i-- {
		v = objectOf(p[i].Key, v)
	}
	out, err = e.insert(d, start, p[n].Key, v)
	return out, nil, false, err
}

// Append adds v as the last element of the array at p, creating the array
// (as the last key of its parent object) when absent.
func Append(d []byte, p Path, v []byte) ([]byte, error) {
	return (*Editor)(nil).Append(d, p, v)
}

// Append is Append (the function) in e's buffers.
func (e *Editor) Append(d []byte, p Path, v []byte) ([]byte, error) {
	start, n, err := resolve(d, p)
	if err != nil {
		return nil, err
	}
	if n < len(p) {
		out, _, _, err := e.SetOld(d, p, append(append([]byte{'['}, v...), ']'))
		return out, err
	}
	if d[start] != '[' {
		return nil, fmt.Errorf("%s: not an array", p)
	}
	return e.insert(d, start, "", v)
}

// Delete removes the member or element at p with its separator.
func Delete(d []byte, p Path) ([]byte, error) {
	out, _, err := DeleteOld(d, p)
	return out, err
}

// Delete is Delete (the function) in e's buffers.
func (e *Editor) Delete(d []byte, p Path) ([]byte, error) {
	out, _, err := e.DeleteOld(d, p)
	return out, err
}

// DeleteOld is Delete, also returning the value it removed: what Get
// before Delete gives, without resolving p twice.
func DeleteOld(d []byte, p Path) (out, old []byte, err error) {
	return (*Editor)(nil).DeleteOld(d, p)
}

// DeleteOld is DeleteOld (the function) in e's buffers.
func (e *Editor) DeleteOld(d []byte, p Path) (out, old []byte, err error) {
	if len(p) == 0 {
		return nil, nil, fmt.Errorf("cannot delete the whole document")
	}
	start, n, err := resolve(d, p.Parent())
	if err != nil {
		return nil, nil, err
	}
	if n < len(p)-1 {
		return nil, nil, fmt.Errorf("%s: %w", p, ErrNotFound)
	}
	if p.Last().IsIndex != (d[start] == '[') {
		return nil, nil, fmt.Errorf("%s: %w", p, ErrNotFound)
	}
	h, err := findChild(d, start, p.Last())
	if err != nil {
		return nil, nil, err
	}
	if h.start < 0 {
		return nil, nil, fmt.Errorf("%s: %w", p, ErrNotFound)
	}
	end, err := valueEnd(d, h.start)
	if err != nil {
		return nil, nil, err
	}
	old = d[h.start:end]
	switch after := skipSpace(d, end); {
	case after < len(d) && d[after] == ',': // up to the next child
		return e.splice(d, h.keyStart, skipSpace(d, after+1), nil), old, nil
	case h.prevEnd >= 0: // the last child: from the end of the one before
		return e.splice(d, h.prevEnd, end, nil), old, nil
	default: // the only child: the container is left empty
		return e.splice(d, start+1, after, nil), old, nil
	}
}

// setListed is SetOld where the parent of p's last step exists and is a
// container of the right kind: its children are listed once, both to find
// the member and, when absent, to lay the new one out by (SetOld found it
// by one scan and listed the children for the insert in another). ok is
// false, and SetOld goes its general way, in every other case, errors
// included, so that they read as they did.
func (e *Editor) setListed(d []byte, p Path, v []byte) (out, old []byte, had, ok bool) {
	if len(p) == 0 {
		return nil, nil, false, false
	}
	open, n, err := resolve(d, p.Parent())
	last := p.Last()
	if err != nil || n < len(p)-1 || last.IsIndex || d[open] != '{' {
		return nil, nil, false, false
	}
	kids, close, err := e.children(d, open)
	if err != nil {
		return nil, nil, false, false
	}
	if i := find(kids, last); i >= 0 {
		start, end := kids[i].start, kids[i].end
		st := detect(d)
		return e.splice(d, start, end, st.format(v, lineIndent(d, start))), d[start:end], true, true
	}
	out, err = e.insertListed(d, open, close, kids, last.Key, v)
	return out, nil, false, err == nil
}

// insert adds a member (key != "") or an element at the end of the
// container starting at open, laid out like its siblings.
func (e *Editor) insert(d []byte, open int, key string, v []byte) ([]byte, error) {
	kids, close, err := e.children(d, open)
	if err != nil {
		return nil, err
	}
	return e.insertListed(d, open, close, kids, key, v)
}

// insertListed is insert with the container's children already listed.
func (e *Editor) insertListed(d []byte, open, close int, kids []span, key string, v []byte) ([]byte, error) {
	if key != "" && d[open] != '{' {
		return nil, fmt.Errorf("cannot add key %q to an array", key)
	}
	st := detect(d).at(d, open, close, kids)
	text := st.member(key, v)
	if len(kids) == 0 {
		if st.pretty {
			text = append(append([]byte("\n"+st.indent), text...), "\n"+lineIndent(d, open)...)
		}
		return e.splice(d, open+1, close, text), nil
	}
	sep := st.comma
	if st.pretty {
		sep = ",\n" + st.indent
	}
	last := kids[len(kids)-1].end
	return e.splice(d, last, last, append([]byte(sep), text...)), nil
}

// splice returns d with d[from:to] replaced by repl, in a new slice.
func splice(d []byte, from, to int, repl []byte) []byte {
	out := make([]byte, 0, len(d)-(to-from)+len(repl))
	out = append(out, d[:from]...)
	out = append(out, repl...)
	return append(out, d[to:]...)
}
