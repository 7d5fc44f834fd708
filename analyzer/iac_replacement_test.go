package analyzer

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/iac/terraform"
)

func auditTerraform(t *testing.T, dir string) *Result {
	t.Helper()
	f, _ := fleet.LoadWith(context.Background(), []string{dir}, strings.NewReader(""), fleet.LoadOptions{Translators: []fleet.Translator{terraform.Translator{}}})
	res, err := Audit(f, Options{Only: []string{"iac-replacement"}})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// A service declared in Terraform gets the finding from the code itself,
// with no tag needed, and it rests on the provider's documented behaviour
// (not Unverified).
func TestIaCReplacementFromTerraformCode(t *testing.T) {
	res := auditTerraform(t, "../cmd/ecs2fargate/testdata/iac-rewrite/terraform/alb-service")
	var found []Finding
	for f := range res.Findings.All() {
		if f.RuleID == "iac-replacement" {
			found = append(found, f)
		}
	}
	if len(found) != 1 {
		t.Fatalf("got %d iac-replacement findings, want 1 for aws_ecs_service.web: %+v", len(found), res.Findings)
	}
	f := found[0]
	if f.Unverified {
		t.Error("the Terraform finding is marked unverified; it rests on the provider's source and docs")
	}
	for _, want := range []string{"aws_ecs_service.web", "force_new_deployment = true", "launch_type"} {
		if !strings.Contains(f.Message, want) {
			t.Errorf("message %q does not say %q", f.Message, want)
		}
	}
	if !strings.HasSuffix(f.Path, "launchType") {
		t.Errorf("path %q, want the launchType the code sets", f.Path)
	}
}

// A Terraform service already on Fargate gets no finding.
func TestIaCReplacementNotForFargateCode(t *testing.T) {
	dir := t.TempDir()
	code := `resource "aws_ecs_service" "web" {
  name            = "web"
  cluster         = "main"
  task_definition = "web"

  capacity_provider_strategy {
    capacity_provider = "FARGATE"
    weight            = 1
  }
}
`
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(code), 0o644); err != nil {
		t.Fatal(err)
	}
	for f := range auditTerraform(t, dir).Findings.All() {
		if f.RuleID == "iac-replacement" {
			t.Errorf("unexpected finding for a service on Fargate: %+v", f)
		}
	}
}
