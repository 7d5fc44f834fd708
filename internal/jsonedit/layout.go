package jsonedit

import (
	"bytes"
	"encoding/json"
	"strings"
)

// style is how the document lays out its containers.
type style struct {
	pretty bool
	unit   string // one level of indentation
	indent string // indentation of members of the container being edited
	colon  string // between key and value
	comma  string // between compact members
}

// detect reads the document-wide style: indented when it has line breaks,
// with the indentation of its first indented line as the unit.
func detect(d []byte) style {
	st := style{unit: "    ", colon: ": ", comma: ","}
	nl := bytes.IndexByte(d, '\n')
	st.pretty = nl >= 0
	for nl >= 0 && nl+1 < len(d) {
		line := d[nl+1:]
		if ws := leading(line); ws != "" && len(ws) < len(line) && line[len(ws)] != '\n' {
			st.unit = ws
			break
		}
		next := bytes.IndexByte(line, '\n')
		if next < 0 {
			break
		}
		nl += 1 + next
	}
	if !st.pretty && !bytes.Contains(d, []byte(`": `)) {
		st.colon = ":"
	}
	if st.pretty {
		st.comma = ", "
	}
	return st
}

// at refines the style for one container: its members' indentation,
// separators, and whether it is laid out over several lines.
func (st style) at(d []byte, open, close int, kids []span) style {
	if len(kids) == 0 {
		st.indent = lineIndent(d, open) + st.unit
		return st
	}
	first := kids[0].keyStart
	st.pretty = bytes.IndexByte(d[open:first], '\n') >= 0
	st.indent = lineIndent(d, first)
	if closing := lineIndent(d, close); st.pretty && strings.HasPrefix(st.indent, closing) && len(st.indent) > len(closing) {
		st.unit = st.indent[len(closing):]
	}
	if d[open] == '{' {
		ke, _ := stringEnd(d, first)
		st.colon = string(d[ke:kids[0].start])
	}
	if len(kids) > 1 {
		st.comma = string(d[kids[0].end:kids[1].keyStart])
	}
	return st
}

// member renders `"key": value` (or just the value for arrays).
func (st style) member(key string, v []byte) []byte {
	val := st.format(v, st.indent)
	if key == "" {
		return val
	}
	return append(append(quote(key), st.colon...), val...)
}

// format lays v out for a position whose line is indented by ind.
func (st style) format(v []byte, ind string) []byte {
	var b bytes.Buffer
	var err error
	if st.pretty {
		err = json.Indent(&b, v, ind, st.unit)
	} else {
		err = json.Compact(&b, v)
	}
	if err != nil {
		return v
	}
	if !st.pretty && st.colon == ": " {
		return spaced(b.Bytes())
	}
	return b.Bytes()
}

// spaced puts a space after each ':' and ',' outside strings of compact
// JSON, for documents written as {"a": 1, "b": 2}.
func spaced(c []byte) []byte {
	out := make([]byte, 0, len(c)+len(c)/8)
	in := false
	for i := 0; i < len(c); i++ {
		ch := c[i]
		out = append(out, ch)
		switch {
		case in && ch == '\\' && i+1 < len(c):
			i++
			out = append(out, c[i])
		case ch == '"':
			in = !in
		case !in && (ch == ':' || ch == ','):
			out = append(out, ' ')
		}
	}
	return out
}

// objectOf wraps v as {"key": v}.
func objectOf(key string, v []byte) []byte {
	out := append([]byte{'{'}, quote(key)...)
	out = append(append(out, ':'), v...)
	return append(out, '}')
}

func quote(s string) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return bytes.TrimRight(b.Bytes(), "\n")
}

// lineIndent is the leading whitespace of the line holding offset i.
func lineIndent(d []byte, i int) string {
	start := bytes.LastIndexByte(d[:i], '\n') + 1
	return leading(d[start:])
}

func leading(line []byte) string {
	n := 0
	for n < len(line) && (line[n] == ' ' || line[n] == '\t') {
		n++
	}
	return string(line[:n])
}

// Dedent removes from every line but the first the indentation of the
// last line when that line is only the closing brace and every line has
// that indentation, so that a document cut out of a larger one (the task
// definition inside describe-task-definition output) starts at column 0.
// Raw line breaks occur only between tokens in JSON, so no string changes.
// A dedented document is a new slice; d is returned when nothing changes.
func Dedent(d []byte) []byte { return dedent(d, false) }

// DedentInPlace is Dedent written over d's own bytes, for a caller that
// owns d and needs no copy (the rewrite's starting document: issue 17, a
// copy of each task definition the report's preview rewrites). Dedenting
// only removes bytes, so each line is written at or before where it was
// read.
func DedentInPlace(d []byte) []byte { return dedent(d, true) }

func dedent(d []byte, inPlace bool) []byte {
	last := bytes.LastIndexByte(d, '\n')
	if last < 0 {
		return d
	}
	ind := leading(d[last+1:])
	if ind == "" || string(bytes.TrimSpace(d[last+1:])) != "}" {
		return d // not a closing brace indented by its context
	}
	for rest := d[bytes.IndexByte(d, '\n')+1:]; ; {
		l, more := cutLine(rest)
		if len(bytes.TrimSpace(l)) > 0 && !bytes.HasPrefix(l, []byte(ind)) {
			return d
		}
		if !more {
			break
		}
		rest = rest[len(l)+1:]
	}
	// Line by line, without splitting the document into a slice of lines.
	nl := bytes.IndexByte(d, '\n')
	var out []byte
	if inPlace {
		out = d[:nl+1]
	} else {
		out = append(make([]byte, 0, len(d)), d[:nl+1]...)
	}
	for rest := d[nl+1:]; ; {
		l, more := cutLine(rest)
		out = append(out, bytes.TrimPrefix(l, []byte(ind))...)
		if !more {
			return out
		}
		out = append(out, '\n')
		rest = rest[len(l)+1:]
	}
}

// cutLine returns the first line of b, without its line break, and
// whether a line break followed it.
func cutLine(b []byte) ([]byte, bool) {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i], true
	}
	return b, false
}
