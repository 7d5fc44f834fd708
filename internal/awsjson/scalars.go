package awsjson

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/ecs2fargate/ecs2fargate/internal/jsonscan"
)

// The decoder's scalars: strings, booleans, numbers and timestamps.

// str reads the string at d.i.
func (d *decodeState) str() (string, bool) {
	if d.peek() != '"' {
		return "", false
	}
	start := d.i
	d.i = stringEnd(d.data, d.i)
	if d.i > len(d.data) || d.i-start < 2 {
		return "", false
	}
	return d.unquote(d.data[start+1 : d.i-1])
}

// strPointer reads the string at d.i into a new *string, or the one its
// value shares (see Strings).
func (d *decodeState) strPointer() (*string, bool) {
	if d.peek() != '"' {
		return nil, false
	}
	start := d.i
	d.i = stringEnd(d.data, d.i)
	if d.i > len(d.data) || d.i-start < 2 {
		return nil, false
	}
	inner := d.data[start+1 : d.i-1]
	if plainString(inner) {
		return d.dec.stringPointer(inner), true
	}
	s, ok := d.unquote(inner)
	if !ok {
		return nil, false
	}
	p := d.dec.strings.next()
	*p = s
	return p, true
}

// plainString reports whether the inside of a JSON string is its value:
// no escapes, and valid UTF-8.
func plainString(inner []byte) bool {
	return bytes.IndexByte(inner, '\\') < 0 && utf8.Valid(inner)
}

// unquote decodes the inside of a JSON string; plain ones without
// encoding/json, the rest (escapes, invalid UTF-8, which it replaces)
// with it.
func (d *decodeState) unquote(inner []byte) (string, bool) {
	if plainString(inner) {
		return d.dec.string(inner), true
	}
	var s string
	q := make([]byte, 0, len(inner)+2)
	q = append(append(append(q, '"'), inner...), '"')
	return s, json.Unmarshal(q, &s) == nil
}

func (d *decodeState) boolean(v reflect.Value) bool {
	rest := d.data[d.i:]
	switch {
	case bytes.HasPrefix(rest, []byte("true")):
		v.SetBool(true)
		d.i += len("true")
	case bytes.HasPrefix(rest, []byte("false")):
		v.SetBool(false)
		d.i += len("false")
	default:
		return false
	}
	return true
}

// number reads a number into an integer or floating-point v, refusing
// what encoding/json refuses: fractions for integers, and overflow.
func (d *decodeState) number(p *plan, v reflect.Value) bool {
	start := d.i
	for d.i < len(d.data) && isNumberByte(d.data[d.i]) {
		d.i++
	}
	if start == d.i || jsonscan.NumberEnd(d.data, start) != d.i {
		return false // not a JSON number, though strconv may read it ("01", "-.5")
	}
	lit := string(d.data[start:d.i])
	switch p.kind {
	case intKind:
		n, err := strconv.ParseInt(lit, 10, 64)
		if err != nil || v.OverflowInt(n) {
			return false
		}
		v.SetInt(n)
	case uintKind:
		n, err := strconv.ParseUint(lit, 10, 64)
		if err != nil || v.OverflowUint(n) {
			return false
		}
		v.SetUint(n)
	default:
		f, err := strconv.ParseFloat(lit, v.Type().Bits())
		if err != nil || v.OverflowFloat(f) {
			return false
		}
		v.SetFloat(f)
	}
	return true
}

func isNumberByte(c byte) bool {
	return c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'
}

// timestamp hands the quoted timestamp to time.Time's UnmarshalJSON, as
// encoding/json does.
func (d *decodeState) timestamp(v reflect.Value) bool {
	if d.peek() != '"' {
		return false
	}
	start := d.i
	d.i = stringEnd(d.data, d.i)
	if d.i > len(d.data) {
		return false
	}
	return v.Addr().Interface().(*time.Time).UnmarshalJSON(d.data[start:d.i]) == nil
}

func skipSpace(data []byte, i int) int { return jsonscan.SkipSpace(data, i) }

// stringEnd is jsonscan.ValidStringEnd, past len(data) when the string
// is not valid JSON: a string the decoder reads is checked as it is read
// (see DecodeStrict).
func stringEnd(data []byte, i int) int {
	end, ok := jsonscan.ValidStringEnd(data, i)
	if !ok {
		return len(data) + 1
	}
	return end
}
