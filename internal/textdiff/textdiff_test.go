package textdiff

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/testtool"
)

func TestUnifiedEqual(t *testing.T) {
	if d := Unified("a", "b", "x\ny\n", "x\ny\n"); d != "" {
		t.Errorf("equal texts gave a diff:\n%s", d)
	}
}

func TestUnifiedShape(t *testing.T) {
	a := "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n"
	b := "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n"
	got := Unified("a", "b", a, b)
	want := "--- a\n+++ b\n@@ -2,9 +2,10 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n 9\n 10\n+11\n"
	if got != want {
		t.Errorf("diff =\n%s\nwant\n%s", got, want)
	}
}

// TestPatchApplies checks the output against GNU patch where installed:
// applying our diff to a must give b.
func TestPatchApplies(t *testing.T) {
	patch := testtool.Path(t, "patch", "the cross-check of our diffs with GNU patch", "patch")
	a := "{\n  \"a\": 1,\n  \"b\": [\n    1,\n    2\n  ],\n  \"c\": 3\n}\n" + strings.Repeat("x\n", 10) + "end\n"
	b := "{\n  \"a\": 1,\n  \"b\": [\n    2\n  ],\n  \"c\": 4,\n  \"d\": 5\n}\n" + strings.Repeat("x\n", 10) + "fin\n"
	dir := t.TempDir()
	file := filepath.Join(dir, "f")
	if err := os.WriteFile(file, []byte(a), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(patch, "-s", file)
	cmd.Stdin = strings.NewReader(Unified("f", "f", a, b))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("patch failed: %v\n%s", err, out)
	}
	got, _ := os.ReadFile(file)
	if string(got) != b {
		t.Errorf("patched =\n%s\nwant\n%s", got, b)
	}
}

// A one-line change in a long text: the shared start and end are not put
// through the LCS table (25,000 lines squared would be gigabytes), and the
// hunk's line numbers count them.
func TestLongTextsWithOneChange(t *testing.T) {
	var a, b strings.Builder
	for i := range 25000 {
		line := fmt.Sprintf("line %d\n", i+1)
		a.WriteString(line)
		if i == 12000 {
			line = "changed\n"
		}
		b.WriteString(line)
	}
	got := Unified("a", "b", a.String(), b.String())
	want := "--- a\n+++ b\n@@ -11998,7 +11998,7 @@\n line 11998\n line 11999\n line 12000\n-line 12001\n+changed\n line 12002\n line 12003\n line 12004\n"
	if got != want {
		t.Errorf("diff =\n%s\nwant\n%s", got, want)
	}
}

// Past maxTable the changed middle is shown as removed then added lines:
// not the shortest diff, but a right one, with the right line numbers.
func TestHugeMiddleFallsBackToRemoveAndAdd(t *testing.T) {
	n := 2100 // 2100 × 2100 cells > maxTable
	var a, b strings.Builder
	a.WriteString("same\n")
	b.WriteString("same\n")
	for i := range n {
		fmt.Fprintf(&a, "a%d\n", i)
		fmt.Fprintf(&b, "b%d\n", i)
	}
	got := Unified("a", "b", a.String(), b.String())
	if !strings.HasPrefix(got, fmt.Sprintf("--- a\n+++ b\n@@ -1,%d +1,%d @@\n same\n-a0\n", n+1, n+1)) {
		t.Errorf("diff starts\n%.200s", got)
	}
	if strings.Count(got, "\n-") != n || strings.Count(got, "\n+") != n+1 { // +1: the "+++" header
		t.Errorf("diff has %d removed and %d added lines, want %d each", strings.Count(got, "\n-"), strings.Count(got, "\n+")-1, n)
	}
}
