package golden

import (
	"fmt"
	"strings"
	"testing"
)

// A line inserted near the top shows as one added line with its context,
// not as every later line differing (what the old line-by-line compare
// printed).
func TestDiffShowsOnlyTheChange(t *testing.T) {
	var want, got strings.Builder
	for i := range 200 {
		if i == 5 {
			got.WriteString("inserted\n")
		}
		fmt.Fprintf(&want, "line %d\n", i)
		fmt.Fprintf(&got, "line %d\n", i)
	}
	d := diff("testdata/x.golden", []byte(want.String()), []byte(got.String()))
	wantDiff := "--- testdata/x.golden\n+++ test output\n@@ -3,6 +3,7 @@\n line 2\n line 3\n line 4\n+inserted\n line 5\n line 6\n line 7\n"
	if d != wantDiff {
		t.Errorf("diff =\n%s\nwant\n%s", d, wantDiff)
	}
}

// A diff longer than maxDiffLines is cut, and says how much was left out.
func TestDiffIsCut(t *testing.T) {
	var want, got strings.Builder
	for i := range 200 {
		fmt.Fprintf(&want, "old %d\n", i)
		fmt.Fprintf(&got, "new %d\n", i)
	}
	d := diff("x", []byte(want.String()), []byte(got.String()))
	if n := strings.Count(d, "\n"); n != maxDiffLines+1 {
		t.Errorf("diff has %d lines, want %d and a last line saying how many more", n, maxDiffLines+1)
	}
	if !strings.HasSuffix(d, "… 323 more lines of diff\n") { // 2 headers + 1 hunk header + 400 lines − 80
		t.Errorf("diff ends %q", d[max(0, len(d)-60):])
	}
}
