package discover

import (
	"context"
	"strings"
	"testing"

	orgtypes "github.com/aws/aws-sdk-go-v2/service/organizations/types"

	"github.com/ecs2fargate/ecs2fargate/internal/awsfake"
)

// An organization walk reads every active account through its role;
// an account whose role cannot be assumed is a gap, not a failure.
func TestOrganizationWalk(t *testing.T) {
	fake := awsfake.New()
	defer fake.Close()
	fake.Organization(map[string]orgtypes.AccountState{
		"111111111111": orgtypes.AccountStateActive,
		"222222222222": orgtypes.AccountStateActive,
		"333333333333": orgtypes.AccountStateSuspended,
		"444444444444": orgtypes.AccountStateActive,
	})
	for _, acct := range []string{"111111111111", "222222222222"} {
		fake.AllowRole("arn:aws:iam::" + acct + ":role/Audit")
		fake.Put(acct, "us-east-1", awsfake.Generate(acct, "us-east-1", awsfake.Shape{Clusters: 1, Services: 4, TaskDefinitions: 2, Instances: 1}))
	}
	ctx := context.Background()
	targets, gaps, err := Targets(ctx, testConfig(fake.URL), Scope{OrgRoleName: "Audit"})
	if err != nil {
		t.Fatal(err)
	}
	if len(targets) != 2 || len(gaps) != 1 || !strings.Contains(gaps[0].Scope, "444444444444") {
		t.Fatalf("targets %d, gaps %+v", len(targets), gaps)
	}
	f, _, err := Discover(ctx, targets, Options{Regions: []string{"us-east-1"}})
	if err != nil {
		t.Fatal(err)
	}
	accounts := map[string]int{}
	for _, s := range f.Services {
		accounts[strings.Split(*s.Svc.ServiceArn, ":")[4]]++
	}
	if accounts["111111111111"] != 4 || accounts["222222222222"] != 4 {
		t.Errorf("services per account: %v", accounts)
	}
}

func TestRoleThatCannotBeAssumedIsAClearError(t *testing.T) {
	fake := awsfake.New()
	defer fake.Close()
	_, _, err := Targets(context.Background(), testConfig(fake.URL), Scope{RoleARN: "arn:aws:iam::999999999999:role/Nope"})
	if err == nil || !strings.Contains(err.Error(), "AccessDenied") {
		t.Errorf("err = %v", err)
	}
}
