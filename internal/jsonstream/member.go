package jsonstream

import (
	"unicode/utf8"

	"github.com/ecs2fargate/ecs2fargate/internal/jsonscan"
)

// String writes the member name with the string value v: the bytes
// Field(name, v) writes, without encoding/json. The audit's 150,000
// findings are mostly such members; through encoding/json and re-indenting
// they were a fifth of audit --format json's CPU (issue 17).
func (s *Writer) String(name, v string) {
	if s.err != nil || s.plainMember(name, v) {
		return
	}
	s.Key(name)
	s.separate() // after a key: nothing
	s.quote(v)
	s.surfaceErr()
}

// plainMember writes the member name with the string value v at once,
// into the buffered writer's free space, when both need no escape, the
// member is an object's (not a key's value) and it fits: the bytes Key,
// separate and quote write in ten calls, in one. It reports whether it
// wrote the member. An audit of 10,000 services writes 1.8 million such
// members: one append each instead of ten buffered calls took its JSON
// from 0.19 to 0.10 cpu-s a run (docs/benchmarks.md, auditcpu25).
func (s *Writer) plainMember(name, v string) bool {
	n := len(s.open)
	if s.afterKey || n == 0 {
		return false
	}
	line := s.newline(n)
	if s.w.Available() < 1+len(line)+len(name)+len(v)+6 || !jsonscan.PlainASCII(name) || !jsonscan.PlainASCII(v) {
		return false
	}
	b := s.w.AvailableBuffer()
	if s.open[n-1] {
		b = append(b, ',')
	}
	s.open[n-1] = true
	b = append(b, line...)
	b = append(b, '"')
	b = append(b, name...)
	b = append(b, `": "`...)
	b = append(b, v...)
	b = append(b, '"')
	if _, err := s.w.Write(b); err != nil {
		s.err = err
	}
	return true
}

// Bool writes the member name with the boolean v, as Field(name, v).
func (s *Writer) Bool(name string, v bool) {
	if s.err != nil {
		return
	}
	s.Key(name)
	s.separate() // after a key: nothing
	if v {
		s.w.WriteString("true")
	} else {
		s.w.WriteString("false")
	}
	s.surfaceErr()
}

// quote writes v as a JSON string, as encoding/json does with HTML
// escaping off. A string that needs no escape is written as it is.
func (s *Writer) quote(v string) {
	if jsonscan.PlainASCII(v) {
		s.w.WriteByte('"')
		s.w.WriteString(v)
		s.w.WriteByte('"')
		return
	}
	s.scratch = appendQuoted(s.scratch[:0], v)
	s.w.Write(s.scratch)
}

const hex = "0123456789abcdef"

// appendQuoted is encoding/json's appendString with escapeHTML false:
// the same escapes, U+FFFD for each invalid byte, U+2028 and U+2029
// escaped (TestQuoteMatchesEncodingJSON holds the two together).
func appendQuoted(dst []byte, v string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(v); {
		if b := v[i]; b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' {
				i++
				continue
			}
			dst = append(dst, v[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(v[i:])
		switch {
		case c == utf8.RuneError && size == 1:
			dst = append(dst, v[start:i]...)
			dst = append(dst, `\ufffd`...)
		case c == '\u2028' || c == '\u2029':
			dst = append(dst, v[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[c&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, v[start:]...)
	return append(dst, '"')
}

// Strings writes the member name with the list v, as Field(name, v): null
// when v is nil.
func (s *Writer) Strings(name string, v []string) {
	if v == nil {
		s.Field(name, nil)
		return
	}
	s.Key(name)
	s.BeginArray()
	for _, e := range v {
		if s.err != nil {
			return
		}
		s.separate()
		s.quote(e)
	}
	s.EndArray()
}
