package analyzer

import (
	"context"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/iac/cloudformation"
)

func auditCloudFormation(t *testing.T, dir string) []Finding {
	t.Helper()
	f, _ := fleet.LoadWith(context.Background(), []string{dir}, strings.NewReader(""), fleet.LoadOptions{Translators: []fleet.Translator{cloudformation.Translator{}}})
	res, err := Audit(f, Options{Only: []string{"iac-replacement"}})
	if err != nil {
		t.Fatal(err)
	}
	return res.Findings.Slice()
}

// A service declared in a CloudFormation template gets the finding from
// the template itself: what its LaunchType, Role, name and target group
// mean for the switch, from the resource schema (not Unverified).
func TestIaCReplacementFromCloudFormationCode(t *testing.T) {
	found := auditCloudFormation(t, "../internal/iac/cloudformation/testdata/edit/launch-type-ec2")
	if len(found) != 1 {
		t.Fatalf("got %d iac-replacement findings, want 1 for the service: %+v", len(found), found)
	}
	f := found[0]
	if f.Unverified {
		t.Error("the CloudFormation finding is marked unverified; it rests on the resource schema")
	}
	for _, want := range []string{"Service", "declared in CloudFormation", "LaunchType is conditionally create-only", "TargetType", "custom ServiceName"} {
		if !strings.Contains(f.Message, want) {
			t.Errorf("message %q does not say %q", f.Message, want)
		}
	}
	if !strings.HasSuffix(f.Path, "launchType") {
		t.Errorf("path %q, want the LaunchType the template sets", f.Path)
	}
}

// A template's service without LaunchType but with a Role (whose value is
// known only at deployment) is flagged: the Role must go for awsvpc and
// replaces the service. The finding sits on the strategy the switch adds,
// not on the unknown Role, which would withdraw it as not checked.
func TestIaCReplacementCloudFormationRole(t *testing.T) {
	found := auditCloudFormation(t, "../testdata/iac/cloudformation/refarch-product-service")
	if len(found) != 1 || !strings.HasSuffix(found[0].Path, "capacityProviderStrategy") || !strings.Contains(found[0].Message, "Role must go") ||
		strings.Contains(found[0].Message, "LaunchType") {
		t.Fatalf("got %+v, want one finding at capacityProviderStrategy saying the Role must go", found)
	}
}
