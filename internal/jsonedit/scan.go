package jsonedit

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/ecs2fargate/ecs2fargate/internal/jsonscan"
)

// span is one value in the document: [start, end), and for object members
// the start of the key.
type span struct {
	keyStart   int
	start, end int
	key        []byte // the quoted key as in the document; nil for array elements
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func skipSpace(d []byte, i int) int { return jsonscan.SkipSpace(d, i) }

// structural marks the bytes valueEnd stops at inside a container.
var structural = [256]bool{'"': true, '{': true, '[': true, '}': true, ']': true}

// valueEnd returns the index just past the value starting at i.
func valueEnd(d []byte, i int) (int, error) {
	if i >= len(d) {
		return 0, fmt.Errorf("unexpected end of JSON")
	}
	switch d[i] {
	case '"':
		return stringEnd(d, i)
	case '{', '[':
		depth := 0
		for j := i; j < len(d); j++ {
			for j < len(d) && !structural[d[j]] {
				j++ // the tight loop: most bytes of a document are none of these
			}
			if j == len(d) {
				break
			}
			switch d[j] {
			case '"':
				e, err := stringEnd(d, j)
				if err != nil {
					return 0, err
				}
				j = e - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return j + 1, nil
				}
			}
		}
		return 0, fmt.Errorf("unclosed %c at offset %d", d[i], i)
	}
	j := i
	for j < len(d) && !isSpace(d[j]) && d[j] != ',' && d[j] != '}' && d[j] != ']' {
		j++
	}
	if j == i {
		return 0, fmt.Errorf("unexpected %q at offset %d", d[i], i)
	}
	return j, nil
}

func stringEnd(d []byte, i int) (int, error) {
	end, ok := jsonscan.StringEnd(d, i)
	if !ok {
		return 0, fmt.Errorf("unterminated string at offset %d", i)
	}
	return end, nil
}

// children lists the members of the object or the elements of the array
// starting at i, and the index of its closing bracket.
func children(d []byte, i int) ([]span, int, error) {
	return appendChildren(make([]span, 0, 16), d, i) // a task definition has about 15 members; growing from nothing cost more than the scan
}

// appendChildren is children, appending to out.
func appendChildren(out []span, d []byte, i int) ([]span, int, error) {
	open := d[i]
	isObj := open == '{'
	j := skipSpace(d, i+1)
	for {
		if j >= len(d) {
			return nil, 0, fmt.Errorf("unclosed %c at offset %d", open, i)
		}
		if d[j] == '}' && isObj || d[j] == ']' && !isObj {
			return out, j, nil
		}
		var sp span
		if isObj {
			ke, err := stringEnd(d, j)
			if err != nil || d[j] != '"' {
				return nil, 0, fmt.Errorf("expected a key at offset %d", j)
			}
			sp.keyStart, sp.key = j, d[j:ke] // decoded only when compared: most keys are never
			j = skipSpace(d, ke)
			if j >= len(d) || d[j] != ':' {
				return nil, 0, fmt.Errorf("expected ':' at offset %d", j)
			}
			j = skipSpace(d, j+1)
		} else {
			sp.keyStart = j
		}
		end, err := valueEnd(d, j)
		if err != nil {
			return nil, 0, err
		}
		sp.start, sp.end = j, end
		out = append(out, sp)
		j = skipSpace(d, end)
		if j < len(d) && d[j] == ',' {
			j = skipSpace(d, j+1)
		}
	}
}

func decodeKey(q []byte) string {
	for _, c := range q {
		if c == '\\' {
			var s string
			_ = json.Unmarshal(q, &s)
			return s
		}
	}
	return string(q[1 : len(q)-1])
}

// find returns the index of the child a step selects: exact key first,
// then a case-insensitive match (AWS input is read case-insensitively).
func find(kids []span, st Step) int {
	if st.IsIndex {
		if st.Index < len(kids) {
			return st.Index
		}
		return -1
	}
	fold := -1
	for i, k := range kids {
		key := k.key[1 : len(k.key)-1]
		if bytes.IndexByte(key, '\\') >= 0 {
			key = []byte(decodeKey(k.key))
		}
		if string(key) == st.Key {
			return i
		}
		if fold < 0 && len(key) == len(st.Key) && equalFold(string(key), st.Key) {
			fold = i
		}
	}
	return fold
}

func equalFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// hit is where findChild found a child: the start of its value, of its
// key (the value itself for an array element) and the end of the child
// before it (-1 for the first).
type hit struct{ start, keyStart, prevEnd int }

var miss = hit{start: -1, keyStart: -1, prevEnd: -1}

// findChild finds the child a step selects in the container at open (start
// -1 when there is none); like find, but without building the list of
// children (resolve runs once per edit, and most steps match early).
func findChild(d []byte, open int, st Step) (hit, error) {
	isObj := d[open] == '{'
	fold, idx, prevEnd := miss, 0, -1
	j := skipSpace(d, open+1)
	for {
		if j >= len(d) {
			return miss, fmt.Errorf("unclosed %c at offset %d", d[open], open)
		}
		if d[j] == '}' || d[j] == ']' {
			return fold, nil
		}
		match, folded, keyStart := false, false, j
		if isObj {
			ke, err := stringEnd(d, j)
			if err != nil || d[j] != '"' {
				return miss, fmt.Errorf("expected a key at offset %d", j)
			}
			key := d[j+1 : ke-1]
			if bytes.IndexByte(key, '\\') >= 0 {
				k := decodeKey(d[j:ke])
				match, folded = k == st.Key, equalFold(k, st.Key)
			} else {
				match = string(key) == st.Key
				folded = !match && fold.start < 0 && len(key) == len(st.Key) && equalFold(string(key), st.Key)
			}
			j = skipSpace(d, ke)
			if j >= len(d) || d[j] != ':' {
				return miss, fmt.Errorf("expected ':' at offset %d", j)
			}
			j = skipSpace(d, j+1)
		} else {
			match = idx == st.Index
		}
		if match {
			return hit{start: j, keyStart: keyStart, prevEnd: prevEnd}, nil
		}
		if folded && fold.start < 0 {
			fold = hit{start: j, keyStart: keyStart, prevEnd: prevEnd}
		}
		end, err := valueEnd(d, j)
		if err != nil {
			return miss, err
		}
		idx, prevEnd = idx+1, end
		j = skipSpace(d, end)
		if j < len(d) && d[j] == ',' {
			j = skipSpace(d, j+1)
		}
	}
}
