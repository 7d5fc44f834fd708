package jsonedit

// DeleteMembers deletes the members keys name from the top-level object
// of d in one pass, with the same result as Delete of each key one after
// another (a key d lacks is passed over). old[i] is the value removed for
// keys[i], nil when d has no such member. ok is false, and d is left as
// it is, when one pass cannot promise Delete's result: two keys equal but
// for case, or a top level that is not an object laid out as JSON.
func DeleteMembers(d []byte, keys []string) (out []byte, old [][]byte, ok bool) {
	t := ListTop(d)
	open, kids, close := t.open, t.kids, t.close
	if t.err != nil || !foldDistinct(keys) || !commaSeparated(d, kids, close) {
		return nil, nil, false
	}
	gone := make([]bool, len(kids))
	old = make([][]byte, len(keys))
	n := 0
	for i, k := range keys {
		if j := find(kids, Key(k)); j >= 0 {
			gone[j], old[i] = true, d[kids[j].start:kids[j].end]
			n++
		}
	}
	switch n {
	case 0:
		return d, old, true
	case len(kids): // what Delete leaves of an object it empties
		return splice(d, open+1, close, nil), old, true
	}
	return cut(d, kids, gone), old, true
}

// cut removes the members marked gone: a run of them followed by a kept
// member from the first one's key to that member's key, and a run at the
// end from the end of the member before it, as Delete does member by
// member (in any order, the removed bytes are the same).
func cut(d []byte, kids []span, gone []bool) []byte {
	out := make([]byte, 0, len(d))
	from := 0 // start of the bytes not yet copied
	for i := 0; i < len(kids); {
		if !gone[i] {
			i++
			continue
		}
		j := i
		for j < len(kids) && gone[j] {
			j++
		}
		if j < len(kids) {
			out = append(out, d[from:kids[i].keyStart]...)
			from = kids[j].keyStart
		} else {
			out = append(out, d[from:kids[i-1].end]...)
			from = kids[j-1].end
		}
		i = j
	}
	return append(out, d[from:]...)
}

// commaSeparated reports whether a comma follows every member but the
// last, and only space the last: children accepts members without one.
func commaSeparated(d []byte, kids []span, close int) bool {
	for i, k := range kids {
		after := skipSpace(d, k.end)
		if i < len(kids)-1 && (after >= len(d) || d[after] != ',') || i == len(kids)-1 && after != close {
			return false
		}
	}
	return true
}

func foldDistinct(keys []string) bool {
	for i := range keys {
		for j := i + 1; j < len(keys); j++ {
			if equalFold(keys[i], keys[j]) {
				return false
			}
		}
	}
	return true
}
