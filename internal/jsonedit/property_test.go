package jsonedit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"math/rand"
	"reflect"
	"slices"
	"testing"
)

func validJSON(b []byte) bool { return json.Valid(b) }

// randValue builds a random JSON value with odd number spellings and
// user-style keys.
func randValue(r *rand.Rand, depth int) any {
	switch k := r.Intn(7); {
	case depth > 3 || k == 0:
		return []any{"1.50", "1e3", "-0", "2", "0.10"}[r.Intn(5)]
	case k == 1:
		return fmt.Sprintf("s%d", r.Intn(100))
	case k <= 3:
		n := r.Intn(4)
		arr := make([]any, n)
		for i := range arr {
			arr[i] = randValue(r, depth+1)
		}
		return arr
	default:
		m := map[string]any{}
		for i := 0; i < r.Intn(5); i++ {
			m[[]string{"a", "B-key", "c.d", "é", "e", "f g"}[r.Intn(6)]+fmt.Sprint(i)] = randValue(r, depth+1)
		}
		return m
	}
}

// render writes v with numbers verbatim (strings from randValue that look
// numeric are numbers), indented when pretty.
func render(v any, pretty bool) []byte {
	var b bytes.Buffer
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			if x != "" && (x[0] == '-' || x[0] >= '0' && x[0] <= '9') {
				b.WriteString(x)
			} else {
				b.Write(quote(x))
			}
		case []any:
			b.WriteByte('[')
			for i, e := range x {
				if i > 0 {
					b.WriteString(", ")
				}
				walk(e)
			}
			b.WriteByte(']')
		case map[string]any:
			b.WriteByte('{')
			for i, k := range slices.Sorted(maps.Keys(x)) {
				if i > 0 {
					b.WriteString(", ")
				}
				b.Write(quote(k))
				b.WriteString(": ")
				walk(x[k])
			}
			b.WriteByte('}')
		}
	}
	walk(v)
	if !pretty {
		return b.Bytes()
	}
	var out bytes.Buffer
	_ = json.Indent(&out, b.Bytes(), "", "  ")
	return out.Bytes()
}

// paths lists every path in v.
func paths(v any, p Path, out *[]Path) {
	switch x := v.(type) {
	case []any:
		for i, e := range x {
			q := p.Child(Index(i))
			*out = append(*out, q)
			paths(e, q, out)
		}
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(x)) {
			q := p.Child(Key(k))
			*out = append(*out, q)
			paths(x[k], q, out)
		}
	}
}

func decodeNum(b []byte) any {
	var v any
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	if d.Decode(&v) != nil {
		return nil
	}
	return v
}

// TestPropertyUntouchedSubtrees edits random documents at random paths and
// checks that the result is valid, the edit took effect, and every value
// outside the edited path is byte-for-byte what it was.
func TestPropertyUntouchedSubtrees(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for n := 0; n < 400; n++ {
		root := map[string]any{"k0": randValue(r, 0), "k1": randValue(r, 0), "k2": randValue(r, 1)}
		d := render(root, n%2 == 0)
		var all []Path
		paths(root, nil, &all)
		target := all[r.Intn(len(all))]
		var got []byte
		var err error
		del := n%3 == 0
		if del {
			got, err = Delete(d, target)
		} else {
			got, err = Set(d, target, []byte(`{"new": [1, 2.50]}`))
		}
		if err != nil {
			t.Fatalf("edit %s of %s: %v", target, d, err)
		}
		if !validJSON(got) {
			t.Fatalf("edit %s gave invalid JSON:\n%s\nfrom\n%s", target, got, d)
		}
		if v, ok := Get(got, target); !del && (!ok || !reflect.DeepEqual(decodeNum(v), decodeNum([]byte(`{"new":[1,2.50]}`)))) {
			t.Fatalf("after Set %s the value is %s", target, v)
		}
		for _, p := range all {
			if related(p, target) {
				continue
			}
			before, _ := Get(d, p)
			after, ok := Get(got, p)
			if !ok || !bytes.Equal(before, after) {
				t.Fatalf("edit %s changed untouched %s: %s -> %s", target, p, before, after)
			}
		}
	}
}

// related reports whether p is on, above or below target, or (for array
// deletes) a later element of the same array whose index shifts.
func related(p, target Path) bool {
	n := min(len(p), len(target))
	for i := 0; i < n; i++ {
		if p[i] != target[i] {
			return i == len(target)-1 && p[i].IsIndex && target[i].IsIndex && i < len(p)
		}
	}
	return true
}

func FuzzEdit(f *testing.F) {
	f.Add([]byte(doc), "containerDefinitions[0].links[0]")
	f.Add([]byte(`{"a":{"b":[1,{"c":2}]}}`), "a.b[1].c")
	f.Add([]byte(`[1, "x\"]", {}]`), "[1]")
	f.Fuzz(func(t *testing.T, d []byte, path string) {
		p, err := ParsePath(path)
		if err != nil || !json.Valid(d) {
			return
		}
		if got, err := Delete(d, p); err == nil && !json.Valid(got) {
			t.Fatalf("Delete %s gave invalid JSON %s", path, got)
		}
		if got, err := Set(d, p, []byte(`{"z":1}`)); err == nil && !json.Valid(got) {
			t.Fatalf("Set %s gave invalid JSON %s", path, got)
		}
	})
}
