package jsonedit

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand"
	"regexp"
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

// dedentBySplitting is Dedent as first written: split into lines, trim,
// join.
func dedentBySplitting(d []byte) []byte {
	last := bytes.LastIndexByte(d, '\n')
	if last < 0 {
		return d
	}
	ind := leading(d[last+1:])
	if ind == "" || string(bytes.TrimSpace(d[last+1:])) != "}" {
		return d
	}
	lines := bytes.Split(d, []byte("\n"))
	for _, l := range lines[1:] {
		if len(bytes.TrimSpace(l)) > 0 && !bytes.HasPrefix(l, []byte(ind)) {
			return d
		}
	}
	for i := 1; i < len(lines); i++ {
		lines[i] = bytes.TrimPrefix(lines[i], []byte(ind))
	}
	return bytes.Join(lines, []byte("\n"))
}

// TestDedentLineByLine: Dedent gives what splitting into lines gave, on
// random indented documents with blank, ragged and short lines.
func TestDedentLineByLine(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	pieces := []string{"{", "}", `"a": 1,`, "", " ", "\t", "\r", `  "b": [`, "]"}
	for i := 0; i < 3000; i++ {
		ind := []string{"  ", "    ", "\t", " "}[r.Intn(4)]
		var lines []string
		for j := r.Intn(6); j >= 0; j-- {
			pad := ind
			if r.Intn(8) == 0 {
				pad = pad[:r.Intn(len(pad)+1)]
			}
			lines = append(lines, pad+pieces[r.Intn(len(pieces))])
		}
		d := []byte(pieces[r.Intn(len(pieces))] + "\n" + strings.Join(lines, "\n") + "\n" + ind + "}")
		if got, want := Dedent(bytes.Clone(d)), dedentBySplitting(bytes.Clone(d)); !bytes.Equal(got, want) {
			t.Fatalf("Dedent(%q) = %q, want %q", d, got, want)
		}
	}
}

// TestSetListedIsSetResolved: SetOld, which lists a container's children
// once where it can, gives what resolving the path from the top gives, on
// random documents at every path, at absent members below every object,
// and at paths with missing parents.
func TestSetListedIsSetResolved(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	for n := 0; n < 300; n++ {
		root := map[string]any{"k0": randValue(r, 0), "K1": randValue(r, 0), "k2": randValue(r, 1)}
		d, _ := randObject(r)
		if n%2 == 0 {
			d = render(root, n%4 == 0)
		}
		var all []Path
		paths(root, nil, &all)
		var targets []Path
		for _, p := range all {
			targets = append(targets, p, p.Child(Key("new")), p.Child(Key("x"), Key("y")))
		}
		targets = append(targets, Path{Key("k1")}, Path{Key("status")}, Path{Key("STATUS")}, Path{Key("missing")}, Path{Index(0)})
		for _, p := range targets {
			v := []byte(`{"new": [1, 2.50]}`)
			got, gotOld, gotHad, gotErr := SetOld(d, p, v)
			want, wantOld, wantHad, wantErr := setResolved(d, p, v)
			if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || !bytes.Equal(got, want) || !bytes.Equal(gotOld, wantOld) || gotHad != wantHad {
				t.Fatalf("Set %s in %s:\n got %s (old %s, %t, %v)\nwant %s (old %s, %t, %v)", p, d, got, gotOld, gotHad, gotErr, want, wantOld, wantHad, wantErr)
			}
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

// TestSetMembersIsSetOneByOne compares the one-pass set with Set of each
// key in turn on random indented objects (with members sharing a line,
// closing braces after a member, odd first lines), new and existing keys,
// scalar and nested values.
func TestSetMembersIsSetOneByOne(t *testing.T) {
	r := rand.New(rand.NewSource(13))
	took := 0
	for n := 0; n < 3000; n++ {
		d, members := randObject(r)
		switch r.Intn(8) {
		case 0:
			d = bytes.Replace(d, []byte("\n"), []byte("\n  "), 1) // a first member indented twice
		case 1:
			d = bytes.Replace(d, []byte("\n}"), []byte("}"), 1) // the brace after the last member
		case 2:
			d = bytes.Replace(d, []byte("{\n"), []byte("{ \n"), 1)
		case 3:
			d = regexp.MustCompile(`,\n\s*`).ReplaceAll(d, []byte(", ")) // members sharing lines
		case 4:
			d = regexp.MustCompile(`(?m)^\s+"`).ReplaceAll(d, []byte(`"`)) // members not indented
		case 5:
			d = bytes.Replace(d, []byte(",\n"), []byte(",\n\n"), 1) // a blank line
		}
		var keys []Path
		var vals [][]byte
		for _, k := range append(members, "cpu", "memory", "new key", "runtimePlatform") {
			if r.Intn(3) > 0 {
				continue
			}
			p := Path{Key(k)}
			if r.Intn(4) == 0 {
				p = p.Child(Key("cpuArchitecture"), Key("x y"))[:2+r.Intn(2)]
			}
			keys = append(keys, p)
			vals = append(vals, []byte([]string{`"256"`, `{"a": [1, {"b": 2}]}`, `[]`, `["FARGATE"]`, `7`}[r.Intn(5)]))
		}
		r.Shuffle(len(keys), func(i, j int) { keys[i], keys[j] = keys[j], keys[i]; vals[i], vals[j] = vals[j], vals[i] })
		got, ok := SetMembers(d, keys, vals)
		if !ok {
			continue
		}
		took++
		want := d
		for i, p := range keys {
			next, err := Set(want, p, vals[i])
			if err != nil {
				t.Fatalf("Set %s in %s: %v", p, want, err)
			}
			want = next
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("%s with %v = %q:\n one pass %s\none by one %s", d, keys, vals, got, want)
		}
	}
	if took < 150 {
		t.Errorf("the one pass took only %d of 3000 documents", took)
	}
}
