package jsonedit

import (
	"bytes"
	"fmt"
	"math/rand"
	"regexp"
	"testing"
)

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
		if want := setOneByOne(t, d, keys, vals); !bytes.Equal(got, want) {
			t.Fatalf("%s with %v = %q:\n one pass %s\none by one %s", d, keys, vals, got, want)
		}
	}
	if took < 150 {
		t.Errorf("the one pass took only %d of 3000 documents", took)
	}
}

// setOneByOne is what SetMembers promises to equal: Set of each path in
// turn.
func setOneByOne(t *testing.T, d []byte, paths []Path, vals [][]byte) []byte {
	for i, p := range paths {
		next, err := Set(d, p, vals[i])
		if err != nil {
			t.Fatalf("Set %s in %q: %v", p, d, err)
		}
		d = next
	}
	return d
}
