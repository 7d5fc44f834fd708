package analyzer

import (
	"context"
	"slices"
	"testing"
	"unsafe"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/fleetgen"
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
	if l := append(make([]string, 0, 4), "a"); !slices.Equal(none.list(l), l) || &none.list(l)[0] == &l[0] || cap(none.list(l)) != 1 || none.text("x") != "x" {
		t.Error("a nil verdictShare did not give an exact copy of its own")
	}
	if e := none.list(nil); e == nil || len(e) != 0 {
		t.Errorf("a nil verdictShare's empty list became %#v, want a non-nil empty one", e)
	}
}

// TestVerdictRoomStaysOnTheStack guards verdictFor's lists of rule IDs,
// gathered on its stack: if anything it calls could return or keep them,
// the compiler moves them to the heap (768 bytes a subject, one
// allocation a verdict).
func TestVerdictRoomStaysOnTheStack(t *testing.T) {
	dir := t.TempDir()
	if err := fleetgen.WriteTemp(dir, fleetgen.Options{Services: 30, PerCluster: 10}); err != nil {
		t.Fatal(err)
	}
	f, diags := fleet.Load(context.Background(), []string{dir}, nil)
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	rules := Rules()
	m := newMemo(f)
	for _, td := range f.TaskDefinitions {
		subj := &Subject{Fleet: f, TaskDef: td, memo: m}
		found := run(rules, ScopeTask, subj, false).findings
		if len(found) == 0 {
			continue
		}
		if verdictFor(rules, subj, nil, found).Verdict == Blocked {
			continue // a blocked verdict's fallback and workloads allocate
		}
		// The share now holds the lists: what is left is the task
		// definition's key, which verdictFor builds.
		key := testing.AllocsPerRun(50, func() { _ = subj.TaskDef.Key() })
		if n := testing.AllocsPerRun(50, func() { verdictFor(rules, subj, nil, found) }); n > key {
			t.Errorf("verdictFor allocated %v times a call (%d findings), want %v (the key)", n, len(found), key)
		}
		return
	}
	t.Fatal("no task definition with findings")
}
