package jsonstream

import (
	"bytes"
	"errors"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/jsonindent"
)

type item struct {
	Name  string            `json:"name"`
	Tags  map[string]string `json:"tags,omitempty"`
	Inner []int             `json:"inner"`
	HTML  string            `json:"html"`
}

type doc struct {
	Version int      `json:"version"`
	Empty   []item   `json:"empty"`
	Null    []item   `json:"null"`
	Items   []item   `json:"items"`
	Nested  [][]item `json:"nested"`
	Obj     struct{} `json:"obj"`
}

func writeDoc(s *Writer, d doc) {
	s.BeginObject()
	s.Field("version", d.Version)
	Slice(s, "empty", d.Empty)
	Slice(s, "null", d.Null)
	Slice(s, "items", d.Items)
	s.Key("nested")
	s.BeginArray()
	for _, n := range d.Nested {
		s.BeginArray()
		for _, it := range n {
			s.Value(it)
		}
		s.EndArray()
	}
	s.EndArray()
	s.Key("obj")
	s.BeginObject()
	s.EndObject()
	s.EndObject()
}

// Written piece by piece, the document is byte for byte what encoding it
// whole writes: nesting, empty and nil slices, empty objects, and text
// that encoding/json would escape as HTML by default.
func TestStreamedEqualsWhole(t *testing.T) {
	d := doc{
		Version: 1,
		Empty:   []item{},
		Items:   []item{{Name: "a", Tags: map[string]string{"z": "1", "a": "<b>"}, Inner: []int{1, 2}, HTML: "<&>"}, {Name: "b", Inner: []int{}}},
		Nested:  [][]item{{}, {{Name: "c"}}},
	}
	var whole, streamed bytes.Buffer
	if err := jsonindent.Encode(&whole, d, "  "); err != nil {
		t.Fatal(err)
	}
	s := New(&streamed, "  ")
	writeDoc(s, d)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if whole.String() != streamed.String() {
		t.Errorf("streamed:\n%s\nwhole:\n%s", streamed.String(), whole.String())
	}
}

// Each writes what it yields, one element at a time.
func TestEach(t *testing.T) {
	var out bytes.Buffer
	s := New(&out, " ")
	s.BeginObject()
	Each(s, "n", func(yield func(int) bool) {
		for i := range 3 {
			if !yield(i) {
				return
			}
		}
	})
	Each(s, "none", func(func(int) bool) {})
	s.EndObject()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if want := "{\n \"n\": [\n  0,\n  1,\n  2\n ],\n \"none\": []\n}\n"; out.String() != want {
		t.Errorf("got %q, want %q", out.String(), want)
	}
}

type failing struct{ n int }

func (f *failing) Write(p []byte) (int, error) {
	f.n++
	return 0, errors.New("disk full")
}

// A write error stops a long producer early and is returned by Close.
func TestWriteErrorStopsEach(t *testing.T) {
	s := New(&failing{}, "  ")
	yielded := 0
	s.BeginObject()
	Each(s, "big", func(yield func(string) bool) {
		for range 1_000_000 {
			yielded++
			if !yield("0123456789abcdef0123456789abcdef") {
				return
			}
		}
	})
	s.EndObject()
	if err := s.Close(); err == nil || err.Error() != "disk full" {
		t.Errorf("Close = %v, want the write error", err)
	}
	if yielded >= 1_000_000 {
		t.Error("the producer was not stopped by the write error")
	}
}

// An element encoding/json cannot encode is the error Close returns.
func TestEncodeErrorIsReturned(t *testing.T) {
	var out bytes.Buffer
	s := New(&out, "  ")
	s.BeginArray()
	s.Value(func() {})
	s.EndArray()
	if err := s.Close(); err == nil {
		t.Error("want an error for a func value")
	}
}

// Elements written apart by a NewElements writer and spliced in are the
// bytes of writing them in place: the first element, those after it,
// none, and elements spliced after one written in place.
func TestSpliceEqualsWritingInPlace(t *testing.T) {
	items := []item{{Name: "a", Inner: []int{1}}, {Name: "b", Tags: map[string]string{"k": "<v>"}}, {Name: "c"}}
	for _, tc := range []struct {
		name             string
		inPlace, spliced []item
	}{
		{"all spliced", nil, items},
		{"none", nil, nil},
		{"after one in place", items[:1], items[1:]},
	} {
		var whole, spliced, spool bytes.Buffer
		w := New(&whole, "  ")
		w.BeginObject()
		w.Field("version", 1)
		Slice(w, "items", append(append([]item{}, tc.inPlace...), tc.spliced...))
		w.Field("after", true)
		w.EndObject()
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		e := NewElements(&spool, "  ", 2)
		for _, it := range tc.spliced {
			e.Value(it)
		}
		if err := e.Flush(); err != nil {
			t.Fatal(err)
		}
		s := New(&spliced, "  ")
		s.BeginObject()
		s.Field("version", 1)
		s.Key("items")
		s.BeginArray()
		for _, it := range tc.inPlace {
			s.Value(it)
		}
		s.Splice(&spool, len(tc.spliced))
		s.EndArray()
		s.Field("after", true)
		s.EndObject()
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if spliced.String() != whole.String() {
			t.Errorf("%s: spliced\n%s\nwhole\n%s", tc.name, spliced.String(), whole.String())
		}
	}
}

// A member's value written apart with NewValue and copied in with
// SpliceValue is what writing it in place writes: an object of objects,
// a leaf, and a value after another member.
func TestSpliceValueEqualsWritingInPlace(t *testing.T) {
	write := func(s *Writer) {
		s.BeginObject()
		s.Field("version", 1)
		Slice(s, "items", []item{{Name: "a", Inner: []int{1}}, {Name: "b", Tags: map[string]string{"k": "<v>"}}})
		s.Key("nested")
		s.BeginObject()
		s.Field("empty", []int{})
		s.EndObject()
		s.EndObject()
	}
	for _, tc := range []struct {
		name  string
		value func(*Writer)
	}{
		{"object", write},
		{"leaf", func(s *Writer) { s.Value("x") }},
		{"null", func(s *Writer) { s.Value(nil) }},
	} {
		var whole, spliced, spool bytes.Buffer
		w := New(&whole, "  ")
		w.BeginObject()
		w.Field("before", true)
		w.Key("doc")
		tc.value(w)
		w.Field("after", []string{"z"})
		w.EndObject()
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		v := NewValue(&spool, "  ", 1)
		tc.value(v)
		if err := v.Flush(); err != nil {
			t.Fatal(err)
		}
		s := New(&spliced, "  ")
		s.BeginObject()
		s.Field("before", true)
		s.Key("doc")
		s.SpliceValue(&spool)
		s.Field("after", []string{"z"})
		s.EndObject()
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if spliced.String() != whole.String() {
			t.Errorf("%s: spliced\n%s\nwhole\n%s", tc.name, spliced.String(), whole.String())
		}
	}
}
