package terraform

import (
	"os/exec"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/testtool"
)

// The Terraform this project writes (its test fixtures; the rewrite does
// not edit .tf files yet) is formatted as `terraform fmt` formats it. Only
// fmt can run here: `terraform validate` needs the AWS provider, which
// cannot be downloaded offline, so it is not run. The real-world corpus
// under testdata/iac/terraform is kept as published, formatted or not.
func TestFixturesPassTerraformFmt(t *testing.T) {
	bin := testtool.Path(t, "terraform", "terraform fmt -check of the Terraform fixtures", "terraform")
	for _, dir := range []string{"testdata", "../../../cmd/ecs2fargate/testdata/iac-mixed"} {
		out, err := exec.Command(bin, "fmt", "-check", "-recursive", "-diff", dir).CombinedOutput()
		if err != nil {
			t.Errorf("terraform fmt -check %s: %v\n%s", dir, err, out)
		}
	}
}
