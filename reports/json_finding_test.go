package reports

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/jsonstream"
)

// The audit's findings, verdicts and notChecked are written member by
// member, not by encoding/json: each writer must write what encoding/json
// writes. Checked with every field at its zero value, and with each field
// in turn set (a string to text that needs escaping, a list to values and
// to an empty list), so that a field added to the type and not to its
// writer fails here.
func TestWriteFindingMatchesEncodingJSON(t *testing.T) {
	assertWriterMatches(t, func(s *jsonstream.Writer, f *analyzer.Finding) { writeFinding(s, f) })
}

func TestWriteVerdictsMatchesEncodingJSON(t *testing.T) {
	assertWriterMatches(t, func(s *jsonstream.Writer, v *analyzer.Verdict) {
		writeVerdicts(s, "v", []analyzer.Verdict{*v})
	})
}

func TestWriteNotCheckedMatchesEncodingJSON(t *testing.T) {
	assertWriterMatches(t, func(s *jsonstream.Writer, n *analyzer.NotChecked) {
		writeNotChecked(s, "v", []analyzer.NotChecked{*n})
	})
}

// assertWriterMatches compares write with jsonstream.Slice (encoding/json)
// on values of T each with one field set.
func assertWriterMatches[T any](t *testing.T, write func(*jsonstream.Writer, *T)) {
	t.Helper()
	check := func(what string, v T) {
		t.Helper()
		var fast, slow bytes.Buffer
		for _, c := range []struct {
			b     *bytes.Buffer
			write func(*jsonstream.Writer)
		}{
			{&fast, func(s *jsonstream.Writer) { write(s, &v) }},
			{&slow, func(s *jsonstream.Writer) { jsonstream.Slice(s, "v", []T{v}) }},
		} {
			s := jsonstream.New(c.b, "  ")
			s.BeginObject()
			// The finding writer writes one element; the others a member.
			if _, ok := any(&v).(*analyzer.Finding); ok && c.b == &fast {
				s.Key("v")
				s.BeginArray()
				c.write(s)
				s.EndArray()
			} else {
				c.write(s)
			}
			s.EndObject()
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
		}
		if fast.String() != slow.String() {
			t.Errorf("%s: the writer wrote\n%s\nencoding/json wrote\n%s", what, fast.String(), slow.String())
		}
	}
	var zero T
	check("zero", zero)
	typ := reflect.TypeFor[T]()
	for i := range typ.NumField() {
		field := typ.Field(i)
		if !field.IsExported() {
			continue
		}
		values := []any{}
		switch field.Type {
		case reflect.TypeFor[string]():
			values = append(values, "a \"quoted\" <value>\n\u2028 é")
		case reflect.TypeFor[bool]():
			values = append(values, true)
		case reflect.TypeFor[analyzer.Severity]():
			values = append(values, analyzer.Blocker)
		case reflect.TypeFor[analyzer.Path]():
			values = append(values, analyzer.Path{{Key: "containerDefinitions"}, {Index: 1, IsIndex: true}})
		case reflect.TypeFor[[]string]():
			values = append(values, []string{"a", "b \"c\""}, []string{})
		case reflect.TypeFor[[]fleet.Workload]():
			values = append(values, []fleet.Workload{{Kind: "agent", Product: "p", Name: "n", Container: "c", Image: "i"}}, []fleet.Workload{})
		default:
			t.Fatalf("%s.%s: a %s; teach this test and the writer about it", typ.Name(), field.Name, field.Type)
		}
		for _, x := range values {
			var v T
			reflect.ValueOf(&v).Elem().Field(i).Set(reflect.ValueOf(x))
			check(field.Name, v)
		}
	}
}
