package reports

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/jsonstream"
)

// writeFinding writes what encoding/json writes for an analyzer.Finding:
// checked with every field at its zero value, and with each field in turn
// set (a string to text that needs escaping), so that a field added to
// Finding and not to writeFinding fails here.
func TestWriteFindingMatchesEncodingJSON(t *testing.T) {
	check := func(what string, f analyzer.Finding) {
		t.Helper()
		var fast, slow bytes.Buffer
		for _, c := range []struct {
			b     *bytes.Buffer
			write func(*jsonstream.Writer)
		}{{&fast, func(s *jsonstream.Writer) { writeFinding(s, &f) }}, {&slow, func(s *jsonstream.Writer) { s.Value(&f) }}} {
			s := jsonstream.New(c.b, "  ")
			s.BeginArray()
			c.write(s)
			s.EndArray()
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
		}
		if fast.String() != slow.String() {
			t.Errorf("%s: writeFinding wrote\n%s\nencoding/json wrote\n%s", what, fast.String(), slow.String())
		}
	}
	check("zero", analyzer.Finding{})
	typ := reflect.TypeFor[analyzer.Finding]()
	for i := range typ.NumField() {
		field := typ.Field(i)
		if !field.IsExported() {
			continue
		}
		var f analyzer.Finding
		v := reflect.ValueOf(&f).Elem().Field(i)
		switch v.Kind() {
		case reflect.String:
			v.SetString("a \"quoted\" <value>\n\u2028 é")
		case reflect.Bool:
			v.SetBool(true)
		case reflect.Int:
			v.SetInt(int64(analyzer.Blocker))
		case reflect.Slice:
			v.Set(reflect.ValueOf(analyzer.Path{{Key: "containerDefinitions"}, {Index: 1, IsIndex: true}}))
		default:
			t.Fatalf("Finding.%s: a %s; teach this test and writeFinding about it", field.Name, v.Kind())
		}
		check(field.Name, f)
	}
}
