package fleet

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// memberOffsets finds every path where scanOffsets does, on every shape
// fixture and on JSON with repeated keys, quoted keys and nested arrays.
func TestMemberOffsetsMatchesTokenScan(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(shapesDir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	inputs := map[string][]byte{
		"repeated": []byte(`{"a": {"x": 1}, "b": [[1, {"y": 2}], {}], "a": {"z": [3, 4]}}`),
		"quoted":   []byte("{\n  \"labels\": {\"com.example/x y\": \"v\", \"\\u00e9\": 1},\n  \"list\": [ {\"k\" : \"v\"} ]\n}\n"),
		"array":    []byte(`[{"a": 1}, [2, {"b": [3]}]]`),
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs[filepath.Base(f)] = data
	}
	for name, data := range inputs {
		want := allPaths(t, data)
		if len(want) < 3 {
			t.Fatalf("%s: only %d paths", name, len(want))
		}
		if got, exp := memberOffsets(data, want), scanOffsets(data, want); !reflect.DeepEqual(got, exp) {
			t.Errorf("%s:\nmemberOffsets %v\nscanOffsets   %v", name, got, exp)
		}
	}
}

// checkOffsets compares the two scanners on valid JSON (for the fuzz
// target). The token scan stops at a number out of float64's range, which
// json.Valid accepts, so such inputs are left out.
func checkOffsets(t *testing.T, data []byte) {
	if !json.Valid(data) || !tokensDecode(data) {
		return
	}
	want := allPaths(t, data)
	if got, exp := memberOffsets(data, want), scanOffsets(data, want); !reflect.DeepEqual(got, exp) {
		t.Errorf("memberOffsets %v\nscanOffsets   %v", got, exp)
	}
}

// tokensDecode reports whether the token decoder reads data to its end.
func tokensDecode(data []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			return true
		}
		if err != nil {
			return false
		}
	}
}

// allPaths lists every path in valid JSON data, as the loader writes them.
func allPaths(t *testing.T, data []byte) map[string]bool {
	t.Helper()
	out := map[string]bool{"": true}
	var walk func(path string, raw []byte)
	walk = func(path string, raw []byte) {
		dec := json.NewDecoder(bytes.NewReader(raw))
		var obj map[string]json.RawMessage
		var arr []json.RawMessage
		switch {
		case dec.Decode(&obj) == nil && obj != nil:
			for k, v := range obj {
				out[joinPath(path, k)] = true
				walk(joinPath(path, k), v)
			}
		case json.Unmarshal(raw, &arr) == nil:
			for i, v := range arr {
				p := fmt.Sprintf("%s[%d]", path, i)
				out[p] = true
				walk(p, v)
			}
		}
	}
	walk("", data)
	return out
}
