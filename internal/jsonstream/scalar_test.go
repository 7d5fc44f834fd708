package jsonstream

import (
	"bytes"
	"encoding/json"
	"math"
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
