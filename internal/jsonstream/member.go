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
	if s.err != nil {
		return
	}
	s.Key(name)
	s.separate() // after a key: nothing
	s.quote(v)
	s.surfaceErr()
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
