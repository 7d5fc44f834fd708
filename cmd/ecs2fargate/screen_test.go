package main

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ecs2fargate/ecs2fargate/internal/golden"
)

// The default audit screen on the demo fleet at 80 and 120 columns
// (COLUMNS, as a terminal of that width would give): goldens, and no line
// wider than the terminal. Piped, with no width, it is audit.table.
func TestDemoAuditScreenGoldens(t *testing.T) {
	for _, width := range []int{80, 120} {
		t.Run(strconv.Itoa(width), func(t *testing.T) {
			t.Setenv("COLUMNS", strconv.Itoa(width))
			t.Chdir(filepath.Join(packageDir, "..", ".."))
			for _, args := range [][]string{{"audit", demoFleet}, {"audit", "--details", demoFleet}, {"audit", "--service", "gitlab-runner", demoFleet}} {
				code, stdout, stderr := runCLI(t, "", args...)
				if code != exitFindings {
					t.Fatalf("%v: exit %d, want %d; stderr:\n%s", args, code, exitFindings, stderr)
				}
				for i, line := range strings.Split(stdout, "\n") {
					if n := utf8.RuneCountInString(line); n > width {
						t.Errorf("%v: line %d is %d wide, over %d: %s", args, i+1, n, width, line)
					}
				}
				if len(args) == 2 {
					golden.Assert(t, filepath.Join(packageDir, "testdata", "demo", "audit.screen."+strconv.Itoa(width)+".txt"), []byte(stdout))
				}
			}
		})
	}
}

// -v is --details; --service is for the table format only; a service
// that does not exist is an error naming some that do.
func TestAuditScreenFlags(t *testing.T) {
	t.Chdir(filepath.Join(packageDir, "..", ".."))
	_, details, _ := runCLI(t, "", "audit", "--details", demoFleet)
	_, v, _ := runCLI(t, "", "audit", "-v", demoFleet)
	if details != v || !strings.Contains(v, "\nFindings\n") {
		t.Error("-v does not show the details --details shows")
	}
	code, stdout, stderr := runCLI(t, "", "audit", "--format", "json", "--service", "gitlab-runner", demoFleet)
	if code != exitError || stdout != "" || !strings.Contains(stderr, "--service") {
		t.Errorf("--service with JSON: exit %d, stderr %q", code, stderr)
	}
	code, _, stderr = runCLI(t, "", "audit", "--service", "no-such-service", demoFleet)
	if code != exitError || !strings.Contains(stderr, `--service "no-such-service": no such service`) {
		t.Errorf("unknown --service: exit %d, stderr %q", code, stderr)
	}
	code, stdout, _ = runCLI(t, "", "audit", "--no-color", "--service", "us-east-1/platform-tools/gitlab-runner", demoFleet)
	if code != exitFindings || !strings.HasPrefix(stdout, "Service us-east-1/platform-tools/gitlab-runner (task definition gitlab-runner:27): blocked\n") || strings.Contains(stdout, "\033[") {
		t.Errorf("--service by its full name: exit %d:\n%s", code, stdout)
	}
}

// The cost, report, rules and pricing tables fit COLUMNS too: no line of
// a box is wider; piped (no COLUMNS) they are the goldens, unchanged.
func TestOtherTablesFitTheWidth(t *testing.T) {
	t.Chdir(filepath.Join(packageDir, "..", ".."))
	for _, width := range []int{60, 80, 120} {
		t.Setenv("COLUMNS", strconv.Itoa(width))
		for _, args := range [][]string{{"cost", demoFleet}, {"report", demoFleet}, {"rules"}, {"pricing", "show"}} {
			_, stdout, stderr := runCLI(t, "", args...)
			boxes := 0
			for i, line := range strings.Split(stdout, "\n") {
				if !strings.ContainsAny(line, "│┌└├") {
					continue
				}
				boxes++
				if n := utf8.RuneCountInString(line); n > width {
					t.Errorf("%v at %d columns: line %d is %d wide: %s", args, width, i+1, n, line)
				}
			}
			if boxes == 0 && args[0] != "report" {
				t.Errorf("%v drew no table; stderr: %s", args, stderr)
			}
		}
	}
}
