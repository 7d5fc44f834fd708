package fleet

import (
	"encoding/json"
	"strings"
	"testing"
)

// validJSON agrees with json.Valid on the corners of the grammar.
func TestValidJSONMatchesEncodingJSON(t *testing.T) {
	cases := []string{
		"", " ", "{}", "[]", " [ ] ", "{ }", `{"a":1}`, `{"a" : [1, 2.5e-3, -0, true, false, null, "x"]}`,
		`{"a":1,}`, `[1,]`, `[,1]`, `{"a"}`, `{"a":}`, `{1:2}`, `{"a":1 "b":2}`, `[1 2]`, `[1]]`, `[[1]`, `{"a":[}`,
		`01`, `-`, `-01`, `1.`, `.5`, `1e`, `1e+`, `1E-2`, `-1.0e10`, `tru`, `truex`, `nul`, `null null`, `"a`,
		`"\u00e9\n\t\"\\\/\b\f\r"`, `"\x"`, `"\u12"`, `"\u12G4"`, "\"a\x01\"", "\"\xff\xfe\"", "\"a\tb\"", "{\"a\":1}\n",
		"{\"a\":1}\x00", `{"a":{"b":[{"c":null}]}}`, `[1, {"a": [true, {}]}, []]`, "\t\r\n1\t\r\n", `1 2`,
		strings.Repeat("[", 10000) + strings.Repeat("]", 10000),
		strings.Repeat("[", 10001) + strings.Repeat("]", 10001),
		strings.Repeat(`{"a":`, 10000) + "1" + strings.Repeat("}", 10000),
	}
	valid := 0
	for _, c := range cases {
		want := json.Valid([]byte(c))
		if got := validJSON([]byte(c)); got != want {
			t.Errorf("validJSON(%.40q) = %v, json.Valid says %v", c, got, want)
		}
		if want {
			valid++
		}
	}
	if valid < 10 || valid > len(cases)-10 {
		t.Fatalf("cases should mix valid and invalid JSON: %d of %d valid", valid, len(cases))
	}
}
