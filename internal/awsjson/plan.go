package awsjson

import (
	"encoding"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"sync"
)

// A plan says how DecodeStrict fills one Go type: worked out once per type
// from reflection and cached, so that decoding a value only follows it.

// kind is what a plan decodes into.
type kind uint8

const (
	// unsupported types make DecodeStrict give up, so encoding/json decides:
	// custom unmarshalers, tagged or embedded fields, arrays, byte slices
	// (base64 strings), non-string map keys, json.Number.
	unsupported kind = iota
	structKind
	pointerKind
	sliceKind
	mapKind
	stringKind
	boolKind
	intKind
	uintKind
	floatKind
	timeKind      // time.Time, through its own UnmarshalJSON
	interfaceKind // only null is decoded; anything else gives up
)

type plan struct {
	kind  kind
	typ   reflect.Type
	elem  *plan                        // pointer, slice and map element
	alloc func(*Decoder) reflect.Value // allocates what a pointer points to; nil: reflect.New
	// stringPtr is set on the plan of *string, whose values a Decoder
	// with Strings shares (see Strings).
	stringPtr bool

	// Struct fields, matched as encoding/json matches untagged fields:
	// the exact Go name first, then without regard to ASCII case. names
	// also holds each name with a lower-case first letter (the ECS API's
	// spelling), which no Go name matches exactly and which folds to that
	// field alone: a shortcut past folding, with the same answer.
	names  map[string]int // Go field name and its camelCase form → field index
	folded map[string]int // upper-cased name → field index
	fields []*plan        // by field index; nil for unexported fields
	sorted []sortedField  // the exported fields by camelCase name
	rank   []int          // field index → position in sorted
}

// sortedField is one struct field under both of the names it is matched
// by exactly.
type sortedField struct {
	camel, name string
	index       int
}

// maxFields bounds the fields of a supported struct, so that the
// duplicate-key check fits a fixed bit set.
const maxFields = 256

var plans sync.Map // reflect.Type → *plan

var (
	unmarshalerType     = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
	numberType          = reflect.TypeFor[json.Number]()
	stringPtrType       = reflect.TypeFor[*string]()
)

// planOf returns the cached plan for t, building it (and the plans of the
// types it holds) on first use.
func planOf(t reflect.Type) *plan {
	if p, ok := plans.Load(t); ok {
		return p.(*plan)
	}
	building := map[reflect.Type]*plan{}
	p := build(t, building)
	for bt, bp := range building {
		plans.LoadOrStore(bt, bp)
	}
	return p
}

// build makes the plan for t; building holds the plans begun in this call,
// so that a recursive type refers to its own plan.
func build(t reflect.Type, building map[reflect.Type]*plan) *plan {
	if p, ok := plans.Load(t); ok {
		return p.(*plan)
	}
	if p, ok := building[t]; ok {
		return p
	}
	p := &plan{typ: t}
	building[t] = p
	if t == timeType {
		p.kind = timeKind
		return p
	}
	if t.Kind() == reflect.Pointer {
		// Unnamed pointers have the methods of their element, whose plan
		// decides.
		if t.Name() == "" {
			p.kind, p.elem, p.alloc = pointerKind, build(t.Elem(), building), blockAllocs[t]
			p.stringPtr = t == stringPtrType
		}
		return p
	}
	if t == numberType || customUnmarshal(t) {
		return p
	}
	switch t.Kind() {
	case reflect.Struct:
		buildStruct(p, t, building)
	case reflect.Slice:
		if t.Elem().Kind() != reflect.Uint8 {
			p.kind, p.elem = sliceKind, build(t.Elem(), building)
		}
	case reflect.Map:
		if t.Key().Kind() == reflect.String && !customUnmarshal(t.Key()) {
			p.kind, p.elem = mapKind, build(t.Elem(), building)
		}
	case reflect.String:
		p.kind = stringKind
	case reflect.Bool:
		p.kind = boolKind
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		p.kind = intKind
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		p.kind = uintKind
	case reflect.Float32, reflect.Float64:
		p.kind = floatKind
	case reflect.Interface:
		p.kind = interfaceKind
	}
	return p
}

// customUnmarshal reports whether encoding/json would hand values of t to
// an UnmarshalJSON or UnmarshalText method.
func customUnmarshal(t reflect.Type) bool {
	pt := reflect.PointerTo(t)
	return t.Implements(unmarshalerType) || pt.Implements(unmarshalerType) ||
		t.Implements(textUnmarshalerType) || pt.Implements(textUnmarshalerType)
}

// buildStruct fills in a struct's fields, or leaves the plan unsupported
// where encoding/json's field rules go beyond plain exported fields.
func buildStruct(p *plan, t reflect.Type, building map[reflect.Type]*plan) {
	if t.NumField() > maxFields {
		return
	}
	names := make(map[string]int, 2*t.NumField())
	folded := make(map[string]int, t.NumField())
	fields := make([]*plan, t.NumField())
	var sorted []sortedField
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous {
			// The SDK embeds an empty marker struct; anything with fields
			// to promote is left to encoding/json.
			if f.Type.Kind() != reflect.Struct || f.Type.NumField() > 0 {
				return
			}
			continue
		}
		if !f.IsExported() {
			continue
		}
		if _, tagged := f.Tag.Lookup("json"); tagged || !isASCII(f.Name) {
			return
		}
		up := upperASCII(nil, f.Name)
		if _, clash := folded[string(up)]; clash {
			return
		}
		camel := string(f.Name[0]+'a'-'A') + f.Name[1:] // exported: A–Z first
		names[f.Name], names[camel], folded[string(up)] = i, i, i
		fields[i] = build(f.Type, building)
		sorted = append(sorted, sortedField{camel: camel, name: f.Name, index: i})
	}
	p.kind, p.names, p.folded, p.fields, p.sorted = structKind, names, folded, fields, sorted
	p.rank = make([]int, t.NumField())
	slices.SortFunc(p.sorted, func(a, b sortedField) int { return strings.Compare(a.camel, b.camel) })
	for pos, f := range p.sorted {
		p.rank[f.index] = pos
	}
}

func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// upperASCII appends s with a–z upper-cased: encoding/json's case folding
// for ASCII names.
func upperASCII[S ~string | ~[]byte](dst []byte, s S) []byte {
	for i := range len(s) {
		c := s[i]
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}
