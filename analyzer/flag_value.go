package analyzer

import (
	"reflect"
	"strconv"
)

// Most findings' values are numbers and lists that many findings share
// (a cpu of 256, the same subnets): rendered afresh, each was a new
// string, with json.Marshal's buffer besides (23 MB allocated at 100,000
// services). Flag renders them into its buffer and takes the string from
// flagTexts, as it does the message.

// Types whose JSON text strconv writes: Go's own, which have no methods
// (a named type may marshal itself, so goes through renderValue).
var (
	intType   = reflect.TypeFor[int]()
	int32Type = reflect.TypeFor[int32]()
	int64Type = reflect.TypeFor[int64]()
	boolType  = reflect.TypeFor[bool]()
)

// value is renderValue(v): the same text, shared with earlier findings'
// when it is not v's own string.
func (sc *flagScratch) value(v any) string {
	rv, ok := pointee(v)
	if !ok {
		return ""
	}
	var b []byte
	switch rv.Type() {
	case intType, int32Type, int64Type:
		b = strconv.AppendInt(sc.buf[:0], rv.Int(), 10)
	case boolType:
		b = strconv.AppendBool(sc.buf[:0], rv.Bool())
	default:
		if rv.Kind() == reflect.String {
			return rv.String()
		}
		b = append(sc.buf[:0], valueJSON(rv)...)
	}
	s := sc.text(b)
	sc.buf = b[:0]
	return s
}
