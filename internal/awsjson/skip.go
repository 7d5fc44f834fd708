package awsjson

import (
	"fmt"
	"reflect"

	"github.com/ecs2fargate/ecs2fargate/internal/jsonscan"
)

// fieldSet is a set of struct fields by index, as object's duplicate check
// keeps them.
type fieldSet [maxFields / 64]uint64

func (s *fieldSet) has(i int) bool { return s[i/64]&(1<<(i%64)) != 0 }
func (s *fieldSet) add(i int)      { s[i/64] |= 1 << (i % 64) }

// Skip makes the Decoder pass over the member that stands for the field
// named field (its Go name) of the struct type t, under any spelling the
// decoder matches: the value is not decoded, the field stays zero, and
// the value need only be valid JSON (it is checked, not read). For
// members that are large and that nothing reads (a service's events), it
// saves their decoding and their memory. It panics when t has no such
// field, or when t is not a struct the Decoder reads itself.
func (dec *Decoder) Skip(t reflect.Type, field string) {
	p := planOf(t)
	f, ok := t.FieldByName(field)
	if p.kind != structKind || !ok || len(f.Index) != 1 {
		panic(fmt.Sprintf("awsjson: Skip(%v, %q): no such field decoded", t, field))
	}
	if dec.skip == nil {
		dec.skip = map[*plan]*fieldSet{}
	}
	set := dec.skip[p]
	if set == nil {
		set = new(fieldSet)
		dec.skip[p] = set
	}
	set.add(f.Index[0])
}

// skipValue moves past the JSON value at d.i, checking it as the rest of
// what the decoder reads is checked (see DecodeStrict).
func (d *decodeState) skipValue() bool {
	end, ok := jsonscan.ValueEnd(d.data, skipSpace(d.data, d.i), maxDepth-d.depth)
	d.i = end
	return ok
}
