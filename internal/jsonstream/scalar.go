package jsonstream

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/ecs2fargate/ecs2fargate/internal/jsonindent"
	"github.com/ecs2fargate/ecs2fargate/internal/jsonscan"
)

// Int writes the member name with the integer v, as Field(name, v), without
// encoding/json: the report's rows are written member by member (issue 17).
func (s *Writer) Int(name string, v int) {
	if s.err != nil {
		return
	}
	s.Key(name)
	s.separate() // after a key: nothing
	s.scratch = strconv.AppendInt(s.scratch[:0], int64(v), 10)
	s.w.Write(s.scratch)
	s.surfaceErr()
}

// Null writes the member name with the value null, as Field(name, nil).
func (s *Writer) Null(name string) {
	if s.err != nil {
		return
	}
	s.Key(name)
	s.separate() // after a key: nothing
	s.w.WriteString("null")
	s.surfaceErr()
}

// Raw writes the member name with v, a JSON text, as Field(name,
// json.RawMessage(v)) does: compacted, checked, and indented to its depth
// (null when v is nil). Text that is not JSON is the Writer's error, as it
// is encoding/json's.
func (s *Writer) Raw(name string, v []byte) {
	if s.err != nil {
		return
	}
	if v == nil {
		s.Null(name)
		return
	}
	if plainScalar(v) {
		// What Compact and indenting would copy unchanged: most of the
		// report's before and after values (issue 17: Compact was 0.7
		// cpu-s of report --format json at 100,000 services).
		s.Key(name)
		s.separate() // after a key: nothing
		s.w.Write(v)
		s.surfaceErr()
		return
	}
	s.buf.Reset()
	if err := json.Compact(&s.buf, v); err != nil {
		s.err = fmt.Errorf("json: a raw value of member %q: %w", name, err)
		return
	}
	s.Key(name)
	s.separate() // after a key: nothing
	if err := jsonindent.WriteAt(s.w, s.buf.Bytes(), s.indent, len(s.open)); err != nil {
		s.err = err
		return
	}
	s.surfaceErr()
}

// plainScalar reports whether v is, with nothing around it, a JSON string
// holding no quote, backslash or control character (so no escape), a
// number, true, false or null: a value json.Compact copies as it is and
// that indenting leaves alone.
func plainScalar(v []byte) bool {
	n := len(v)
	switch {
	case n >= 2 && v[0] == '"':
		return jsonscan.Plain(v, 1) == n-1 && v[n-1] == '"'
	case n > 0 && (v[0] == '-' || '0' <= v[0] && v[0] <= '9'):
		return jsonscan.NumberEnd(v, 0) == len(v)
	}
	switch string(v) {
	case "true", "false", "null":
		return true
	}
	return false
}
