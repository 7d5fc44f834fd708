package awsjson

import (
	"bytes"
	"reflect"
	"unsafe"
)

// DecodeStrict decodes data, one JSON value, into dst, a non-nil pointer
// to a zero value. Where it reports true, data is valid JSON (as json.Valid
// says: the decoder checks what it reads, and what it passes over, as it
// goes) and dst holds exactly what encoding/json's Decoder with
// DisallowUnknownFields would have put there: member names match untagged
// fields as encoding/json matches them, time.Time decodes through its own
// UnmarshalJSON, and `[]` gives an empty, non-nil slice.
//
// It reports false where encoding/json would fail (an unknown member, a
// value of the wrong type), and also where it does not go itself:
// repeated members, member names with escapes or non-ASCII letters, and
// types with custom unmarshalers, tags or promoted fields. dst is then
// partly written; the caller resets it and asks encoding/json, which gives
// the answer and the error. It is several times faster than encoding/json
// because it reads the bytes once, without a state machine or a copy.
func DecodeStrict(data []byte, dst any) bool {
	var dec Decoder
	return dec.DecodeStrict(data, dst)
}

// decodeState is a read position in one document.
type decodeState struct {
	data  []byte
	i     int
	dec   *Decoder
	depth int // of the objects and arrays open at i
}

// maxDepth bounds how deep objects and arrays nest in what the decoder
// reads, values passed over included: far below encoding/json's 10,000
// for a whole document, and far above any that AWS returns. A document
// nested deeper (which a type that holds itself, like the tests' sample,
// could take to any depth) is not decoded here: encoding/json decides.
const maxDepth = 1000

// enter counts one more object or array open, or reports false when that
// is one too many.
func (d *decodeState) enter() bool {
	d.depth++
	return d.depth <= maxDepth
}

// leave counts one object or array fewer open, once read; ok is passed
// through.
func (d *decodeState) leave(ok bool) bool {
	d.depth--
	return ok
}

func (d *decodeState) peek() byte {
	if d.i < len(d.data) {
		return d.data[d.i]
	}
	return 0
}

// value decodes the value at d.i into v, following p.
func (d *decodeState) value(p *plan, v reflect.Value) bool {
	d.i = skipSpace(d.data, d.i)
	c := d.peek()
	if c == 'n' {
		return d.null(p, v)
	}
	switch p.kind {
	case structKind:
		return c == '{' && d.object(p, v)
	case pointerKind:
		if p.stringPtr { // always a new pointer: one may be shared (Strings), never written through
			ps, ok := d.strPointer()
			if ok {
				v.Set(reflect.ValueOf(ps))
			}
			return ok
		}
		if v.IsNil() {
			v.Set(d.dec.newValue(p))
		}
		return d.value(p.elem, v.Elem())
	case sliceKind:
		return c == '[' && d.array(p, v)
	case mapKind:
		return c == '{' && d.mapObject(p, v)
	case stringKind:
		s, ok := d.str()
		if ok {
			v.SetString(s)
		}
		return ok
	case boolKind:
		return d.boolean(v)
	case intKind, uintKind, floatKind:
		return d.number(p, v)
	case timeKind:
		return d.timestamp(v)
	}
	return false
}

// null reads a null: it clears pointers, slices, maps and interfaces and
// leaves other values as they are, as encoding/json does.
func (d *decodeState) null(p *plan, v reflect.Value) bool {
	if !bytes.HasPrefix(d.data[d.i:], []byte("null")) || p.kind == unsupported {
		return false
	}
	d.i += len("null")
	switch p.kind {
	case pointerKind, sliceKind, mapKind, interfaceKind:
		v.SetZero()
	}
	return true
}

// object decodes a JSON object into the struct v.
func (d *decodeState) object(p *plan, v reflect.Value) bool {
	if !d.enter() {
		return false
	}
	var seen fieldSet
	var skip *fieldSet
	if d.dec.skip != nil {
		skip = d.dec.skip[p]
	}
	next := 0 // the field expected next, in the order of p.sorted
	return d.leave(d.members(func(key []byte) bool {
		idx, ok := p.expected(key, next)
		if !ok {
			idx, ok = p.field(key)
		}
		if !ok || seen.has(idx) {
			return false // unknown, or repeated: encoding/json decides
		}
		seen.add(idx)
		next = p.rank[idx] + 1
		if skip != nil && skip.has(idx) {
			return d.skipValue()
		}
		return d.value(p.fields[idx], v.Field(idx))
	}))
}

