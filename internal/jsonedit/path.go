package jsonedit

import (
	"fmt"
	"strconv"
	"strings"
)

// Step is one element of a Path: an object key or an array index.
type Step struct {
	Key   string
	Index int
	// IsIndex is true for an array step.
	IsIndex bool
}

// Path addresses a value inside a document, e.g.
// containerDefinitions[0].logConfiguration.options["awslogs-group"].
type Path []Step

// Key and Index build steps.
func Key(k string) Step     { return Step{Key: k} }
func Index(i int) Step      { return Step{Index: i, IsIndex: true} }
func (p Path) Parent() Path { return p[:len(p)-1] }
func (p Path) Last() Step   { return p[len(p)-1] }

// Child returns p extended by steps, without aliasing p's backing array.
func (p Path) Child(steps ...Step) Path {
	out := make(Path, 0, len(p)+len(steps))
	return append(append(out, p...), steps...)
}

// ParsePath reads the analyzer's path notation: dot-separated keys, [n]
// array indices and ["quoted"] keys for names that are not identifiers.
func ParsePath(s string) (Path, error) {
	var p Path
	for i := 0; i < len(s); {
		switch s[i] {
		case '.':
			if i == 0 || i == len(s)-1 {
				return nil, fmt.Errorf("path %q: misplaced '.' at %d", s, i)
			}
			i++
		case '[':
			step, n, err := bracket(s[i:])
			if err != nil {
				return nil, fmt.Errorf("path %q: %w", s, err)
			}
			p = append(p, step)
			i += n
		default:
			j := i
			for j < len(s) && s[j] != '.' && s[j] != '[' {
				j++
			}
			p = append(p, Key(s[i:j]))
			i = j
		}
	}
	if len(p) == 0 {
		return nil, fmt.Errorf("empty path")
	}
	return p, nil
}

// bracket reads "[3]" or "[\"key\"]" at the start of s and returns the
// step and the bytes consumed.
func bracket(s string) (Step, int, error) {
	end := strings.IndexByte(s, ']')
	if len(s) > 1 && s[1] == '"' {
		q, err := strconv.QuotedPrefix(s[1:])
		if err != nil || len(s) < len(q)+2 || s[1+len(q)] != ']' {
			return Step{}, 0, fmt.Errorf("bad quoted key in %q", s)
		}
		k, _ := strconv.Unquote(q)
		return Key(k), len(q) + 2, nil
	}
	if end < 0 {
		return Step{}, 0, fmt.Errorf("unclosed '['")
	}
	n, err := strconv.Atoi(s[1:end])
	if err != nil || n < 0 {
		return Step{}, 0, fmt.Errorf("bad array index %q", s[1:end])
	}
	return Index(n), end + 1, nil
}

// String writes the path in the notation ParsePath reads.
func (p Path) String() string {
	var b strings.Builder
	for i, st := range p {
		switch {
		case st.IsIndex:
			fmt.Fprintf(&b, "[%d]", st.Index)
		case isIdent(st.Key):
			if i > 0 {
				b.WriteByte('.')
			}
			b.WriteString(st.Key)
		default:
			b.WriteString("[" + strconv.Quote(st.Key) + "]")
		}
	}
	return b.String()
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}
