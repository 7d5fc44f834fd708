package analyzer

import (
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
