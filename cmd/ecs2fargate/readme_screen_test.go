package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/golden"
)

const (
	screenStart   = "<!-- screen:start"
	screenEnd     = "<!-- screen:end -->"
	screenExcerpt = 20 // lines
)

// The README's first screen shows the first lines of the real audit
// screen on the demo fleet at 80 columns; this test fails when they drift
// and -update regenerates them.
func TestReadmeAuditScreenExcerpt(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(packageDir, readmePath))
	if err != nil {
		t.Fatal(err)
	}
	text := string(readme)
	start, end := strings.Index(text, screenStart), strings.Index(text, screenEnd)
	if start < 0 || end < start {
		t.Fatalf("README.md lacks the %q … %q markers", screenStart, screenEnd)
	}
	t.Setenv("COLUMNS", "80")
	t.Chdir(filepath.Join(packageDir, "..", ".."))
	_, stdout, _ := runCLI(t, "", "audit", demoFleet)
	lines := strings.SplitAfter(stdout, "\n")
	if len(lines) < screenExcerpt {
		t.Fatalf("the screen has %d lines, fewer than the excerpt's %d", len(lines), screenExcerpt)
	}
	startLineEnd := start + strings.IndexByte(text[start:], '\n') + 1
	want := text[:startLineEnd] + "```text\n" + strings.Join(lines[:screenExcerpt], "") + "```\n" + text[end:]
	if golden.Updating() {
		golden.Assert(t, filepath.Join(packageDir, readmePath), []byte(want))
		return
	}
	if want != text {
		t.Errorf("README.md's audit screen excerpt differs from the real output; run go test ./cmd/ecs2fargate -run TestReadme -update")
	}
}
