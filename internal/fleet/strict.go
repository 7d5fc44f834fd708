package fleet

import (
	"bytes"
	"encoding/json"
	"reflect"
)

// decodeStrict is decodeItem's fast path: the document straight into the
// SDK struct, member names matched without regard to case (as the loader
// does), unknown fields refused. It succeeds only where the full decoder
// would report nothing; otherwise dst is reset and the full decoder runs,
// to report every problem with its path.
//
// awsjson.DecodeStrict decodes nearly every document, in one pass over its
// bytes; what it leaves (a repeated member, an escaped member name, a value
// of the wrong type) goes to encoding/json, whose answer it gives wherever
// it answers itself.
func (l *fileLoad) decodeStrict(raw []byte, dst any) bool {
	if !l.jsonOnly {
		if l.dec.DecodeStrict(raw, dst) {
			return true
		}
		reset(dst)
	}
	return decodeStrictJSON(raw, dst)
}

// decodeStrictJSON is decodeStrict with encoding/json alone.
func decodeStrictJSON(raw []byte, dst any) bool {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if dec.Decode(dst) == nil {
		return true
	}
	reset(dst)
	return false
}

// reset zeroes what dst points to.
func reset(dst any) { reflect.ValueOf(dst).Elem().SetZero() }
