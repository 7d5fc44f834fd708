package jsonstream

import (
	"bytes"
	"encoding/json"
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

// String and Bool write what Field writes, between other members.
func TestMembersMatchField(t *testing.T) {
	write := func(fast bool) string {
		var b bytes.Buffer
		s := New(&b, "  ")
		s.BeginObject()
		s.Key("list")
		s.BeginArray()
		for _, v := range quoteCases {
			s.BeginObject()
			if fast {
				s.String("v", v)
				s.String(v, "key")
				s.Bool("t", true)
				s.Bool("f", false)
				s.Strings("list", quoteCases)
				s.Strings("empty", []string{})
				s.Strings("nil", nil)
			} else {
				s.Field("v", v)
				s.Field(v, "key")
				s.Field("t", true)
				s.Field("f", false)
				s.Field("list", quoteCases)
				s.Field("empty", []string{})
				s.Field("nil", []string(nil))
			}
			s.EndObject()
		}
		s.EndArray()
		if fast {
			s.String("last", "x")
		} else {
			s.Field("last", "x")
		}
		s.EndObject()
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	if got, want := write(true), write(false); got != want {
		t.Errorf("String/Bool wrote\n%s\nField wrote\n%s", got, want)
	}
}
