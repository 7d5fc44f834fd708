package jsonedit

import (
	"reflect"
	"testing"
)

func TestNulls(t *testing.T) {
	doc := []byte(`{"a": null, "b": {"c": null, "d": "null", "e": [1, null]}, "f": [], "g.h": null, "nullable": 1}`)
	var got []string
	for _, p := range Nulls(doc) {
		got = append(got, p.String())
	}
	want := []string{"a", "b.c", "b.e[1]", `["g.h"]`}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Nulls = %q, want %q", got, want)
	}
	if n := Nulls([]byte(`{"a": "x"}`)); n != nil {
		t.Errorf("a document without null gave %v", n)
	}
}
