// Package jsonindent indents JSON the way encoding/json does, faster.
//
// encoding/json's Indent (and Encoder.SetIndent) runs every byte through
// its validating scanner, which costs more than marshalling itself on a
// large report. Output that encoding/json has just produced is known to be
// valid, so it only needs the layout rules applied.
package jsonindent

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/ecs2fargate/ecs2fargate/internal/jsonscan"
)

// Encode writes v to w as json.Encoder does with SetEscapeHTML(false) and
// SetIndent("", indent): the same bytes, ending in a newline. The indented
// form is streamed to w.
func Encode(w io.Writer, v any, indent string) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(&indenter{w: bw, indent: indent})
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	return bw.Flush()
}

// indenter indents what a json.Encoder writes to it. The Encoder writes
// each value, whole, in one call, from a buffer it reuses afterwards:
// indenting there saves copying a document of hundreds of megabytes into
// a buffer of our own first.
type indenter struct {
	w      *bufio.Writer
	indent string
}

func (x *indenter) Write(p []byte) (int, error) {
	if err := write(x.w, p, x.indent); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Append appends src indented to dst, as json.Indent(dst, src, "", indent)
// would for valid JSON; invalid JSON is an error.
func Append(dst, src []byte, indent string) ([]byte, error) {
	b := bytes.NewBuffer(dst)
	if err := write(b, src, indent); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// writer is what both bufio.Writer and bytes.Buffer offer; their write
// errors are left to Flush (bytes.Buffer has none).
type writer interface {
	io.Writer
	io.ByteWriter
	io.StringWriter
}

// Write writes src, one JSON value optionally followed by white space, to
// w with json.Indent's layout: a member or element per line, "{}" and "[]"
// kept closed, ": " after keys, white space outside strings dropped except
// what follows the value. It checks only what it must to stay in step
// (strings terminated, brackets balanced), so src should come from
// encoding/json. Errors writing to w are left for w.Flush to report.
func Write(w *bufio.Writer, src []byte, indent string) error { return write(w, src, indent) }

// WriteAt is Write for a value nested depth levels deep in a document
// written piece by piece (internal/jsonstream): its inner lines are
// indented depth levels further, as json.Indent would indent them there.
func WriteAt(w *bufio.Writer, src []byte, indent string, depth int) error {
	return writeAt(w, src, indent, depth)
}

func write(w writer, src []byte, indent string) error { return writeAt(w, src, indent, 0) }

func writeAt(w writer, src []byte, indent string, base int) error {
	lines := newlines{indent: indent, base: base}
	depth, open := 0, false // open: a container just began, its first line not yet written
	started := false
	for i := 0; i < len(src); i++ {
		c := src[i]
		if isSpace(c) {
			if started && depth == 0 && !open {
				w.Write(src[i:]) // white space after the value is kept, as json.Indent does
				break
			}
			continue
		}
		started = true
		if open && c != '}' && c != ']' {
			open = false
			depth++
			w.Write(lines.at(depth))
		}
		switch c {
		case '"':
			end := stringEnd(src, i)
			if end < 0 {
				return fmt.Errorf("jsonindent: unterminated string at offset %d", i)
			}
			w.Write(src[i:end])
			i = end - 1
		case '{', '[':
			w.WriteByte(c)
			open = true
		case ',':
			w.WriteByte(',')
			w.Write(lines.at(depth))
		case ':':
			w.WriteString(": ")
		case '}', ']':
			if open {
				open = false
			} else {
				if depth == 0 {
					return fmt.Errorf("jsonindent: unbalanced %q at offset %d", c, i)
				}
				depth--
				w.Write(lines.at(depth))
			}
			w.WriteByte(c)
		default:
			end := literalEnd(src, i)
			w.Write(src[i:end])
			i = end - 1
		}
	}
	if depth != 0 || open {
		return fmt.Errorf("jsonindent: unexpected end of JSON")
	}
	return nil
}

// stringEnd returns the index just past the string starting at i, or -1.
func stringEnd(src []byte, i int) int {
	end, ok := jsonscan.StringEnd(src, i)
	if !ok {
		return -1
	}
	return end
}

// literalEnd returns the index just past the number, true, false or null
// starting at i.
func literalEnd(src []byte, i int) int {
	j := i
	for j < len(src) && !isSpace(src[j]) && src[j] != ',' && src[j] != '}' && src[j] != ']' && src[j] != ':' {
		j++
	}
	return j
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// newlines hands out "\n" and depth indents from one growing buffer.
type newlines struct {
	indent string
	base   int // the depth of the value's own first line
	buf    []byte
}

func (n *newlines) at(depth int) []byte {
	size := 1 + (n.base+depth)*len(n.indent)
	for len(n.buf) < size {
		if len(n.buf) == 0 {
			n.buf = append(n.buf, '\n')
		}
		n.buf = append(n.buf, n.indent...)
	}
	return n.buf[:size]
}
