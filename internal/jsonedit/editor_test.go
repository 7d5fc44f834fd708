package jsonedit

import (
	"bytes"
	"fmt"
	"math/rand"
	"testing"
)

// TestEditorIsTheFunctions: a run of random edits made through one Editor,
// each on the result of the last (or, now and then, of the one before, as
// a caller that drops an edit does), gives at every step the bytes, the
// old value and the error the functions give on a copy of the same input,
// and the input of each edit is unchanged by it. Old values are compared
// before the next edit, which may reuse their bytes.
func TestEditorIsTheFunctions(t *testing.T) {
	r := rand.New(rand.NewSource(17))
	var ed Editor // one for every document, as the rewrite reuses it
	for n := 0; n < 300; n++ {
		root := map[string]any{"k0": randValue(r, 0), "K1": randValue(r, 0), "k2": randValue(r, 1)}
		d := render(root, n%2 == 0)
		prev := d
		for step := 0; step < 12; step++ {
			var all []Path
			paths(root, nil, &all)
			targets := append(all, Path{Key("new")}, Path{Key("k0"), Key("x"), Key("y")}, Path{Key("missing"), Index(0)})
			p := targets[r.Intn(len(targets))]
			v := []byte(fmt.Sprintf(`{"n": [%d, 2.50]}`, step))
			in := bytes.Clone(d)
			var got, want, gotOld, wantOld []byte
			var gotErr, wantErr error
			switch step % 4 {
			case 0:
				got, gotOld, _, gotErr = ed.SetOld(d, p, v)
				want, wantOld, _, wantErr = SetOld(in, p, v)
			case 1:
				got, gotErr = ed.Append(d, p, v)
				want, wantErr = Append(in, p, v)
			case 2:
				got, gotOld, gotErr = ed.DeleteOld(d, p)
				want, wantOld, wantErr = DeleteOld(in, p)
			default:
				got, gotErr = ed.Delete(d, p)
				want, wantErr = Delete(in, p)
			}
			if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || !bytes.Equal(got, want) || !bytes.Equal(gotOld, wantOld) {
				t.Fatalf("edit %d at %s of\n%s\n got %s (old %s, %v)\nwant %s (old %s, %v)", step, p, in, got, gotOld, gotErr, want, wantOld, wantErr)
			}
			if !bytes.Equal(d, in) {
				t.Fatalf("edit %d at %s changed its input:\n%s\nwas\n%s", step, p, d, in)
			}
			if gotErr != nil {
				continue
			}
			if r.Intn(5) == 0 {
				d, prev = prev, got // drop this edit: go on from its input
				continue
			}
			d, prev = got, d
		}
		if owned := ed.Own(d); !bytes.Equal(owned, d) {
			t.Fatalf("Own changed the document")
		}
	}
}

// TestEditorOwn: Own copies what lies in the Editor's buffers and nothing
// else, and the copy outlives the next edits.
func TestEditorOwn(t *testing.T) {
	var ed Editor
	d := []byte(`{"a": 1, "b": [1, 2]}`)
	if got := ed.Own(d); &got[0] != &d[0] {
		t.Fatal("Own copied a document that is not the Editor's")
	}
	out, err := ed.Delete(d, Path{Key("a")})
	if err != nil {
		t.Fatal(err)
	}
	kept := ed.Own(out)
	if &kept[0] == &out[0] {
		t.Fatal("Own returned the Editor's buffer")
	}
	want := string(kept)
	next, _ := ed.Delete(out, Path{Key("b"), Index(0)})
	_, _ = ed.Delete(next, Path{Key("b"), Index(0)})
	if string(kept) != want {
		t.Fatalf("the owned document changed: %s, was %s", kept, want)
	}
}

// TestEditorAllocates: once its buffers have grown, an Editor's edits of
// a document allocate no copy of it.
func TestEditorAllocates(t *testing.T) {
	doc := render(map[string]any{"k0": []any{"1", "2", "3"}, "k1": "s1", "k2": map[string]any{"a": "s2"}}, true)
	k1, k01, k2a := Path{Key("k1")}, Path{Key("k0"), Index(1)}, Path{Key("k2"), Key("a")}
	var ed Editor
	run := func() {
		d, _ := ed.Delete(doc, k1)
		d, _ = ed.Delete(d, k01)
		_, _, _ = ed.DeleteOld(d, k2a)
	}
	run()
	if n := testing.AllocsPerRun(100, run); n > 0 {
		t.Fatalf("three deletions allocated %v times; want 0", n)
	}
}
