package analyzer

import (
	"slices"
	"testing"
	"unsafe"
)

func TestVerdictShareGivesOneExactCopyOfEachList(t *testing.T) {
	s := newVerdictShare()
	a := s.list(append(make([]string, 0, 8), "host-port", "privileged"))
	b := s.list([]string{"host-port", "privileged"})
	if !slices.Equal(a, []string{"host-port", "privileged"}) || len(a) != cap(a) {
		t.Fatalf("shared list %q (cap %d), want the same IDs and no spare capacity", a, cap(a))
	}
	if &a[0] != &b[0] {
		t.Error("two equal lists were not shared")
	}
	// IDs that join to the same text without a separator stay apart.
	c := s.list([]string{"host", "-port"})
	d := s.list([]string{"host-port"})
	if !slices.Equal(c, []string{"host", "-port"}) || !slices.Equal(d, []string{"host-port"}) {
		t.Errorf("lists %q and %q mixed up", c, d)
	}
	if e := s.list([]string{}); e == nil || len(e) != 0 {
		t.Errorf("empty list became %#v, want a non-nil empty one (written as [])", e)
	}
	if x, y := s.text("stay on EC2"), s.text("stay on "+string([]byte("EC2"))); x != "stay on EC2" || unsafe.StringData(x) != unsafe.StringData(y) {
		t.Errorf("texts %q, %q not one copy", x, y)
	}
	var none *verdictShare
	if l := []string{"a"}; &none.list(l)[0] != &l[0] || none.text("x") != "x" {
		t.Error("a nil verdictShare changed its input")
	}
}
