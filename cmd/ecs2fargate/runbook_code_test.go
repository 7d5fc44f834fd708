package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// When every service read is from code, rewrite --out's runbook has no
// step, and it says so and where the move is instead of titling itself
// "move 0 service(s)" over nothing.
func TestRunbookOfCodeInputsSaysNothingToRun(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	code, _, stderr := runCLI(t, "", "rewrite", "--out", out, "--log-region", "us-east-1",
		"--execution-role-arn", "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
		"../../testdata/iac/cloudformation/cfn-templates-ec2-public-service")
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	b, err := os.ReadFile(filepath.Join(out, "RUNBOOK.md"))
	if err != nil {
		t.Fatal(err)
	}
	md := string(b)
	if !strings.HasPrefix(md, "# Runbook: no service to move\n") || !strings.Contains(md, "moves when its rewritten code is applied") || strings.Contains(md, "move 0 service") {
		t.Errorf("RUNBOOK.md:\n%s", md)
	}
	// A runbook that moves services keeps its title.
	out = filepath.Join(t.TempDir(), "demo")
	if code, _, stderr = runCLI(t, "", "rewrite", "--out", out, "../../examples/demo-fleet"); code != exitOK && code != exitFindings {
		t.Fatalf("demo: exit %d\n%s", code, stderr)
	}
	if b, err = os.ReadFile(filepath.Join(out, "RUNBOOK.md")); err != nil || !strings.HasPrefix(string(b), "# Runbook: move ") {
		t.Errorf("demo RUNBOOK.md (%v):\n%.200s", err, b)
	}
}