// expected is field's shortcut for members in alphabetical order, as the
// AWS CLI prints them: it tries only the field at p.sorted[next], by both
// of its spellings.
func (p *plan) expected(key []byte, next int) (int, bool) {
	if next >= len(p.sorted) {
		return 0, false
	}
	f := &p.sorted[next]
	if string(key) == f.camel || string(key) == f.name {
		return f.index, true
	}
	return 0, false
}

// field finds the struct field a member name stands for: the Go name or
// the API's camelCase spelling of it, else the name without regard to
// ASCII case, which is what encoding/json finds. Names with escapes or
// other bytes are not matched here (encoding/json folds Unicode too).
func (p *plan) field(key []byte) (int, bool) {
	if idx, ok := p.names[string(key)]; ok {
		return idx, true
	}
	var buf [64]byte
	if len(key) > len(buf) || bytes.IndexByte(key, '\\') >= 0 || !isASCII(string(key)) {
		return 0, false
	}
	idx, ok := p.folded[string(upperASCII(buf[:0], key))]
	return idx, ok
}

// mapObject decodes a JSON object into the map v, keys as they are.
func (d *decodeState) mapObject(p *plan, v reflect.Value) bool {
	if !d.enter() {
		return false
	}
	if v.IsNil() {
		v.Set(reflect.MakeMap(p.typ))
	}
	kt := p.typ.Key()
	elem := reflect.New(p.typ.Elem()).Elem()
	return d.leave(d.members(func(raw []byte) bool {
		key, ok := d.unquote(raw)
		if !ok {
			return false
		}
		elem.SetZero()
		if !d.value(p.elem, elem) {
			return false
		}
		v.SetMapIndex(reflect.ValueOf(key).Convert(kt), elem)
		return true
	}))
}

// members reads the object at d.i, calling member with each member's
// quoted name, positioned at its value, which member must read.
func (d *decodeState) members(member func(key []byte) bool) bool {
	d.i = skipSpace(d.data, d.i+1)
	if d.peek() == '}' {
		d.i++
		return true
	}
	for {
		if d.peek() != '"' {
			return false
		}
		start := d.i
		if d.i = stringEnd(d.data, d.i); d.i > len(d.data) {
			return false
		}
		key := d.data[start:d.i]
		d.i = skipSpace(d.data, d.i)
		if d.peek() != ':' {
			return false
		}
		d.i++
		if !member(key[1 : len(key)-1 : len(key)-1]) {
			return false
		}
		d.i = skipSpace(d.data, d.i)
		switch d.peek() {
		case ',':
			d.i = skipSpace(d.data, d.i+1)
		case '}':
			d.i++
			return true
		default:
			return false
		}
	}
}

// array decodes a JSON array into the slice v, which it replaces (the
// decoder's destinations are zero, so v is nil: a slice encoding/json
// would reuse is never there) with a slice of the array's length, with no
// room to spare beyond the allocator's rounding: the elements are decoded
// into a scratch slice of the Decoder's first, then copied. encoding/json
// grows the slice as it goes, which leaves, once decoded, a quarter of
// its room unused on average (a container instance's attributes: a third)
// and the smaller slices it outgrew as garbage.
func (d *decodeState) array(p *plan, v reflect.Value) bool {
	if !d.enter() {
		return false
	}
	d.i = skipSpace(d.data, d.i+1)
	s := d.dec.takeScratch(p)
	n := 0
	for d.peek() != ']' {
		if n == s.Len() {
			s = growScratch(p, s)
		}
		if !d.value(p.elem, s.Index(n)) {
			return false // s is dropped: it may hold what was decoded
		}
		n++
		d.i = skipSpace(d.data, d.i)
		switch d.peek() {
		case ',':
			if d.i = skipSpace(d.data, d.i+1); d.peek() == ']' {
				return false // a comma before the end: not JSON
			}
		case ']':
		default:
			return false
		}
	}
	d.i++
	if n == 0 {
		setSlice(v, unsafe.Pointer(&emptyArray), 0)
	} else {
		setSlice(v, d.dec.alloc(p.elem.typ, n), n)
		reflect.Copy(v, s)
	}
	d.dec.putScratch(p, s, n)
	return d.leave(true)
}
