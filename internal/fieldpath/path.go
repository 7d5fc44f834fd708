// Package fieldpath addresses a member inside a JSON document (a task
// definition, a service) as a list of steps, so that code which flags a
// field and code which edits it share one value instead of a text to
// re-parse. String writes the notation the audit's outputs show, e.g.
// containerDefinitions[0].logConfiguration.options["awslogs-group"].
package fieldpath

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

// Path addresses a value inside a document.
type Path []Step

// Key and Index build steps.
func Key(k string) Step { return Step{Key: k} }
func Index(i int) Step  { return Step{Index: i, IsIndex: true} }

// Keys is the path of nested object members: Keys("a", "b") is a.b.
func Keys(keys ...string) Path {
	p := make(Path, len(keys))
	for i, k := range keys {
		p[i] = Key(k)
	}
	return p
}

func (p Path) Parent() Path { return p[:len(p)-1] }
func (p Path) Last() Step   { return p[len(p)-1] }

// Child returns p extended by steps, without aliasing p's backing array.
func (p Path) Child(steps ...Step) Path {
	out := make(Path, 0, len(p)+len(steps))
	return append(append(out, p...), steps...)
}

// HasPrefix reports whether p starts with the steps of q.
func (p Path) HasPrefix(q Path) bool {
	if len(q) > len(p) {
		return false
	}
	for i := range q {
		if p[i] != q[i] {
			return false
		}
	}
	return true
}

// Equal reports whether p and q have the same steps.
func (p Path) Equal(q Path) bool { return len(p) == len(q) && p.HasPrefix(q) }

// Element reads the index of the array named key at the start of p:
// Element("containerDefinitions") of containerDefinitions[2].image is 2.
func (p Path) Element(key string) (int, bool) {
	if len(p) < 2 || p[0].IsIndex || p[0].Key != key || !p[1].IsIndex {
		return 0, false
	}
	return p[1].Index, true
}

// Parse reads the notation String writes: dot-separated keys, [n] array
// indices and ["quoted"] keys for names that are not identifiers. It is
// for paths given as text (tests, user input), not for findings, which
// carry their Path.
func Parse(s string) (Path, error) {
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

// String writes the path: identifier keys after a dot (none before the
// first), array indices as [n], other keys as ["quoted"]. (Not fmt: every
// finding renders its path, and Sprintf showed in the profile of a
// 10,000-service audit.)
func (p Path) String() string {
	if len(p) == 1 && !p[0].IsIndex && isIdent(p[0].Key) {
		return p[0].Key // a top-level member: its key, without a copy
	}
	// Written into a buffer on the stack and copied once: every finding's
	// path is written out (issue 17).
	var buf [128]byte
	return string(p.Append(buf[:0]))
}

// Append appends String's text to b.
func (p Path) Append(b []byte) []byte {
	for i, st := range p {
		switch {
		case st.IsIndex:
			b = append(b, '[')
			b = strconv.AppendInt(b, int64(st.Index), 10)
			b = append(b, ']')
		case isIdent(st.Key):
			if i > 0 {
				b = append(b, '.')
			}
			b = append(b, st.Key...)
		default:
			b = append(b, '[')
			b = strconv.AppendQuote(b, st.Key)
			b = append(b, ']')
		}
	}
	return b
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
