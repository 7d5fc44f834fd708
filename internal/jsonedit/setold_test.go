package jsonedit

import (
	"bytes"
	"fmt"
	"math/rand"
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
