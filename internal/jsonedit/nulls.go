package jsonedit

import "bytes"

// Nulls lists the paths of the null values in d (object members and array
// elements), outermost first, in document order. The AWS CLI's parameter
// validation rejects a null wherever the API expects a value, while a
// reader of the document treats a null member as absent.
func Nulls(d []byte) []Path {
	if !bytes.Contains(d, []byte("null")) {
		return nil // the common case: no null token anywhere
	}
	var out []Path
	i := skipSpace(d, 0)
	if i < len(d) {
		out = nullsIn(d, i, nil, out)
	}
	return out
}

// nullsIn appends the null paths inside the value at i, reached by p.
func nullsIn(d []byte, i int, p Path, out []Path) []Path {
	if d[i] != '{' && d[i] != '[' {
		return out
	}
	kids, _, err := children(d, i)
	if err != nil {
		return out
	}
	for n, k := range kids {
		var step Step
		if k.key != nil {
			step = Key(decodeKey(k.key))
		} else {
			step = Index(n)
		}
		if isNull(d[k.start:k.end]) {
			out = append(out, p.Child(step))
			continue
		}
		out = nullsIn(d, k.start, p.Child(step), out)
	}
	return out
}

func isNull(v []byte) bool { return string(v) == "null" }
