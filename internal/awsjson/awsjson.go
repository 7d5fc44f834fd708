// Package awsjson encodes aws-sdk-go-v2 values as the JSON the AWS CLI
// prints and the JSON protocols carry: member names as the API model spells
// them (camelCase for ECS and ECR, PascalCase for EC2 and ELBv2), nil
// members left out. The SDK's types have no JSON tags, so encoding/json
// alone would write Go field names.
//
// It also decodes such JSON into SDK values (DecodeStrict, Decoder), in one
// pass and for the documents where that gives exactly encoding/json's
// strict result, which the loader then need not ask encoding/json for.
package awsjson

import (
	"bytes"
	"encoding/json"
	"reflect"
	"sort"
	"strconv"
	"time"
	"unicode"
	"unicode/utf8"
)

// Style picks member-name case and timestamp form.
type Style struct {
	// Camel lower-cases the first letter of member names (ECS, ECR).
	Camel bool
	// EpochTimes writes timestamps as epoch seconds (the JSON wire
	// protocols) instead of RFC 3339 strings (AWS CLI output).
	EpochTimes bool
}

// Common styles.
var (
	ECSCLI  = Style{Camel: true}                   // aws ecs/ecr … output
	ECSWire = Style{Camel: true, EpochTimes: true} // awsJson1_1 bodies
	EC2CLI  = Style{}                              // aws ec2/elbv2 … output
)

// Marshal encodes v in the given style.
func Marshal(v any, s Style) ([]byte, error) {
	var b bytes.Buffer
	if err := s.encode(&b, reflect.ValueOf(v)); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

var (
	timeType = reflect.TypeOf(time.Time{})
	rawType  = reflect.TypeOf(json.RawMessage(nil))
)

func (s Style) encode(b *bytes.Buffer, v reflect.Value) error {
	if !v.IsValid() {
		b.WriteString("null")
		return nil
	}
	if v.Type() == timeType {
		s.encodeTime(b, v.Interface().(time.Time))
		return nil
	}
	if v.Type() == rawType {
		// Already JSON: written as it is, not as a byte array.
		return writeRaw(b, v.Bytes())
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			b.WriteString("null")
			return nil
		}
		return s.encode(b, v.Elem())
	case reflect.Struct:
		return s.encodeStruct(b, v)
	case reflect.Slice, reflect.Array:
		b.WriteByte('[')
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := s.encode(b, v.Index(i)); err != nil {
				return err
			}
		}
		b.WriteByte(']')
		return nil
	case reflect.Map:
		return s.encodeMap(b, v)
	}
	out, err := json.Marshal(v.Interface())
	if err != nil {
		return err
	}
	b.Write(out)
	return nil
}

func (s Style) encodeStruct(b *bytes.Buffer, v reflect.Value) error {
	b.WriteByte('{')
	first := true
	for i := 0; i < v.NumField(); i++ {
		f := v.Type().Field(i)
		fv := v.Field(i)
		if !f.IsExported() || omit(fv) {
			continue
		}
		if !first {
			b.WriteByte(',')
		}
		first = false
		b.WriteString(strconv.Quote(s.name(f.Name)))
		b.WriteByte(':')
		if err := s.encode(b, fv); err != nil {
			return err
		}
	}
	b.WriteByte('}')
	return nil
}

// encodeMap writes user-owned maps (dockerLabels, options) with their keys
// untouched, sorted for determinism.
func (s Style) encodeMap(b *bytes.Buffer, v reflect.Value) error {
	names := make([]string, 0, v.Len())
	for _, k := range v.MapKeys() {
		names = append(names, k.String())
	}
	sort.Strings(names)
	b.WriteByte('{')
	for i, name := range names {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Quote(name))
		b.WriteByte(':')
		if err := s.encode(b, v.MapIndex(reflect.ValueOf(name).Convert(v.Type().Key()))); err != nil {
			return err
		}
	}
	b.WriteByte('}')
	return nil
}

func (s Style) encodeTime(b *bytes.Buffer, t time.Time) {
	if s.EpochTimes {
		b.WriteString(strconv.FormatFloat(float64(t.UnixNano())/1e9, 'f', -1, 64))
		return
	}
	b.WriteString(strconv.Quote(t.Format(time.RFC3339Nano)))
}

// omit leaves out members the API would not send: nil pointers, nil
// slices and maps, and empty enum strings. Zero numbers and false stay,
// because value-typed SDK members (e.g. revision, cpu) are always sent.
func omit(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface, reflect.Slice, reflect.Map:
		return v.IsNil()
	case reflect.String:
		return v.Len() == 0
	}
	return false
}

func (s Style) name(goName string) string {
	if !s.Camel {
		return goName
	}
	r, size := utf8.DecodeRuneInString(goName)
	return string(unicode.ToLower(r)) + goName[size:]
}

func writeRaw(b *bytes.Buffer, raw []byte) error {
	if len(raw) == 0 {
		b.WriteString("null")
		return nil
	}
	return json.Compact(b, raw)
}
