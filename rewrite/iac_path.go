package rewrite

import (
	"strconv"
	"strings"
)

// Paths into decoded JSON (map[string]any, []any) in the analyzer's
// notation (containerDefinitions[0].memory), for the conversion of a
// rewrite into an IaC resource's wanted object (iac.go).

// pathSegment is one step of a path: a member name, or an index when
// index >= 0.
type pathSegment struct {
	name  string
	index int
}

// splitPath parses a.b[0].c into its segments.
func splitPath(p string) []pathSegment {
	var segs []pathSegment
	for _, part := range strings.Split(p, ".") {
		name, rest, _ := strings.Cut(part, "[")
		if name != "" {
			segs = append(segs, pathSegment{name: name, index: -1})
		}
		for rest != "" {
			num, after, _ := strings.Cut(rest, "]")
			n, err := strconv.Atoi(num)
			if err != nil {
				return nil
			}
			segs = append(segs, pathSegment{index: n})
			rest = strings.TrimPrefix(after, "[")
		}
	}
	return segs
}

// lookupPath returns the value at p in v.
func lookupPath(v any, p string) (any, bool) {
	for _, s := range splitPath(p) {
		switch x := v.(type) {
		case map[string]any:
			if s.index >= 0 {
				return nil, false
			}
			var ok bool
			if v, ok = x[s.name]; !ok {
				return nil, false
			}
		case []any:
			if s.index < 0 || s.index >= len(x) {
				return nil, false
			}
			v = x[s.index]
		default:
			return nil, false
		}
	}
	return v, true
}

// deletePath removes the member at p (a member of an object; an element of
// a list is left alone, as removing it would shift its siblings' paths).
// It reports whether there was one.
func deletePath(v any, p string) bool {
	segs := splitPath(p)
	if len(segs) == 0 {
		return false
	}
	last := segs[len(segs)-1]
	parent := v
	if len(segs) > 1 {
		var ok bool
		if parent, ok = lookupPath(v, joinPath(segs[:len(segs)-1])); !ok {
			return false
		}
	}
	obj, ok := parent.(map[string]any)
	if !ok || last.index >= 0 {
		return false
	}
	_, had := obj[last.name]
	delete(obj, last.name)
	return had
}

func joinPath(segs []pathSegment) string {
	var b strings.Builder
	for _, s := range segs {
		if s.index >= 0 {
			b.WriteString("[" + strconv.Itoa(s.index) + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.name)
	}
	return b.String()
}
