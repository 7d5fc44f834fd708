package fleet

import (
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// decoder fills an SDK value from generic JSON (maps, slices, json.Number)
// while recording every key it does not know and every value of the wrong
// type, with its path. encoding/json would drop the first silently and stop
// at the second, and it cannot read the epoch-seconds timestamps the AWS CLI
// prints under some configurations.
type decoder struct {
	file  string
	diags *[]Diagnostic
}

func (d decoder) warn(path, format string, args ...any) {
	*d.diags = append(*d.diags, Diagnostic{File: d.file, Path: path, Level: LevelWarning, Message: fmt.Sprintf(format, args...)})
}

func (d decoder) fail(path, format string, args ...any) {
	*d.diags = append(*d.diags, Diagnostic{File: d.file, Path: path, Level: LevelError, Message: fmt.Sprintf(format, args...)})
}

var timeType = reflect.TypeOf(time.Time{})

// decode sets dst (a non-nil pointer) from src, the output of a UseNumber JSON
// decode; path names src within the file for messages.
func (d decoder) decode(src any, dst reflect.Value, path string) {
	if src == nil {
		return
	}
	t := dst.Type()
	switch {
	case t == timeType:
		d.decodeTime(src, dst, path)
	case t.Kind() == reflect.Pointer:
		v := reflect.New(t.Elem())
		d.decode(src, v.Elem(), path)
		dst.Set(v)
	case t.Kind() == reflect.Struct:
		d.decodeStruct(src, dst, path)
	case t.Kind() == reflect.Slice:
		d.decodeSlice(src, dst, path)
	case t.Kind() == reflect.Map:
		d.decodeMap(src, dst, path)
	case t.Kind() == reflect.Interface:
		// Opaque documents (e.g. deployment hook details) stay in the raw bytes.
	default:
		d.decodeScalar(src, dst, path)
	}
}

func (d decoder) decodeStruct(src any, dst reflect.Value, path string) {
	obj, ok := src.(map[string]any)
	if !ok {
		d.fail(path, "expected an object, found %s", jsonKind(src))
		return
	}
	fields := fieldsOf(dst.Type())
	skip := notRead[dst.Type()]
	for _, key := range slices.Sorted(maps.Keys(obj)) {
		if skip != "" && strings.EqualFold(key, skip) {
			continue // neither decoded nor checked (see notRead)
		}
		idx, known := fields[strings.ToLower(key)]
		if !known {
			d.warn(joinPath(path, key), "field %q is not known to ecs2fargate's AWS model; it is kept in the original document but not audited", key)
			continue
		}
		d.decode(obj[key], dst.Field(idx), joinPath(path, key))
	}
}

func (d decoder) decodeSlice(src any, dst reflect.Value, path string) {
	arr, ok := src.([]any)
	if !ok {
		d.fail(path, "expected an array, found %s", jsonKind(src))
		return
	}
	out := reflect.MakeSlice(dst.Type(), len(arr), len(arr))
	for i, item := range arr {
		d.decode(item, out.Index(i), fmt.Sprintf("%s[%d]", path, i))
	}
	dst.Set(out)
}

func (d decoder) decodeMap(src any, dst reflect.Value, path string) {
	obj, ok := src.(map[string]any)
	if !ok {
		d.fail(path, "expected an object, found %s", jsonKind(src))
		return
	}
	out := reflect.MakeMapWithSize(dst.Type(), len(obj))
	for k, item := range obj {
		v := reflect.New(dst.Type().Elem()).Elem()
		d.decode(item, v, joinPath(path, k))
		out.SetMapIndex(reflect.ValueOf(k).Convert(dst.Type().Key()), v)
	}
	dst.Set(out)
}

func (d decoder) decodeScalar(src any, dst reflect.Value, path string) {
	switch dst.Kind() {
	case reflect.String:
		switch v := src.(type) {
		case string:
			dst.SetString(v)
		case json.Number:
			// Hand-written definitions often say "cpu": 256 where the API wants "256".
			dst.SetString(v.String())
		default:
			d.fail(path, "expected a string, found %s", jsonKind(src))
		}
	case reflect.Bool:
		b, ok := src.(bool)
		if !ok {
			d.fail(path, "expected true or false, found %s", jsonKind(src))
			return
		}
		dst.SetBool(b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := src.(json.Number)
		i, err := strconv.ParseInt(string(n), 10, dst.Type().Bits())
		if !ok || err != nil {
			d.fail(path, "expected a whole number, found %s", jsonKind(src))
			return
		}
		dst.SetInt(i)
	case reflect.Float32, reflect.Float64:
		n, ok := src.(json.Number)
		f, err := n.Float64()
		if !ok || err != nil {
			d.fail(path, "expected a number, found %s", jsonKind(src))
			return
		}
		dst.SetFloat(f)
	default:
		d.fail(path, "cannot read a value of type %s", dst.Type())
	}
}

// decodeTime accepts RFC 3339 strings (the CLI's default) and epoch seconds
// (cli_timestamp_format = none, and the raw API).
func (d decoder) decodeTime(src any, dst reflect.Value, path string) {
	switch v := src.(type) {
	case string:
		t, err := time.Parse(time.RFC3339Nano, v)
		if err != nil {
			d.fail(path, "expected an RFC 3339 timestamp, found %q", v)
			return
		}
		dst.Set(reflect.ValueOf(t))
	case json.Number:
		f, err := v.Float64()
		if err != nil {
			d.fail(path, "expected a timestamp, found %s", v)
			return
		}
		sec := int64(f)
		dst.Set(reflect.ValueOf(time.Unix(sec, int64((f-float64(sec))*1e9)).UTC()))
	default:
		d.fail(path, "expected a timestamp, found %s", jsonKind(src))
	}
}

var fieldCache sync.Map // reflect.Type → map[string]int

// fieldsOf maps the lower-cased names of t's exported fields to their index.
// The AWS CLI's member names differ from the SDK's Go names only in case.
func fieldsOf(t reflect.Type) map[string]int {
	if m, ok := fieldCache.Load(t); ok {
		return m.(map[string]int)
	}
	m := make(map[string]int, t.NumField())
	for i := 0; i < t.NumField(); i++ {
		if f := t.Field(i); f.IsExported() {
			m[strings.ToLower(f.Name)] = i
		}
	}
	fieldCache.Store(t, m)
	return m
}

func jsonKind(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		// Never the contents: a mistyped environment or secrets entry
		// ("DB_PASSWORD=…") would otherwise print its value.
		return "a string"
	case bool:
		return fmt.Sprintf("%t", x)
	case json.Number:
		return "the number " + x.String()
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

// joinPath appends an object key to a JSON path, quoting keys that are not
// plain identifiers (user-owned map keys such as dockerLabels entries).
func joinPath(path, key string) string {
	if !isIdent(key) {
		key = strconv.Quote(key)
		return path + "[" + key + "]"
	}
	if path == "" {
		return key
	}
	return path + "." + key
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		ok := r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9'
		if !ok {
			return false
		}
	}
	return true
}
