package jsonscan

import (
	"encoding/json"
	"strings"
	"testing"
)

// FuzzValueEnd checks ValueEnd and ValidStringEnd against json.Valid: a
// value ValueEnd accepts is valid JSON, and a valid document is accepted
// whole, up to the space after it.
func FuzzValueEnd(f *testing.F) {
	for _, s := range []string{
		`{"a": [1, -2.5e+3, true, false, null, "x\"\\\/\b\f\n\r\t\u00e9"]}`, `[]`, `{}`, ` "s" `, `0`, `-0.0E-0`,
		"\"a\tb\"", `"\x"`, `"\u12"`, `01`, `-.5`, `1.`, `1e`, `[1,]`, `{"a":1,}`, `{"a" 1}`, `[1 2]`, `tru`, `nul`,
		`{"a": [` + strings.Repeat("[", 30) + strings.Repeat("]", 30) + `]}`, "\"\xff\"", `[`, `{"a":`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		i := SkipSpace(data, 0)
		end, ok := ValueEnd(data, i, 10000)
		if ok && !json.Valid(data[i:end]) {
			t.Errorf("ValueEnd accepts %q, json.Valid does not", data[i:end])
		}
		if whole := ok && SkipSpace(data, end) == len(data); whole != json.Valid(data) {
			t.Errorf("ValueEnd: whole document %v, json.Valid %v, on %q", whole, json.Valid(data), data)
		}
		if i < len(data) && data[i] == '"' {
			end, ok := ValidStringEnd(data, i)
			if ok && !json.Valid(data[i:end]) {
				t.Errorf("ValidStringEnd accepts %q", data[i:end])
			}
		}
	})
}

// Containers nest up to the depth asked, the value itself counted.
func TestValueEndLimitsTheDepth(t *testing.T) {
	doc := []byte(strings.Repeat("[", 5) + strings.Repeat("]", 5))
	if end, ok := ValueEnd(doc, 0, 5); !ok || end != len(doc) {
		t.Errorf("5 deep, limit 5: %d, %v", end, ok)
	}
	if _, ok := ValueEnd(doc, 0, 4); ok {
		t.Error("5 deep accepted under a limit of 4")
	}
}
