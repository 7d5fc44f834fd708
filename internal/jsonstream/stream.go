// Package jsonstream writes a large JSON document piece by piece: the
// same bytes as json.Encoder with SetEscapeHTML(false) and a two-space
// (or any) indent would write for the whole value, without ever holding
// the whole document. Encoding a 10,000-service audit at once allocated
// 256 MB to write 142 MB (issue 17); written element by element, only one
// element is in memory at a time.
package jsonstream

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"

	"github.com/ecs2fargate/ecs2fargate/internal/jsonindent"
)

// Writer writes one JSON document: objects and arrays are opened and
// closed by hand, leaves (and whole sub-trees) are encoded by
// encoding/json and indented to their depth. The first write error stops
// the writing and is returned by Close.
type Writer struct {
	w      *bufio.Writer
	indent string
	// open holds, per container opened and not closed, whether it has a
	// member or element yet (the next one is preceded by a comma).
	open     []bool
	afterKey bool // a key was written; its value follows with no separator
	buf      bytes.Buffer
	enc      *json.Encoder
	lines    []byte
	scratch  []byte // a string being quoted (String)
	err      error
}

// New writes to w through a 64 KiB buffer (or w itself when it is
// already a bufio.Writer), indenting each level by indent.
func New(w io.Writer, indent string) *Writer {
	bw, ok := w.(*bufio.Writer)
	if !ok {
		bw = bufio.NewWriterSize(w, 64<<10)
	}
	s := &Writer{w: bw, indent: indent}
	s.enc = json.NewEncoder(&s.buf)
	s.enc.SetEscapeHTML(false)
	return s
}

// BeginObject opens an object: the document, a member's value after Key,
// or an array's next element.
func (s *Writer) BeginObject() { s.begin('{') }

// BeginArray opens an array.
func (s *Writer) BeginArray() { s.begin('[') }

// EndObject closes the innermost object.
func (s *Writer) EndObject() { s.end('}') }

// EndArray closes the innermost array.
func (s *Writer) EndArray() { s.end(']') }

// Key writes an object member's name; its value comes next (Value,
// BeginObject or BeginArray).
func (s *Writer) Key(name string) {
	s.separate()
	s.quote(name) // as encoding/json quotes it (see String)
	s.w.WriteString(": ")
	s.afterKey = true
}

// Value writes v, encoded whole, as the next member value or element.
func (s *Writer) Value(v any) {
	s.separate()
	s.encode(v, len(s.open))
}

// Field is Key then Value.
func (s *Writer) Field(name string, v any) {
	s.Key(name)
	s.Value(v)
}

// Close ends the document with a newline, as json.Encoder does, and
// flushes it; it returns the first error met.
func (s *Writer) Close() error {
	if s.err != nil {
		return s.err
	}
	s.w.WriteByte('\n')
	return s.w.Flush()
}

// Err is the first error met so far: a producer of many elements stops
// early when it is set.
func (s *Writer) Err() error { return s.err }

func (s *Writer) begin(c byte) {
	s.separate()
	s.w.WriteByte(c)
	s.open = append(s.open, false)
}

func (s *Writer) end(c byte) {
	n := len(s.open) - 1
	if s.open[n] {
		s.w.Write(s.newline(n))
	}
	s.open = s.open[:n]
	s.w.WriteByte(c)
}

// separate writes what precedes the next value: nothing after a key or at
// the top, else a comma after an earlier one and a new line indented to
// the container's depth.
func (s *Writer) separate() {
	if s.afterKey {
		s.afterKey = false
		return
	}
	n := len(s.open)
	if n == 0 {
		return
	}
	if s.open[n-1] {
		s.w.WriteByte(',')
	}
	s.open[n-1] = true
	s.w.Write(s.newline(n))
}

func (s *Writer) newline(depth int) []byte {
	size := 1 + depth*len(s.indent)
	for len(s.lines) < size {
		if len(s.lines) == 0 {
			s.lines = append(s.lines, '\n')
		}
		s.lines = append(s.lines, s.indent...)
	}
	return s.lines[:size]
}

// encode writes v as encoding/json encodes it, indented as if it began at
// depth; a buffered write error surfaces here, so a producer stops early.
func (s *Writer) encode(v any, depth int) {
	if s.err != nil {
		return
	}
	s.buf.Reset()
	if err := s.enc.Encode(v); err != nil {
		s.err = err
		return
	}
	src := bytes.TrimSuffix(s.buf.Bytes(), []byte{'\n'})
	if err := jsonindent.WriteAt(s.w, src, s.indent, depth); err != nil {
		s.err = err
		return
	}
	if s.buf.Cap() > 1<<20 {
		s.buf = bytes.Buffer{} // one large element must not pin its buffer for the rest
		s.enc = json.NewEncoder(&s.buf)
		s.enc.SetEscapeHTML(false)
	}
	s.surfaceErr()
}

// surfaceErr takes the buffered writer's error, once a write has failed,
// as the Writer's: a producer of many values then stops early.
func (s *Writer) surfaceErr() {
	if _, err := s.w.Write(nil); err != nil {
		s.err = err
	}
}
