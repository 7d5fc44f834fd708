package cloudformation

import (
	"bytes"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// yamlText finds the bytes of a parsed YAML template's nodes: the parser
// gives each node's line and column, not its end, so the end is found by
// scanning the text from there (a scalar's end by its quoting, a flow
// collection's by its brackets, a block collection's as its last child's).
// The edits splice these spans, so every other byte stays as written.
type yamlText struct {
	src   []byte
	lines []int // byte offset of each line's start
}

func newYAMLText(src []byte) *yamlText {
	t := &yamlText{src: src, lines: []int{0}}
	for i, c := range src {
		if c == '\n' {
			t.lines = append(t.lines, i+1)
		}
	}
	return t
}

// offset is the byte offset of a node's line and column (the parser counts
// columns in characters).
func (t *yamlText) offset(line, col int) int {
	if line < 1 || line > len(t.lines) {
		return len(t.src)
	}
	i := t.lines[line-1]
	for c := 1; c < col && i < len(t.src) && t.src[i] != '\n'; c++ {
		_, n := utf8.DecodeRune(t.src[i:])
		i += n
	}
	return i
}

func (t *yamlText) start(n *yaml.Node) int { return t.offset(n.Line, n.Column) }

// lineStart and lineEnd are the offsets of the start of the line holding
// i and of the byte after its newline (or the end of the text).
func (t *yamlText) lineStart(i int) int {
	for i > 0 && t.src[i-1] != '\n' {
		i--
	}
	return i
}

func (t *yamlText) lineEnd(i int) int {
	if j := bytes.IndexByte(t.src[i:], '\n'); j >= 0 {
		return i + j + 1
	}
	return len(t.src)
}

// onlySpaceBefore reports whether nothing but indentation precedes i on
// its line (a key that starts its line, not one after "- ").
func (t *yamlText) onlySpaceBefore(i int) bool {
	for j := t.lineStart(i); j < i; j++ {
		if t.src[j] != ' ' && t.src[j] != '\t' {
			return false
		}
	}
	return true
}

// end is the offset just after node n's text. flow says n is inside a
// flow collection, where a plain scalar also ends at , ] and }.
func (t *yamlText) end(n *yaml.Node, flow bool) int {
	n = deref(n)
	switch {
	case n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode:
		if n.Style&yaml.FlowStyle != 0 || len(n.Content) == 0 {
			return t.flowEnd(t.contentStart(n))
		}
		return t.end(n.Content[len(n.Content)-1], false)
	case n.Kind == yaml.AliasNode:
		return t.plainEnd(t.start(n), flow)
	}
	i := t.contentStart(n)
	switch {
	case n.Style&yaml.DoubleQuotedStyle != 0:
		return t.quotedEnd(i, '"')
	case n.Style&yaml.SingleQuotedStyle != 0:
		return t.quotedEnd(i, '\'')
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		return t.blockScalarEnd(n)
	}
	if n.ShortTag() == "!!null" && n.Value == "" {
		return t.start(n) // "Key:" with nothing after it
	}
	end := t.plainEnd(i, flow)
	if !flow {
		end = t.continuedEnd(i, end)
	}
	return end
}

// continuedEnd extends a block plain scalar ending at end over the lines
// that continue it: lines indented deeper than the line it starts on
// (a Description folded over several lines).
func (t *yamlText) continuedEnd(start, end int) int {
	base := t.contentIndent(t.lineStart(start))
	for i := t.lineEnd(end); i < len(t.src); {
		next := t.lineEnd(i)
		line := bytes.TrimSpace(t.src[i:next])
		if len(line) == 0 {
			i = next
			continue
		}
		if indentOf(t.src, i) <= base || line[0] == '#' {
			break
		}
		end = t.plainEnd(i+indentOf(t.src, i), false)
		i = next
	}
	return end
}

// contentStart skips a node's tag (!Ref) and anchor (&a) to its content.
func (t *yamlText) contentStart(n *yaml.Node) int {
	i := t.start(n)
	for i < len(t.src) && (t.src[i] == '!' || t.src[i] == '&') {
		for i < len(t.src) && t.src[i] != ' ' && t.src[i] != '\n' && t.src[i] != '[' && t.src[i] != '{' {
			i++
		}
		for i < len(t.src) && t.src[i] == ' ' {
			i++
		}
	}
	return i
}

// plainEnd is the end of a plain scalar starting at i: the line's end or
// a comment, and in flow context a separator.
func (t *yamlText) plainEnd(i int, flow bool) int {
	j := i
	last := i
	for j < len(t.src) && t.src[j] != '\n' {
		c := t.src[j]
		if c == '#' && j > i && (t.src[j-1] == ' ' || t.src[j-1] == '\t') {
			break
		}
		if flow && (c == ',' || c == ']' || c == '}') {
			break
		}
		if c != ' ' && c != '\t' && c != '\r' {
			last = j + 1
		}
		j++
	}
	return last
}

func (t *yamlText) quotedEnd(i int, q byte) int {
	for j := i + 1; j < len(t.src); j++ {
		switch {
		case q == '"' && t.src[j] == '\\':
			j++
		case t.src[j] == q && q == '\'' && j+1 < len(t.src) && t.src[j+1] == '\'':
			j++
		case t.src[j] == q:
			return j + 1
		}
	}
	return len(t.src)
}

// flowEnd is the end of the flow collection opening at i.
func (t *yamlText) flowEnd(i int) int {
	depth := 0
	for j := i; j < len(t.src); j++ {
		switch c := t.src[j]; c {
		case '"', '\'':
			j = t.quotedEnd(j, c) - 1
		case '[', '{':
			depth++
		case ']', '}':
			depth--
			if depth == 0 {
				return j + 1
			}
		case '#':
			if j > 0 && (t.src[j-1] == ' ' || t.src[j-1] == '\t') {
				j = t.lineEnd(j) - 1
			}
		}
	}
	return len(t.src)
}

// blockScalarEnd is the end of a | or > scalar: its last line indented
// deeper than the line holding its indicator.
func (t *yamlText) blockScalarEnd(n *yaml.Node) int {
	ind := indentOf(t.src, t.lineStart(t.start(n)))
	end := t.lineEnd(t.start(n))
	for i := end; i < len(t.src); {
		next := t.lineEnd(i)
		line := bytes.TrimRight(t.src[i:next], "\r\n")
		if len(bytes.TrimSpace(line)) > 0 {
			if indentOf(t.src, i) <= ind {
				break
			}
			end = next
		}
		i = next
	}
	if end > 0 && t.src[end-1] == '\n' {
		end--
	}
	return end
}

// contentIndent is the column where the line at i's content starts, past
// its indentation and any "- " of sequence items: the key of "  - Name: web"
// sits at 4, and the lines continuing its value are indented deeper.
func (t *yamlText) contentIndent(i int) int {
	n := 0
	for i+n < len(t.src) {
		switch {
		case t.src[i+n] == ' ':
			n++
		case t.src[i+n] == '-' && i+n+1 < len(t.src) && t.src[i+n+1] == ' ':
			n += 2
		default:
			return n
		}
	}
	return n
}

// indentOf counts the spaces starting the line at i.
func indentOf(src []byte, i int) int {
	n := 0
	for i+n < len(src) && src[i+n] == ' ' {
		n++
	}
	return n
}
