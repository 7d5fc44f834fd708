// Package golden compares test output with files under testdata and
// rewrites them when tests run with -update.
package golden

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/textdiff"
)

var update = flag.Bool("update", false, "rewrite golden files with the current output")

// Updating reports whether the test run was asked to rewrite golden files.
func Updating() bool { return *update }

// Assert compares got with the file at path; with -update it writes got
// there instead. A mismatch fails the test with a unified diff of the change.
func Assert(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("updated %s", path)
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading golden file (run go test -update to create it): %v", err)
	}
	if !bytes.Equal(want, got) {
		t.Errorf("output differs from %s (run go test -update to accept):\n%s", path, diff(path, want, got))
	}
}

// maxDiffLines caps the diff a failing test prints; the rest is counted.
const maxDiffLines = 80

// diff is the unified diff from the golden file's content to the output,
// the hunks around each change only, cut after maxDiffLines lines.
func diff(path string, want, got []byte) string {
	d := textdiff.Unified(path, "test output", string(want), string(got))
	lines := strings.SplitAfter(d, "\n") // the last is "": d ends in a newline
	if len(lines)-1 <= maxDiffLines {
		return d
	}
	return strings.Join(lines[:maxDiffLines], "") + fmt.Sprintf("… %d more lines of diff\n", len(lines)-1-maxDiffLines)
}
