package jsonedit

import (
	"bytes"
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// randObject lays out an object of random members in one of several
// styles: compact, spaced, indented by two or four, or ragged.
func randObject(r *rand.Rand) ([]byte, []string) {
	names := []string{"status", "Revision", "family", "taskDefinitionArn", "cpu", "containerDefinitions", "a", "x y"}
	n := r.Intn(len(names) + 1)
	r.Shuffle(len(names), func(i, j int) { names[i], names[j] = names[j], names[i] })
	members := names[:n]
	var parts []string
	for _, k := range members {
		parts = append(parts, string(quote(k))+": "+string(render(randValue(r, 1), false)))
	}
	switch r.Intn(4) {
	case 0:
		return []byte("{" + strings.Join(parts, ",") + "}"), members
	case 1:
		return []byte("{" + strings.Join(parts, ", ") + "}"), members
	case 2:
		ind := []string{"  ", "    ", "\t"}[r.Intn(3)]
		if n == 0 {
			return []byte("{\n}"), members
		}
		return []byte("{\n" + ind + strings.Join(parts, ",\n"+ind) + "\n}"), members
	default:
		var b strings.Builder
		b.WriteString("{ ")
		for i, p := range parts {
			if i > 0 {
				b.WriteString([]string{",", " ,\n ", ",\t"}[r.Intn(3)])
			}
			b.WriteString(p)
		}
		b.WriteString("\n }")
		return []byte(b.String()), members
	}
}

// TestMembersIsGet: Members gives what Get of each top-level key gives.
func TestMembersIsGet(t *testing.T) {
	r := rand.New(rand.NewSource(11))
	keys := []string{"status", "STATUS", "cpu", "a", "x y", "missing", ""}
	for n := 0; n < 1000; n++ {
		d, _ := randObject(r)
		if n%10 == 0 {
			d = []byte(`{"a": 1 "status": 2}`[:r.Intn(20)])
		}
		got := Members(d, keys...)
		for i, k := range keys {
			want, _ := Get(d, Path{Key(k)})
			if !bytes.Equal(got[i], want) || (got[i] == nil) != (want == nil) {
				t.Fatalf("Members(%s)[%q] = %s, Get gives %s", d, k, got[i], want)
			}
		}
	}
}

// TestRelistIsListTop: one Top relisted document after document (objects
// of every style, broken ones, non-objects) reads each as a new ListTop
// of it does, and, once its list has grown, relists without allocating.
func TestRelistIsListTop(t *testing.T) {
	r := rand.New(rand.NewSource(23))
	keys := []string{"status", "STATUS", "cpu", "a", "x y", "missing", ""}
	var reused Top
	for n := 0; n < 1000; n++ {
		d, _ := randObject(r)
		switch n % 10 {
		case 0:
			d = []byte(`{"a": 1 "status": 2}`[:r.Intn(20)])
		case 1:
			d = []byte(`[1, 2]`)
		}
		got, want := reused.Relist(d), ListTop(d)
		if (got.err == nil) != (want.err == nil) || !equalRows(got.Members(keys...), want.Members(keys...)) ||
			!slices.Equal(got.Has(keys...), want.Has(keys...)) {
			t.Fatalf("Relist(%s): members %q has %v err %v; ListTop: %q %v %v", d,
				got.Members(keys...), got.Has(keys...), got.err, want.Members(keys...), want.Has(keys...), want.err)
		}
	}
	d := []byte(`{"family": "web", "cpu": "256", "memory": "512", "containerDefinitions": []}`)
	reused.Relist(d)
	if n := testing.AllocsPerRun(100, func() { reused.Relist(d) }); n != 0 {
		t.Errorf("Relist allocated %v times a run; want 0", n)
	}
}

func equalRows(a, b [][]byte) bool {
	return slices.EqualFunc(a, b, func(x, y []byte) bool { return bytes.Equal(x, y) && (x == nil) == (y == nil) })
}
