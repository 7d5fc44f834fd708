package jsonstream

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand"
	"strings"
	"testing"
)

// Int, Null and Raw write what Field writes, at every depth.
func TestScalarsMatchField(t *testing.T) {
	raws := []string{`1`, `"a"`, `null`, `true`, `{}`, `[]`, `{"a":1,"b":[1,2,{"c":"d"}]}`,
		" { \"spaced\" : [ 1 , \"x y\" ] } ", `["<&>", "\u2028"]`, `[{"a":{}},[]]`}
	ints := []int{0, 1, -1, 8080, math.MaxInt, math.MinInt}
	write := func(fast bool) string {
		var b bytes.Buffer
		s := New(&b, "  ")
		s.BeginObject()
		s.Key("nested")
		s.BeginArray()
		s.BeginObject()
		for i, v := range ints {
			name := "i" + string(rune('a'+i))
			if fast {
				s.Int(name, v)
			} else {
				s.Field(name, v)
			}
		}
		if fast {
			s.Null("null")
			s.Raw("nilRaw", nil)
		} else {
			s.Field("null", nil)
			s.Field("nilRaw", json.RawMessage(nil))
		}
		for i, v := range raws {
			name := "r" + string(rune('a'+i))
			if fast {
				s.Raw(name, []byte(v))
			} else {
				s.Field(name, json.RawMessage(v))
			}
		}
		s.EndObject()
		s.EndArray()
		if fast {
			s.Raw("top", []byte(raws[6]))
		} else {
			s.Field("top", json.RawMessage(raws[6]))
		}
		s.EndObject()
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	got, want := write(true), write(false)
	if !strings.Contains(want, "\"rg\": {\n        \"a\": 1,") {
		t.Fatalf("the reference is not what this test means to compare:\n%s", want)
	}
	if got != want {
		t.Errorf("Int/Null/Raw wrote\n%s\nField wrote\n%s", got, want)
	}
}

// Raw refuses what is not JSON, as encoding/json does.
func TestRawNotJSONIsAnError(t *testing.T) {
	s := New(&bytes.Buffer{}, "  ")
	s.BeginObject()
	s.Raw("bad", []byte(`{"a":`))
	if s.Err() == nil {
		t.Fatal("Raw accepted a text that is not JSON")
	}
}

// What Raw writes as it is (plainScalar) is exactly what json.Compact
// would have written, and valid JSON: random short texts from an alphabet
// of number, string and literal bytes, spaces, escapes, control and
// non-ASCII bytes; and Raw of each writes what Field writes.
func TestPlainScalarIsCompact(t *testing.T) {
	r := rand.New(rand.NewSource(26))
	alphabet := []string{"-", "0", "1", "9", ".", "e", "E", "+", `"`, "a", `\`, " ", "\n", "\x01", "é", "\xff", "<", "true", "false", "null", "{", "]"}
	seeds := []string{`0`, `-0`, `12`, `1.5`, `-1.5e+10`, `1E5`, `""`, `"a b"`, `"é<&>"`, `true`, `null`, `01`, `1.`, `.5`, `-`, `1e`, `"a`, `"\"`, `"a"b"`, `tru`, ` 1`, `"x" `}
	plain := 0
	for n := 0; n < 20000; n++ {
		var v string
		if n < len(seeds) {
			v = seeds[n]
		} else {
			for k := 1 + r.Intn(6); k > 0; k-- {
				v += alphabet[r.Intn(len(alphabet))]
			}
			if r.Intn(3) == 0 {
				v = `"` + v + `"`
			}
		}
		if !plainScalar([]byte(v)) {
			continue
		}
		plain++
		var b bytes.Buffer
		if err := json.Compact(&b, []byte(v)); err != nil || b.String() != v {
			t.Fatalf("plainScalar(%q), but json.Compact gives %q, %v", v, b.String(), err)
		}
		var fast, slow bytes.Buffer
		for _, c := range []struct {
			b    *bytes.Buffer
			fast bool
		}{{&fast, true}, {&slow, false}} {
			s := New(c.b, "  ")
			s.BeginObject()
			if c.fast {
				s.Raw("v", []byte(v))
			} else {
				s.Field("v", json.RawMessage(v))
			}
			s.EndObject()
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
		}
		if fast.String() != slow.String() {
			t.Fatalf("Raw(%q) wrote %q, Field %q", v, fast.String(), slow.String())
		}
	}
	if plain < 1000 {
		t.Errorf("only %d plain scalars among the texts: the test reaches too little", plain)
	}
	for _, v := range []string{`01`, `1.`, `.5`, `-`, `1e`, `"a`, `"\"`, `"a"b"`, ` 1`, "\"\x01\"", `"\n"`} {
		if plainScalar([]byte(v)) {
			t.Errorf("plainScalar(%q) = true", v)
		}
	}
}
