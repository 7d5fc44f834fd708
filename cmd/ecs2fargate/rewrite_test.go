package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/golden"
)

const rewriteFixture = "../../rewrite/testdata/rewrite/"

func TestRewriteSingleInputToStdout(t *testing.T) {
	code, out, errOut := runCLI(t, "", "rewrite", rewriteFixture+"links/in.json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("stdout is not the JSON document: %v\n%s", err, out)
	}
	if doc["networkMode"] != "awsvpc" || doc["taskDefinitionArn"] != nil {
		t.Errorf("document not rewritten: %v", doc)
	}
	if !strings.Contains(errOut, "task definition shop:21") || !strings.Contains(errOut, "rewritten") {
		t.Errorf("no summary on stderr:\n%s", errOut)
	}
}

func TestRewriteOutDirectory(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	code, _, errOut := runCLI(t, "", "rewrite", "--out", dir, "../../analyzer/testdata/ready", rewriteFixture+"links/in.json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, name := range []string{"checkout.taskdef.json", "shop.taskdef.json", "changes.json", "changes.md"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("missing %s: %v", name, err)
		}
	}
	// shop/checkout runs on the FARGATE capacity provider already: no request.
	if _, err := os.Stat(filepath.Join(dir, "shop.checkout.update-service.json")); err == nil {
		t.Error("an update-service request was written for a service already on Fargate")
	}
	var changes struct {
		TaskDefinitions []struct {
			Output   string
			Document json.RawMessage
		}
	}
	data, _ := os.ReadFile(filepath.Join(dir, "changes.json"))
	if err := json.Unmarshal(data, &changes); err != nil || len(changes.TaskDefinitions) != 2 {
		t.Fatalf("changes.json: %v, %d task definitions", err, len(changes.TaskDefinitions))
	}
	for _, td := range changes.TaskDefinitions {
		if td.Output == "" || td.Document != nil {
			t.Errorf("changes.json entry: output %q, document %s", td.Output, td.Document)
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

func TestRewriteCheck(t *testing.T) {
	if code, _, errOut := runCLI(t, "", "rewrite", "--check", rewriteFixture+"already-fargate/in.json"); code != exitOK {
		t.Errorf("already Fargate: exit %d, want 0\n%s", code, errOut)
	}
	// describe-task-definition output of a Fargate definition: the rewrite
	// strips describe-only members, moves its tags and drops an empty
	// placementConstraints, none of which changes what ECS is asked for.
	if code, _, errOut := runCLI(t, "", "rewrite", "--check", rewriteFixture+"already-fargate-describe/in.json"); code != exitOK {
		t.Errorf("already Fargate, describe output: exit %d, want 0\n%s", code, errOut)
	}
	if code, _, _ := runCLI(t, "", "rewrite", "--check", rewriteFixture+"console-nulls/in.json"); code != exitFindings {
		t.Errorf("EC2 console export: exit %d, want 2", code)
	}
	if code, out, _ := runCLI(t, "", "rewrite", "--check", rewriteFixture+"links/in.json"); code != exitFindings || out != "" {
		t.Errorf("EC2 definition: exit %d (want 2), stdout %q (want nothing)", code, out)
	}
	if code, _, _ := runCLI(t, "", "rewrite", "--check", "--out", t.TempDir(), rewriteFixture+"links/in.json"); code != exitError {
		t.Errorf("--check with --out: exit %d, want a usage error", code)
	}
}

func TestRewriteDiff(t *testing.T) {
	code, out, errOut := runCLI(t, "", "rewrite", "--diff", rewriteFixture+"links/in.json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"--- ", "+++ shop:21 on Fargate", "-  \"networkMode\": \"bridge\",", "+  \"networkMode\": \"awsvpc\","} {
		if !strings.Contains(out, want) {
			t.Errorf("diff lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "hunter2") {
		t.Errorf("diff shows an environment value:\n%s", out)
	}
}

func TestRewriteErrorsAndBlocked(t *testing.T) {
	// An EC2 definition without logging gets awslogs, which needs a Region.
	code, _, errOut := runCLI(t, "", "rewrite", "testdata/rewrite/no-region-ec2.json")
	if code != exitError || !strings.Contains(errOut, "--log-region") {
		t.Errorf("unknown Region: exit %d, stderr:\n%s", code, errOut)
	}
	if code, out, _ := runCLI(t, "", "rewrite", "--log-region", "eu-west-1", "--execution-role-arn", "arn:aws:iam::123456789012:role/x", "testdata/rewrite/no-region-ec2.json"); code != exitOK || strings.Contains(out, "hunter2") == false {
		t.Errorf("with --log-region: exit %d (environment values stay in the document itself)", code)
	}
	code, out, _ := runCLI(t, "", "rewrite", rewriteFixture+"blocked-privileged/in.json")
	if code != exitFindings || out != "" {
		t.Errorf("blocked: exit %d (want 2), stdout %q", code, out)
	}
	if code, _, _ := runCLI(t, "", "rewrite", rewriteFixture+"links/in.json", rewriteFixture+"hostname/in.json"); code != exitError {
		t.Errorf("two definitions without --out: exit %d, want 1", code)
	}
	if code, _, errOut := runCLI(t, "", "rewrite", rewriteFixture+"no-containers/in.json"); code != exitError || !strings.Contains(errOut, "containerDefinitions is empty") {
		t.Errorf("no containers: exit %d\n%s", code, errOut)
	}
}

func TestRewriteUnwritableOut(t *testing.T) {
	parent := t.TempDir()
	blocker := filepath.Join(parent, "file")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI(t, "", "rewrite", "--out", filepath.Join(blocker, "out"), rewriteFixture+"links/in.json")
	if code != exitError || !strings.Contains(errOut, "cannot be created") {
		t.Errorf("out under a file: exit %d\n%s", code, errOut)
	}
	if os.Geteuid() == 0 {
		t.Skip("running as root, which can write into a read-only directory: permission case skipped")
	}
	if runtime.GOOS == "windows" {
		t.Skip("on Windows a directory's read-only attribute does not stop files being created in it: permission case skipped")
	}
	ro := filepath.Join(parent, "ro")
	if err := os.Mkdir(ro, 0o555); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = runCLI(t, "", "rewrite", "--out", ro, rewriteFixture+"links/in.json")
	entries, _ := os.ReadDir(ro)
	if code != exitError || !strings.Contains(errOut, "not writable") || len(entries) != 0 {
		t.Errorf("read-only out: exit %d, %d files\n%s", code, len(entries), errOut)
	}
}

// TestRewriteWorkedExample keeps the README's worked example true: the
// documents it shows are goldens of a real run, and the README holds them.
func TestRewriteWorkedExample(t *testing.T) {
	dir := t.TempDir()
	code, _, errOut := runCLI(t, "", "rewrite", "--out", dir, "testdata/rewrite/orders-ec2.json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	readme, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	for name, gold := range map[string]string{"orders.taskdef.json": "orders.taskdef.json", "changes.md": "orders.changes.md"} {
		got, _ := os.ReadFile(filepath.Join(dir, name))
		golden.Assert(t, filepath.Join("testdata", "rewrite", gold), got)
		if name == "orders.taskdef.json" && !strings.Contains(string(readme), string(got)) {
			t.Errorf("README.md does not show the current %s (copy testdata/rewrite/%s)", name, gold)
		}
	}
	table := strings.Split(string(mustRead(t, filepath.Join(dir, "changes.md"))), "| Rule |")[1]
	table = "| Rule |" + strings.Split(table, "\n\n")[0]
	if !strings.Contains(string(readme), table) {
		t.Error("README.md does not show the current change table (copy it from testdata/rewrite/orders.changes.md)")
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestRewriteServiceDocuments: with services in the inputs, --out holds
// the service requests under their documented names and changes.json
// lists them.
func TestRewriteServiceDocuments(t *testing.T) {
	dir := t.TempDir()
	code, _, errOut := runCLI(t, "", "rewrite", "--out", dir, "--subnets", "subnet-0a1,subnet-0b2", "--security-groups", "sg-0task", "testdata/rewrite/shop")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, name := range []string{"web.taskdef.json", "shop.web.update-service.json", "shop.web.target-group.json"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("missing %s", name)
		}
	}
	var rep struct {
		Services []struct {
			Outputs       []string
			UpdateService json.RawMessage
		}
	}
	if err := json.Unmarshal(mustRead(t, filepath.Join(dir, "changes.json")), &rep); err != nil || len(rep.Services) != 1 {
		t.Fatalf("changes.json: %v", err)
	}
	if s := rep.Services[0]; len(s.Outputs) != 2 || s.UpdateService != nil {
		t.Errorf("service entry: outputs %v, document inlined %t", s.Outputs, s.UpdateService != nil)
	}
	if !strings.Contains(string(mustRead(t, filepath.Join(dir, "shop.web.update-service.json"))), `"taskDefinition": "web"`) {
		t.Error("update-service does not name the rewritten family")
	}
	if code, _, _ := runCLI(t, "", "rewrite", "--check", "testdata/rewrite/shop"); code != exitFindings {
		t.Errorf("--check with a service to move: exit %d, want 2", code)
	}
}

// TestRewriteFleetInParallel: the rewrite of a fleet on all cores equals
// the one made on one (run with -race, it also checks the rewrites only
// read the fleet, which nothing has audited first).
func TestRewriteFleetInParallel(t *testing.T) {
	got := rewriteFleet(genFleet(t, 4, 25), rewriteOptions{})
	prev := runtime.GOMAXPROCS(1)
	want := rewriteFleet(genFleet(t, 4, 25), rewriteOptions{})
	runtime.GOMAXPROCS(prev)
	a, _ := json.Marshal(got.report)
	b, _ := json.Marshal(want.report)
	if string(a) != string(b) || len(got.report.Services) == 0 {
		t.Errorf("parallel rewrite differs from the serial one (%d services rewritten)", len(got.report.Services))
	}
}
