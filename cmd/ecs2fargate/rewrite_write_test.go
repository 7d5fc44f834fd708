package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// --write refuses, writing nothing at all, when any file changed since
// the editors read it: the edits were made on bytes no longer there.
func TestWriteRefusesAChangedFile(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.tf"), filepath.Join(dir, "b.tf")
	os.WriteFile(a, []byte("a = 1\n"), 0o644)
	os.WriteFile(b, []byte("b = 2 # changed by someone else\n"), 0o644)
	edits := []fleet.FileEdit{
		{Path: a, Before: []byte("a = 1\n"), After: []byte("a = 10\n")},
		{Path: b, Before: []byte("b = 2\n"), After: []byte("b = 20\n")},
	}
	err := writeIaCInPlace(edits)
	if err == nil || !strings.Contains(err.Error(), b) || !strings.Contains(err.Error(), "nothing was written") {
		t.Fatalf("err = %v, want a refusal naming %s", err, b)
	}
	if got, _ := os.ReadFile(a); string(got) != "a = 1\n" {
		t.Errorf("%s was written although %s had changed: %q", a, b, got)
	}
	if got, _ := os.ReadFile(b); string(got) != "b = 2 # changed by someone else\n" {
		t.Errorf("%s was overwritten: %q", b, got)
	}
}

// --write replaces each file whole (a temporary file renamed over it),
// keeps its mode and leaves no temporary file behind.
func TestWriteReplacesAtomicallyKeepingTheMode(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.tf")
	os.WriteFile(a, []byte("a = 1\n"), 0o600)
	if err := writeIaCInPlace([]fleet.FileEdit{{Path: a, Before: []byte("a = 1\n"), After: []byte("a = 10\n")}}); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(a); string(got) != "a = 10\n" {
		t.Errorf("%s = %q", a, got)
	}
	if st, _ := os.Stat(a); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600 kept", st.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files left in %s: %v", dir, entries)
	}
}

