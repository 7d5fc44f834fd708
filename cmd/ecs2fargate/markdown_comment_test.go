package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/reports"
)

// The Markdown summaries of audit and report fit one GitHub comment on
// the generated 10,000-service fleet, and link to the details file, which
// holds every service.
func TestMarkdownSummaryFitsOneComment(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: generating and reporting on 10,000 services takes a while")
	}
	dir := fleet10kDir(t)
	out := t.TempDir()
	details := filepath.Join(out, "audit-details.md")
	_, summary, stderr := runCLI(t, "", "audit", "--format", "markdown", "--details-file", details, dir)
	checkComment(t, "audit --format markdown", summary, stderr, "["+filepath.ToSlash(details)+"]")
	if !strings.Contains(stderr, "reading inputs: ") || !strings.Contains(stderr, " files, ") {
		t.Errorf("reading 10,000 services' files showed no progress on stderr:\n%.2000s", stderr)
	}
	checkDetails(t, details)

	if code, _, stderr := runCLI(t, "", "report", "--out", out, dir); code == exitError {
		t.Fatalf("report --out: %s", stderr)
	}
	md, err := os.ReadFile(filepath.Join(out, "report.md"))
	if err != nil {
		t.Fatal(err)
	}
	checkComment(t, "report.md", string(md), "", "[report-details.md](<report-details.md>)")
	checkDetails(t, filepath.Join(out, "report-details.md"))
}

func checkComment(t *testing.T, what, summary, stderr, link string) {
	t.Helper()
	if summary == "" {
		t.Fatalf("%s: empty; stderr: %s", what, stderr)
	}
	if n := len(summary); n >= reports.MaxComment {
		t.Errorf("%s is %d bytes, not under GitHub's %d-character comment limit", what, n, reports.MaxComment)
	}
	if !strings.Contains(summary, link) {
		t.Errorf("%s does not link to its details with %s", what, link)
	}
	for _, want := range []string{"## Summary", "| 10000 |", "## Blocked: what stops", "`privileged`", "## Fixable: what the rewrite changes", " more"} {
		if !strings.Contains(summary, want) {
			t.Errorf("%s lacks %q", what, want)
		}
	}
	if strings.Contains(summary, "cut here to fit") {
		t.Errorf("%s needed the last-resort cut: a section grows with the fleet", what)
	}
}

// checkDetails: the details name the last generated service.
func checkDetails(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(data) < reports.MaxComment || !strings.Contains(string(data), "### Cluster") {
		t.Errorf("%s (%d bytes) does not hold the per-service details", path, len(data))
	}
}
