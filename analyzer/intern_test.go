package analyzer

import (
	"fmt"
	"slices"
	"testing"
	"unsafe"
)

// The findings of one audit that say the same thing share one copy of the
// text and of the path (TestMemoChangesNoFinding shows that sharing
// changes no finding).
func TestAuditSharesFindingTexts(t *testing.T) {
	res := auditOfGenerated(t, 60, 20)
	messages, paths := map[string]*byte{}, map[string]unsafe.Pointer{}
	shared := 0
	for i := range res.Findings.Len() {
		fd := res.Findings.At(i)
		if p, ok := messages[fd.Message]; ok {
			shared++
			if p != unsafe.StringData(fd.Message) {
				t.Fatalf("finding %d: message %q is a copy of its own", i, fd.Message)
			}
		}
		messages[fd.Message] = unsafe.StringData(fd.Message)
		if p, ok := paths[fd.Path]; ok && len(fd.Field) > 0 && p != unsafe.Pointer(unsafe.SliceData(fd.Field)) {
			t.Fatalf("finding %d: path %s is a copy of its own", i, fd.Path)
		}
		if len(fd.Field) > 0 {
			paths[fd.Path] = unsafe.Pointer(unsafe.SliceData(fd.Field))
		}
		if cap(fd.Field) != len(fd.Field) {
			t.Fatalf("finding %d: a shared path has room to append into", i)
		}
	}
	if shared == 0 {
		t.Fatal("no two findings say the same thing: the fleet should repeat its messages")
	}
}

// An interner sized for an audit gives every text the handle and the
// place an unsized one gives it: the room changes nothing but the time.
func TestSizedInternerNumbersAsUnsized(t *testing.T) {
	sized, unsized := newInternerFor(2000), newInterner()
	unsized.seed = sized.seed // the same shards
	if len(sized.shards[0].textIndex) != 0 || cap(sized.shards[0].texts) != 2000*3/2/internShards {
		t.Fatalf("sized shard: %d texts, room for %d", len(sized.shards[0].textIndex), cap(sized.shards[0].texts))
	}
	for i := range 5000 {
		s := fmt.Sprint("message ", i%3700)
		if a, b := sized.text(s), unsized.text(s); a != b {
			t.Fatalf("text %q: handle %d sized, %d unsized", s, a, b)
		}
	}
	ta, _, _, ra, _ := sized.tables()
	tb, _, _, rb, _ := unsized.tables()
	if !slices.Equal(ta, tb) || len(ta) != 3701 {
		t.Fatalf("tables differ: %d texts sized, %d unsized", len(ta), len(tb))
	}
	for h := range uint32(1 << 16) {
		if ra(h) != rb(h) {
			t.Fatalf("handle %d: place %d sized, %d unsized", h, ra(h), rb(h))
		}
	}
	if in := newInternerFor(10); in.shards[0].textIndex != nil {
		t.Error("an audit too small to fill a shard was given room")
	}
}
