package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/golden"
)

// The execution role the goldens name: without an account in the templates
// the rewrite needs one to add awslogs (--execution-role-arn).
const cfnExecutionRole = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"

// TestRewriteCloudFormationDiff: `rewrite` on each template of the corpus
// (and on the fixture of a service with LaunchType EC2, which the corpus
// lacks) prints the diff of the template's edits (the default for IaC
// inputs) and the notes (replacements first) on stderr; goldens in
// testdata/rewrite-cloudformation.
func TestRewriteCloudFormationDiff(t *testing.T) {
	dirs, _ := filepath.Glob("../../testdata/iac/cloudformation/*")
	if len(dirs) < 10 {
		t.Fatalf("%d corpus templates", len(dirs))
	}
	fixtures, _ := filepath.Glob("../../internal/iac/cloudformation/testdata/edit/*")
	dirs = append(dirs, fixtures...)
	for _, dir := range dirs {
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			_, stdout, stderr := runCLI(t, "", "rewrite", "--execution-role-arn", cfnExecutionRole, "--log-region", "us-east-1", dir)
			golden.Assert(t, filepath.Join("testdata", "rewrite-cloudformation", name+".diff"), []byte(stdout))
			golden.Assert(t, filepath.Join("testdata", "rewrite-cloudformation", name+".stderr"), []byte(stderr))
		})
	}
}

// The quick-start shape (an instance target group, a bridge-mode task
// definition, a service without a launch type) rewritten in place with
// --write: the template then holds what --diff showed, and a second
// rewrite finds nothing to change.
func TestRewriteCloudFormationWriteQuickStart(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(quickStart)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "template.json")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	_, diff, stderr := runCLI(t, "", "rewrite", "--execution-role-arn", cfnExecutionRole, "--log-region", "us-east-1", dir)
	if !strings.Contains(diff, `+        "ECSTGIp" : {`) || !strings.Contains(diff, `"Ref": "ECSTGIp"`) {
		t.Fatalf("the diff does not add the ip target group and point the service at it:\n%s\n%s", diff, stderr)
	}
	if !strings.Contains(stderr, "REPLACES") {
		t.Errorf("the notes do not say the target group is replaced:\n%s", stderr)
	}
	runCLI(t, "", "rewrite", "--write", "--execution-role-arn", cfnExecutionRole, "--log-region", "us-east-1", dir)
	written, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if string(written) == string(data) {
		t.Fatal("--write left the template as it was")
	}
	if !strings.Contains(string(written), `"NetworkMode" : "awsvpc"`) || !strings.Contains(string(written), `"TargetType": "ip"`) {
		t.Errorf("the written template lacks the awsvpc task definition or the ip target group:\n%s", written)
	}
	_, again, _ := runCLI(t, "", "rewrite", "--execution-role-arn", cfnExecutionRole, "--log-region", "us-east-1", dir)
	if strings.TrimSpace(again) != "" {
		t.Errorf("a second rewrite of the written template changes it:\n%s", again)
	}
}

// A template the AWS CDK synthesized is not edited (cdk synth would
// overwrite it): the rewrite says to change the CDK app.
func TestRewriteCloudFormationLeavesCDKOutput(t *testing.T) {
	_, stdout, stderr := runCLI(t, "", "rewrite", "--execution-role-arn", cfnExecutionRole, "--log-region", "us-east-1", "testdata/cdk")
	if strings.Contains(stdout, "+++") {
		t.Errorf("the synthesized template was edited:\n%s", stdout)
	}
	if !strings.Contains(stderr, "not edited") || !strings.Contains(stderr, "CDK app's source") {
		t.Errorf("no word that the change belongs in the CDK app:\n%s", stderr)
	}
}
