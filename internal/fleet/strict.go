package fleet

import (
	"bytes"
	"encoding/json"
	"reflect"
)

// decodeStrict is decodeItem's fast path: encoding/json straight into the
// SDK struct (it matches member names without regard to case, as the
// loader does), refusing unknown fields. It succeeds only where the full
// decoder would report nothing; otherwise dst is reset and the full decoder
// runs, to report every problem with its path.
func decodeStrict(raw []byte, dst any) bool {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if dec.Decode(dst) == nil {
		return true
	}
	reflect.ValueOf(dst).Elem().SetZero()
	return false
}

// strictArray is decodeStrict for the elements of one validated JSON array
// in turn, through one decoder: a decoder per element would copy every
// element into a fresh buffer, half the loader's allocations. A failed
// element leaves the decoder after it, so the next call decodes the next
// element; each element must be asked for exactly once, in order.
type strictArray struct{ dec *json.Decoder }

// newStrictArray returns nil when raw is not an array; next then fails.
func newStrictArray(raw []byte) *strictArray {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		return nil
	}
	return &strictArray{dec: dec}
}

// next decodes the next element into dst, or resets dst and reports false.
func (sa *strictArray) next(dst any) bool {
	if sa == nil {
		return false
	}
	if sa.dec.Decode(dst) == nil {
		return true
	}
	reflect.ValueOf(dst).Elem().SetZero()
	return false
}
