package awsjson

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
)

// Members encodes each member of struct v (or a pointer to one) that
// Marshal would write, keyed by its member name, so a caller can put the
// members in an order of its own without decoding Marshal's output.
func Members(v any, s Style) (map[string]json.RawMessage, error) {
	rv := reflect.Indirect(reflect.ValueOf(v))
	if rv.Kind() != reflect.Struct {
		return nil, fmt.Errorf("awsjson.Members: %T is not a struct", v)
	}
	out := map[string]json.RawMessage{}
	for i := 0; i < rv.NumField(); i++ {
		f := rv.Type().Field(i)
		fv := rv.Field(i)
		if !f.IsExported() || omit(fv) {
			continue
		}
		var b bytes.Buffer
		if err := s.encode(&b, fv); err != nil {
			return nil, fmt.Errorf("member %s: %w", strconv.Quote(s.name(f.Name)), err)
		}
		out[s.name(f.Name)] = b.Bytes()
	}
	return out, nil
}
