package textdiff

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
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
	patch, err := exec.LookPath("patch")
	if err != nil {
		t.Skip("patch not installed: cross-check skipped")
	}
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
