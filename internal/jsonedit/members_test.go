package jsonedit

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// deleteOneByOne is what DeleteMembers promises to equal: Delete of each
// key in turn, keys the document lacks passed over.
func deleteOneByOne(t *testing.T, d []byte, keys []string) ([]byte, [][]byte) {
	old := make([][]byte, len(keys))
	for i, k := range keys {
		next, v, err := DeleteOld(d, Path{Key(k)})
		if errors.Is(err, ErrNotFound) {
			continue
		}
		if err != nil {
			t.Fatalf("Delete %q from %s: %v", k, d, err)
		}
		d, old[i] = next, v
	}
	return d, old
}

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

// TestDeleteMembersIsDeleteOneByOne compares the one-pass deletion with
// Delete key by key on random objects, key sets (present, absent, other
// case) and orders.
func TestDeleteMembersIsDeleteOneByOne(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	for i := 0; i < 3000; i++ {
		d, members := randObject(r)
		var keys []string
		for _, k := range append(members, "registeredAt", "compatibilities") {
			switch r.Intn(4) {
			case 0:
				keys = append(keys, strings.ToUpper(k))
			case 1, 2:
				keys = append(keys, k)
			}
		}
		r.Shuffle(len(keys), func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
		got, gotOld, ok := DeleteMembers(d, keys)
		if !ok {
			t.Fatalf("%s without %q: one pass refused a plain object", d, keys)
		}
		want, wantOld := deleteOneByOne(t, d, keys)
		if !bytes.Equal(got, want) || fmt.Sprintf("%q", gotOld) != fmt.Sprintf("%q", wantOld) {
			t.Fatalf("%s without %q:\n one pass %s (old %q)\none by one %s (old %q)", d, keys, got, gotOld, want, wantOld)
		}
		if !validJSON(got) {
			t.Fatalf("%s without %q: invalid result %s", d, keys, got)
		}
	}
}

// TestDeleteMembersRefuses: keys equal but for case, and members without
// a comma between them, are left to Delete.
func TestDeleteMembersRefuses(t *testing.T) {
	for _, c := range []struct {
		doc  string
		keys []string
	}{
		{`{"a": 1, "A": 2}`, []string{"a", "A"}},
		{`{"a": 1 "b": 2}`, []string{"a"}},
		{`{"a": 1, "b": 2,}`, []string{"b"}},
		{`[1, 2]`, []string{"a"}},
	} {
		if _, _, ok := DeleteMembers([]byte(c.doc), c.keys); ok {
			t.Errorf("%s without %q: one pass accepted", c.doc, c.keys)
		}
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
