package jsonstream

import (
	"bufio"
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

var quoteCases = []string{
	"", "plain", `say "hi"`, `back\slash`, "tab\tnew\nline\r", "\b\f\x00\x01\x1f\x7f",
	"<html> & 'quotes'", "é ü 日本", "\u2028 and \u2029", "bad \xff\xfe bytes", "cut \xe6\x97",
	"\xed\xa0\x80 surrogate", "emoji 🙂",
}

// quoteOf is what encoding/json writes for v with HTML escaping off.
func quoteOf(t testing.TB, v any) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return string(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
}

func TestQuoteMatchesEncodingJSON(t *testing.T) {
	for _, v := range quoteCases {
		if got, want := string(appendQuoted(nil, v)), quoteOf(t, v); got != want {
			t.Errorf("appendQuoted(%q) = %s, want %s", v, got, want)
		}
	}
}

func FuzzQuote(f *testing.F) {
	for _, v := range quoteCases {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v string) {
		if got, want := string(appendQuoted(nil, v)), quoteOf(t, v); got != want {
			t.Errorf("appendQuoted(%q) = %s, want %s", v, got, want)
		}
	})
}

// String, Bool and Strings write what Field writes, between other members.
func TestMembersMatchField(t *testing.T) {
	// Each member as the fast method writes it, and the value Field is given.
	type member struct {
		name  string
		fast  func(s *Writer, name string)
		value any
	}
	var members []member
	for _, v := range quoteCases {
		members = append(members,
			member{"v", func(s *Writer, n string) { s.String(n, v) }, v},
			member{v, func(s *Writer, n string) { s.String(n, "key") }, "key"})
	}
	members = append(members,
		member{"t", func(s *Writer, n string) { s.Bool(n, true) }, true},
		member{"f", func(s *Writer, n string) { s.Bool(n, false) }, false},
		member{"list", func(s *Writer, n string) { s.Strings(n, quoteCases) }, quoteCases},
		member{"empty", func(s *Writer, n string) { s.Strings(n, []string{}) }, []string{}},
		member{"nil", func(s *Writer, n string) { s.Strings(n, nil) }, []string(nil)})
	// size > 0 writes through a buffer of that size, so that members
	// also meet a buffer too full to take them whole (plainMember).
	write := func(fast bool, size int) string {
		var b bytes.Buffer
		s := New(&b, "  ")
		if size > 0 {
			s = New(bufio.NewWriterSize(&b, size), "  ")
		}
		s.BeginObject()
		s.Key("list")
		s.BeginArray()
		// All members in one object, then each in an object of its own.
		for _, group := range append([][]member{members}, chunks(members)...) {
			s.BeginObject()
			for _, m := range group {
				if fast {
					m.fast(s, m.name)
				} else {
					s.Field(m.name, m.value)
				}
			}
			s.EndObject()
		}
		s.EndArray()
		s.EndObject()
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	want := write(false, 0)
	if !strings.Contains(want, `"t": true,`) {
		t.Fatalf("the reference is not what this test means to compare:\n%s", want)
	}
	for _, size := range []int{0, 16, 23, 40, 97} {
		if got := write(true, size); got != want {
			t.Errorf("String/Bool/Strings through a %d-byte buffer wrote\n%s\nField wrote\n%s", size, got, want)
		}
	}
}

// chunks puts each element of s in a slice of its own.
func chunks[T any](s []T) [][]T {
	out := make([][]T, len(s))
	for i := range s {
		out[i] = s[i : i+1]
	}
	return out
}
