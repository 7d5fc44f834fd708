package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A service read from CloudFormation is not moved through the API: the
// stack would then differ from its template and the next update would
// undo the move. Alone it is an error (nothing at all to move, and the
// user must hear why); beside services read from AWS CLI JSON it is listed
// as not moved and the others are planned. The template is the public
// aws-samples ECS reference (testdata/iac/cloudformation, PROVENANCE there):
// its nginx service runs on EC2 behind a load balancer, which the same
// template, read by rewrite, turns into a Fargate service in the code.
func TestMigrateRefusesServicesDefinedInCode(t *testing.T) {
	template := "../../testdata/iac/cloudformation/cfn-templates-ec2-public-service"
	// --max-age 0: the checked-in files are as old as the checkout.
	args := []string{"migrate", "--max-age", "0", "--subnets", "subnet-0a,subnet-0b", "--security-groups", "sg-0c",
		"--log-region", "us-east-1", "--execution-role-arn", "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"}
	journal := filepath.Join(t.TempDir(), "j.json")

	code, stdout, stderr := runCLI(t, "", append(args, "--journal", journal, template)...)
	if code != exitError || !strings.Contains(stderr, "not moved: ${ImportValue:production:ClusterName}/nginx: defined in CloudFormation") ||
		!strings.Contains(stderr, "no service to move: the services read are defined in Terraform or CloudFormation") ||
		strings.Contains(stdout, "Update the service to Fargate") {
		t.Errorf("the template alone: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if _, err := os.Stat(journal); !os.IsNotExist(err) {
		t.Errorf("a journal was written for a refused plan: %v", err)
	}

	code, stdout, stderr = runCLI(t, "", append(args, "--journal", journal, "../../examples/demo-fleet", template)...)
	if code != exitOK || !strings.Contains(stderr, "nginx: defined in CloudFormation") ||
		strings.Contains(stdout, "/nginx") || !strings.Contains(stdout, "Update the service to Fargate") {
		t.Errorf("the demo fleet and the template: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
}
