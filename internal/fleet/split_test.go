package fleet

import (
	"encoding/json"
	"reflect"
	"testing"
)

// The splitters must cut exactly where encoding/json does.
func TestSplittersAgreeWithEncodingJSON(t *testing.T) {
	objects := []string{
		`{}`, ` { "a" : 1 , "b":[1,2,{"c":"}]"}], "d\"e": "x\\"}`, "{\n    \"k\": null,\n    \"n\": -1.5e3, \"t\": true}",
		`{"nested":{"a":{"b":[[],[{}]]}},"s":"\u00e9\\\"","esc\u0041pe":false}`, `{"dup":1,"dup":2}`,
	}
	for _, in := range objects {
		var want map[string]json.RawMessage
		if err := json.Unmarshal([]byte(in), &want); err != nil {
			t.Fatalf("bad case %s: %v", in, err)
		}
		got, ok := splitObject([]byte(in))
		if !ok || !reflect.DeepEqual(normalise(got), normalise(want)) {
			t.Errorf("splitObject(%s) = %q, want %q", in, got, want)
		}
	}
	arrays := []string{`[]`, ` [ 1 , "a,b" , {"x":[1]} , [ ] , null ]`, "[\n    {\n        \"a\": \"]\"\n    }\n]"}
	for _, in := range arrays {
		var want []json.RawMessage
		if err := json.Unmarshal([]byte(in), &want); err != nil {
			t.Fatalf("bad case %s: %v", in, err)
		}
		got, ok := splitArray([]byte(in))
		if !ok || len(got) != len(want) {
			t.Fatalf("splitArray(%s) = %q, want %q", in, got, want)
		}
		for i := range got {
			if string(got[i]) != string(want[i]) {
				t.Errorf("splitArray(%s)[%d] = %s, want %s", in, i, got[i], want[i])
			}
		}
	}
	for _, notObject := range []string{`[1]`, `"s"`, `3`} {
		if _, ok := splitObject([]byte(notObject)); ok {
			t.Errorf("splitObject(%s) accepted a non-object", notObject)
		}
		if _, ok := splitArray([]byte(`{"a":1}`)); ok {
			t.Errorf("splitArray accepted an object")
		}
	}
}

func normalise(m map[string]json.RawMessage) map[string]string {
	out := map[string]string{}
	for k, v := range m {
		out[k] = string(v)
	}
	return out
}

// Parts share the input's memory but cannot grow into a neighbour.
func TestSplitPartsCannotOverwriteNeighbours(t *testing.T) {
	in := []byte(`[{"a":1},{"b":2}]`)
	parts, _ := splitArray(in)
	_ = append(parts[0], 'X')
	if string(parts[1]) != `{"b":2}` {
		t.Errorf("appending to one part changed the next: %s", parts[1])
	}
}