// Through the command: --write edits the module in place and prints no
// diff; --write with --out, or on AWS CLI JSON inputs, is a usage error.
func TestRewriteWriteThroughTheCommand(t *testing.T) {
	work := filepath.Join(t.TempDir(), "alb-service")
	copyTree(t, "testdata/iac-rewrite/terraform/alb-service", work)
	code, stdout, stderr := runCLI(t, "", append(append([]string{"rewrite", "--write"}, tfRewriteFlags...), work)...)
	if code != exitOK || stdout != "" {
		t.Fatalf("exit %d, stdout %q\n%s", code, stdout, stderr)
	}
	got, _ := os.ReadFile(filepath.Join(work, "main.tf"))
	if !strings.Contains(string(got), `capacity_provider = "FARGATE"`) || strings.Contains(string(got), "launch_type") {
		t.Errorf("main.tf not rewritten in place:\n%s", got)
	}
	if code, _, stderr := runCLI(t, "", "rewrite", "--write", "--out", t.TempDir(), work); code != exitError || !strings.Contains(stderr, "choose one") {
		t.Errorf("--write --out: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := runCLI(t, "", "rewrite", "--write", "testdata/fleet/ready.json"); code != exitError || !strings.Contains(stderr, "--write edits Terraform and CloudFormation") {
		t.Errorf("--write on JSON: exit %d\n%s", code, stderr)
	}
}

// --out DIR writes a copy of the edited module in a folder named after it,
// with changes.json listing the notes (the target group replacement among
// them), and leaves the inputs alone.
func TestRewriteOutCopiesTheModule(t *testing.T) {
	out := t.TempDir()
	src := "testdata/iac-rewrite/terraform/alb-service"
	before, _ := os.ReadFile(filepath.Join(src, "main.tf"))
	code, _, stderr := runCLI(t, "", append(append([]string{"rewrite", "--out", out}, tfRewriteFlags...), src)...)
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if after, _ := os.ReadFile(filepath.Join(src, "main.tf")); string(after) != string(before) {
		t.Fatal("--out changed the input")
	}
	copied, err := os.ReadFile(filepath.Join(out, "alb-service", "main.tf"))
	if err != nil || !strings.Contains(string(copied), `resource "aws_lb_target_group" "web_ip"`) {
		t.Fatalf("copy: %v\n%s", err, copied)
	}
	changes, _ := os.ReadFile(filepath.Join(out, "changes.json"))
	if !strings.Contains(string(changes), `"replaces": true`) || !strings.Contains(string(changes), "aws_lb_target_group.web") {
		t.Errorf("changes.json has no replacement note:\n%s", changes)
	}
	md, _ := os.ReadFile(filepath.Join(out, "changes.md"))
	if !strings.Contains(string(md), "## Edits to the infrastructure code") {
		t.Errorf("changes.md has no IaC section:\n%s", md)
	}
}

// Terraform and AWS CLI JSON in one run: the code is edited (its copy in
// --out), the JSON input gets its request document as before, and the
// runbook holds no step for the service the code declares.
func TestRewriteMixedCodeAndJSON(t *testing.T) {
	out := t.TempDir()
	code, _, stderr := runCLI(t, "", append(append([]string{"rewrite", "--out", out}, tfRewriteFlags...),
		"testdata/iac-rewrite/terraform/alb-service", "testdata/rewrite/orders-ec2.json")...)
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "orders.taskdef.json")); err != nil {
		t.Errorf("the JSON input's document is missing: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "web.taskdef.json")); err == nil {
		t.Error("the task definition read from Terraform got a request document; its code is edited instead")
	}
	if _, err := os.Stat(filepath.Join(out, "alb-service", "main.tf")); err != nil {
		t.Errorf("the edited module's copy is missing: %v", err)
	}
	book, _ := os.ReadFile(filepath.Join(out, "runbook.sh"))
	if strings.Contains(string(book), "update-service") {
		t.Errorf("the runbook moves the service the code declares:\n%s", book)
	}
	// Without --out the diff is printed and the JSON document is not written.
	_, stdout, stderr := runCLI(t, "", append(append([]string{"rewrite"}, tfRewriteFlags...),
		"testdata/iac-rewrite/terraform/alb-service", "testdata/rewrite/orders-ec2.json")...)
	if !strings.Contains(stdout, "+++ b/testdata/iac-rewrite/terraform/alb-service/main.tf") || !strings.Contains(stderr, "1 document(s) for inputs read from AWS CLI JSON not written") {
		t.Errorf("stdout:\n%s\nstderr:\n%s", stdout, stderr)
	}
}

// A service whose target group is not in the code read (here a module
// input) is moved, and the notes say the ip target group is left to do by
// hand.
func TestRewriteSaysWhenTheTargetGroupIsNotInTheCode(t *testing.T) {
	dir := t.TempDir()
	code := `variable "tg_arn" {}

resource "aws_ecs_task_definition" "web" {
  family                = "web"
  network_mode          = "awsvpc"
  container_definitions = jsonencode([{ name = "web", image = "nginx", memory = 512, portMappings = [{ containerPort = 80 }] }])
}

resource "aws_ecs_service" "web" {
  name            = "web"
  cluster         = "main"
  task_definition = aws_ecs_task_definition.web.arn
  launch_type     = "EC2"

  load_balancer {
    target_group_arn = var.tg_arn
    container_name   = "web"
    container_port   = 80
  }
}
`
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(code), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stdout, stderr := runCLI(t, "", append(append([]string{"rewrite"}, tfRewriteFlags...), dir)...)
	if !strings.Contains(stdout, `capacity_provider = "FARGATE"`) {
		t.Errorf("the service was not moved:\n%s", stdout)
	}
	if !strings.Contains(stderr, "not edited: aws_ecs_service.web uses a target group (unknown) that is not in the code read") {
		t.Errorf("no note about the target group left by hand:\n%s", stderr)
	}
}
