package jsonindent

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// want is what encoding/json makes of v: the layout this package copies.
func want(t *testing.T, v any, indent string) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", indent)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func checkEncode(t *testing.T, name string, v any) {
	t.Helper()
	for _, indent := range []string{"  ", "\t"} {
		var got bytes.Buffer
		if err := Encode(&got, v, indent); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if w := want(t, v, indent); !bytes.Equal(got.Bytes(), w) {
			t.Fatalf("%s, indent %q: got\n%s\nwant\n%s", name, indent, got.Bytes(), w)
		}
	}
}

func TestEncodeMatchesEncodingJSON(t *testing.T) {
	cases := map[string]any{
		"empty containers": map[string]any{"a": []int{}, "b": map[string]int{}, "c": [][]int{{}, {1}}},
		"escapes":          []string{`a"b`, `back\slash\`, `\"`, "tab\tnew\nline", "<html>&", "ünï\u2028", `{"not":[json]}`, `,:`},
		"scalars":          []any{nil, true, false, 0, -1.5e-7, 12345678901234567890.0, "", json.Number("3")},
		"top string":       "just a string",
		"top number":       42,
		"nested":           map[string]any{"x": []any{map[string]any{"y": []any{nil, []any{}, map[string]any{"z": "w"}}}}},
		"raw message": struct {
			R json.RawMessage `json:"r"`
		}{json.RawMessage(" { \"a\" : [ 1 , 2 ] } ")},
	}
	for name, v := range cases {
		checkEncode(t, name, v)
	}
}

// TestEncodeRandom compares against encoding/json on random documents.
func TestEncodeRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		checkEncode(t, "random", randomValue(r, 0))
	}
}

func randomValue(r *rand.Rand, depth int) any {
	k := r.IntN(7)
	if depth > 4 {
		k = r.IntN(4)
	}
	switch k {
	case 0:
		return nil
	case 1:
		return r.IntN(2) == 0
	case 2:
		return r.NormFloat64() * 1000
	case 3:
		return randomString(r)
	case 4, 5:
		a := make([]any, r.IntN(4))
		for i := range a {
			a[i] = randomValue(r, depth+1)
		}
		return a
	}
	m := map[string]any{}
	for range r.IntN(4) {
		m[randomString(r)] = randomValue(r, depth+1)
	}
	return m
}

// TestAppendMatchesIndent runs every JSON file of the repository's test
// data, as written (spaces, newlines and all), through Append and
// json.Indent.
func TestAppendMatchesIndent(t *testing.T) {
	n := 0
	err := filepath.WalkDir("../..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".json") || !strings.Contains(path, "testdata") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil || !json.Valid(src) {
			return err
		}
		var w bytes.Buffer
		if err := json.Indent(&w, src, "", "  "); err != nil {
			t.Fatal(err)
		}
		got, err := Append(nil, src, "  ")
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if !bytes.Equal(got, w.Bytes()) {
			t.Errorf("%s: Append differs from json.Indent", path)
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 10 {
		t.Fatalf("only %d JSON files found under testdata", n)
	}
}

func TestWriteRejectsBrokenJSON(t *testing.T) {
	for _, src := range []string{`"open`, `[1,2`, `{"a":1}}`, `]`} {
		var b bytes.Buffer
		if err := Write(bufio.NewWriter(&b), []byte(src), "  "); err == nil {
			t.Errorf("%s: no error", src)
		}
	}
}

func randomString(r *rand.Rand) string {
	chars := []string{"a", `"`, `\`, "\n", "<", ",", ":", "{", "]", " ", "é", `\"`}
	var b strings.Builder
	for range r.IntN(8) {
		b.WriteString(chars[r.IntN(len(chars))])
	}
	return b.String()
}
