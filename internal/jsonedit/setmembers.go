package jsonedit

import "bytes"

// SetMembers sets values at paths below the top-level object of d in one
// pass, with the result Set of each in turn gives. A path is a top-level
// member, whose value is replaced in place (laid out as Set lays it out)
// or, when d lacks it, added after the last member; or a longer path of
// keys whose first member d lacks, added as Set adds it (objects for the
// keys between). Added members come in the order of paths. ok is false,
// and d is left as it is, unless one pass can promise Set's result: d is
// an indented object whose first line is "{" alone, with at least two
// members, each member and the closing brace starting a line of their
// own; the paths' first keys are distinct but for case; longer paths are
// all keys and their first member absent. Then no edit changes what Set
// reads to lay out the next (the document's indentation unit, the lines
// of the other members, the object's separators and closing line).
func SetMembers(d []byte, paths []Path, vals [][]byte) (out []byte, ok bool) {
	return ListTop(d).SetMembers(paths, vals)
}

// SetMembers is SetMembers of the document t lists.
func (t *Top) SetMembers(paths []Path, vals [][]byte) (out []byte, ok bool) {
	d := t.d
	keys := make([]string, len(paths))
	for i, p := range paths {
		if len(p) == 0 || p[0].IsIndex {
			return nil, false
		}
		keys[i] = p[0].Key
	}
	if len(d) < 2 || d[0] != '{' || d[1] != '\n' || len(paths) != len(vals) || !foldDistinct(keys) {
		return nil, false
	}
	kids, close := t.kids, t.close
	if t.err != nil || len(kids) < 2 || !commaSeparated(d, kids, close) || !ownLine(d, close) {
		return nil, false
	}
	for _, k := range kids {
		if !ownLine(d, k.keyStart) {
			return nil, false
		}
	}
	if first := kids[0].keyStart; bytes.IndexByte(d[2:first], '\n') >= 0 || first == 2 {
		return nil, false // the second line must hold the first member, indented
	}
	doc, obj := detect(d), detect(d).at(d, 0, close, kids)
	replace := make([][]byte, len(kids))
	var added []byte
	for i, k := range keys {
		j := find(kids, Key(k))
		switch {
		case j >= 0 && len(paths[i]) == 1:
			replace[j] = doc.format(vals[i], lineIndent(d, kids[j].start))
		case j >= 0:
			return nil, false // below a member d has: not a top-level edit
		default:
			v, ok := wrapped(paths[i][1:], vals[i])
			if !ok {
				return nil, false
			}
			added = append(append(added, ",\n"+obj.indent...), obj.member(k, v)...)
		}
	}
	out = make([]byte, 0, len(d)+len(added)+64)
	from := 0
	for j, k := range kids {
		if replace[j] != nil {
			out = append(append(out, d[from:k.start]...), replace[j]...)
			from = k.end
		}
	}
	last := kids[len(kids)-1].end
	if from < last {
		out, from = append(out, d[from:last]...), last
	}
	out = append(append(out, added...), d[from:]...)
	return out, true
}

// wrapped is v inside an object for each key of rest, innermost last, as
// Set builds the parents it creates; ok is false when rest has an index.
func wrapped(rest Path, v []byte) ([]byte, bool) {
	for i := len(rest) - 1; i >= 0; i-- {
		if rest[i].IsIndex {
			return nil, false
		}
		v = objectOf(rest[i].Key, v)
	}
	return v, true
}

// ownLine reports whether only spaces and tabs precede offset i on its line.
func ownLine(d []byte, i int) bool {
	start := bytes.LastIndexByte(d[:i], '\n') + 1
	return len(leading(d[start:i])) == i-start
}
