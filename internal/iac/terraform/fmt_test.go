package terraform

import (
	"os/exec"
	"testing"
)

// The Terraform this project writes (its test fixtures; the rewrite does
// not edit .tf files yet) is formatted as `terraform fmt` formats it. Only
// fmt can run here: `terraform validate` needs the AWS provider, which
// cannot be downloaded offline, so it is not run. The real-world corpus
// under testdata/iac/terraform is kept as published, formatted or not.
func TestFixturesPassTerraformFmt(t *testing.T) {
	bin, err := exec.LookPath("terraform")
	if err != nil {
		t.Skip("terraform is not installed, so `terraform fmt -check` cannot run: " + err.Error())
	}
	for _, dir := range []string{"testdata", "../../../cmd/ecs2fargate/testdata/iac-mixed"} {
		out, err := exec.Command(bin, "fmt", "-check", "-recursive", "-diff", dir).CombinedOutput()
		if err != nil {
			t.Errorf("terraform fmt -check %s: %v\n%s", dir, err, out)
		}
	}
}
