package jsonedit

import (
	"bytes"
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// oddObject lays out an indented object in layouts the other generators
// leave out: CRLF line breaks, tabs and mixed indentation, keys with
// unicode escapes, duplicate keys and keys equal but for case, empty
// objects as values, odd colons and commas, space after the last member,
// a trailing line break.
func oddObject(r *rand.Rand) []byte {
	names := []string{"status", "Status", "cpu", `\u0063pu`, `a\u00e9`, "a", "a", "x y", "memory", "new key"}
	r.Shuffle(len(names), func(i, j int) { names[i], names[j] = names[j], names[i] })
	n := r.Intn(6)
	nl := []string{"\n", "\r\n"}[r.Intn(2)]
	ind := []string{"  ", "\t", " \t", "    "}[r.Intn(4)]
	vals := []string{`1`, `"s"`, `{}`, `[]`, `{"q": [1,` + nl + ind + ind + `2]}`, `{` + nl + ind + `}`}
	var b strings.Builder
	b.WriteString("{" + []string{"", " "}[r.Intn(2)] + nl)
	for i := 0; i < n; i++ {
		b.WriteString(ind + `"` + names[i] + `"` + []string{": ", ":", " : ", ":\t"}[r.Intn(4)] + vals[r.Intn(len(vals))])
		if i < n-1 {
			b.WriteString([]string{",", " ,", ",  "}[r.Intn(3)] + nl)
		} else {
			b.WriteString([]string{"", "  ", "\t", " " + nl}[r.Intn(4)] + nl)
		}
	}
	b.WriteString([]string{"}", " }", ind + "}"}[r.Intn(3)])
	if r.Intn(4) == 0 {
		b.WriteString(nl)
	}
	return []byte(b.String())
}

// TestOnePassOddLayouts: DeleteMembers and SetMembers, where they accept
// a document, give what Delete and Set of each key in turn give, on the
// layouts oddObject makes.
func TestOnePassOddLayouts(t *testing.T) {
	r := rand.New(rand.NewSource(17))
	keys := []string{"status", "STATUS", "cpu", "CPU", "aé", "a", "x y", "memory", "new key", "zz"}
	tookS, tookD := 0, 0
	for n := 0; n < 5000; n++ {
		d := oddObject(r)
		var ks []string
		for _, k := range keys {
			if r.Intn(3) == 0 {
				ks = append(ks, k)
			}
		}
		r.Shuffle(len(ks), func(i, j int) { ks[i], ks[j] = ks[j], ks[i] })
		if got, gotOld, ok := DeleteMembers(d, ks); ok {
			tookD++
			want, wantOld := deleteOneByOne(t, d, ks)
			if !bytes.Equal(got, want) || fmt.Sprintf("%q", gotOld) != fmt.Sprintf("%q", wantOld) {
				t.Fatalf("delete %q from %q:\n one pass %q\none by one %q", ks, d, got, want)
			}
		}
		var ps []Path
		var vs [][]byte
		for _, k := range ks {
			p := Path{Key(k)}
			if r.Intn(4) == 0 {
				p = p.Child(Key("y"))
			}
			ps = append(ps, p)
			vs = append(vs, []byte([]string{`"256"`, `{"a": [1, {"b": 2}]}`, `[]`, `{}`, `7`}[r.Intn(5)]))
		}
		got, ok := SetMembers(d, ps, vs)
		if !ok {
			continue
		}
		tookS++
		if want := setOneByOne(t, d, ps, vs); !bytes.Equal(got, want) {
			t.Fatalf("set %v=%q in %q:\n one pass %q\none by one %q", ps, vs, d, got, want)
		}
	}
	if tookD < 1000 || tookS < 100 {
		t.Errorf("the one pass took only %d deletions and %d sets of 5000", tookD, tookS)
	}
}
