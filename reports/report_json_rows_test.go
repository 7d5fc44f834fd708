package reports

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/ecs2fargate/ecs2fargate/internal/jsonstream"
)

// variedRows are the fixture report's rows and rows with every field set,
// every field empty, and every field nil or unknown (filled by reflection,
// so a field added to ServiceReport or UnusedTaskDefinition is varied too),
// for the tests that hold a hand-written row writer to its reference.
func variedRows(t *testing.T) ([]ServiceReport, []UnusedTaskDefinition) {
	t.Helper()
	r := fixtureReport(t)
	if len(r.Services) == 0 || len(r.UnusedTaskDefinitions) == 0 {
		t.Fatal("the fixture has no rows of one kind: the test compares nothing there")
	}
	services := append([]ServiceReport{}, r.Services...)
	unused := append([]UnusedTaskDefinition{}, r.UnusedTaskDefinitions...)
	for _, how := range []filling{filled, emptied, blank, zero} {
		var s ServiceReport
		var u UnusedTaskDefinition
		fill(reflect.ValueOf(&s).Elem(), how)
		fill(reflect.ValueOf(&u).Elem(), how)
		u.label = s.Service // the HTML row shows it; JSON leaves it out
		services = append(services, s)
		unused = append(unused, u)
	}
	return services, unused
}

// TestRowJSONIsEncodingJSON: the rows written member by member are the
// bytes encoding/json writes for them, for the fixture report's rows and
// for rows with every field set (a field added to ServiceReport or
// UnusedTaskDefinition and not to the writers fails here), every field
// empty, and every field nil or unknown.
func TestRowJSONIsEncodingJSON(t *testing.T) {
	services, unused := variedRows(t)
	write := func(service func(*jsonstream.Writer, *ServiceReport), unusedRow func(*jsonstream.Writer, *UnusedTaskDefinition)) string {
		var b bytes.Buffer
		s := jsonstream.New(&b, "  ")
		s.BeginObject()
		jsonstream.SliceFunc(s, "services", services, func(row *ServiceReport) { service(s, row) })
		jsonstream.SliceFunc(s, "unused", unused, func(u *UnusedTaskDefinition) { unusedRow(s, u) })
		s.EndObject()
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	got := write(writeServiceJSON, writeUnusedJSON)
	want := write(func(s *jsonstream.Writer, row *ServiceReport) { s.Value(row) },
		func(s *jsonstream.Writer, u *UnusedTaskDefinition) { s.Value(u) })
	for _, seen := range []string{`"before": {`, `"fargateSize": null`, `"ec2Monthly": "1234.50"`, `"changes": null`, `\u2028`} {
		if !strings.Contains(want, seen) {
			t.Fatalf("the reference has no %s: the rows do not vary as this test means them to", seen)
		}
	}
	if got != want {
		i := firstDiff(got, want)
		t.Errorf("the rows written member by member differ from encoding/json's at byte %d:\n%s", i, around(got, want[i:]))
	}
}

type filling int

const (
	filled  filling = iota // every field set, strings that need escaping
	emptied                // strings, lists and JSON texts empty, pointers nil, amounts unknown
	blank                  // as emptied, but each list holds one element, as emptied
	zero                   // the zero value: lists nil too
)

// fill sets every exported field of v as how says.
func fill(v reflect.Value, how filling) {
	if how == zero {
		return
	}
	switch v.Interface().(type) {
	case Amount:
		if how == filled {
			v.Set(reflect.ValueOf(Amount{Value: decimal.RequireFromString("1234.5"), Known: true, Flagged: true}))
		}
		return
	case json.RawMessage:
		if how == filled {
			v.SetBytes([]byte(` { "a" : [1, "<x> & \u2028"], "b": {} } `))
		} else {
			v.SetBytes([]byte{}) // empty, not nil: omitted all the same
		}
		return
	}
	switch v.Kind() {
	case reflect.String:
		if how == filled {
			v.SetString("a \"quoted\" <b> & 'x+y' \\ \x00 \n\t é \u2028 \xff")
		}
	case reflect.Bool:
		v.SetBool(how == filled)
	case reflect.Int:
		if how == filled {
			v.SetInt(-42)
		}
	case reflect.Pointer:
		if how == filled {
			v.Set(reflect.New(v.Type().Elem()))
			fill(v.Elem(), how)
		}
	case reflect.Slice:
		n := 0
		switch how {
		case filled:
			n = 2
		case blank:
			n = 1
		}
		v.Set(reflect.MakeSlice(v.Type(), n, n))
		for i := range n {
			fill(v.Index(i), how)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), how)
			}
		}
	}
}
