package discover

import (
	"context"
	"fmt"
	"sort"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	orgtypes "github.com/aws/aws-sdk-go-v2/service/organizations/types"
	"github.com/aws/aws-sdk-go-v2/service/sts"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// Scope says which accounts to read, starting from the base credentials.
type Scope struct {
	// RoleARN, when set, is assumed and read instead of the base account.
	RoleARN string
	// OrgRoleName, when set, walks every ACTIVE account of the AWS
	// Organization and assumes arn:aws:iam::ACCOUNT:role/OrgRoleName in each.
	OrgRoleName string
}

// Targets turns the base configuration and scope into the accounts to
// read. Accounts that cannot be reached are returned as gaps; only a
// failure to start at all is an error.
func Targets(ctx context.Context, base aws.Config, scope Scope) ([]Target, []fleet.Gap, error) {
	switch {
	case scope.OrgRoleName != "":
		return orgTargets(ctx, base, scope.OrgRoleName)
	case scope.RoleARN != "":
		t := assume(base, scope.RoleARN)
		if _, err := callerAccount(ctx, t.Config); err != nil {
			return nil, nil, fmt.Errorf("assuming %s: %s", scope.RoleARN, describeError(err))
		}
		return []Target{t}, nil, nil
	}
	account, err := callerAccount(ctx, base)
	if err != nil {
		return nil, nil, fmt.Errorf("checking credentials (sts:GetCallerIdentity): %s", describeError(err))
	}
	return []Target{{Account: account, Config: base}}, nil, nil
}

func assume(base aws.Config, roleARN string) Target {
	cfg := base.Copy()
	cfg.Credentials = aws.NewCredentialsCache(stscreds.NewAssumeRoleProvider(sts.NewFromConfig(base), roleARN,
		func(o *stscreds.AssumeRoleOptions) { o.RoleSessionName = "ecs2fargate" }))
	account := ""
	if a, ok := fleet.ParseARN(roleARN); ok {
		account = a.Account
	}
	return Target{Account: account, Config: cfg}
}

func callerAccount(ctx context.Context, cfg aws.Config) (string, error) {
	out, err := sts.NewFromConfig(cfg).GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.Account), nil
}

// orgTargets lists the organization's active accounts and checks each
// role once, so an account whose role cannot be assumed is one gap rather
// than a failure per region.
func orgTargets(ctx context.Context, base aws.Config, roleName string) ([]Target, []fleet.Gap, error) {
	var accounts []orgtypes.Account
	p := organizations.NewListAccountsPaginator(organizations.NewFromConfig(base), &organizations.ListAccountsInput{})
	for p.HasMorePages() {
		out, err := p.NextPage(ctx)
		if err != nil {
			return nil, nil, fmt.Errorf("listing organization accounts (organizations:ListAccounts): %s", describeError(err))
		}
		accounts = append(accounts, out.Accounts...)
	}
	sort.Slice(accounts, func(i, j int) bool { return aws.ToString(accounts[i].Id) < aws.ToString(accounts[j].Id) })
	var targets []Target
	var gaps []fleet.Gap
	for _, a := range accounts {
		id := aws.ToString(a.Id)
		if a.State != "" && a.State != orgtypes.AccountStateActive {
			continue
		}
		role := fmt.Sprintf("arn:aws:iam::%s:role/%s", id, roleName)
		t := assume(base, role)
		t.Account = id
		if _, err := callerAccount(ctx, t.Config); err != nil {
			gaps = append(gaps, fleet.Gap{Scope: "account " + id, Reason: "sts:AssumeRole " + role + ": " + describeError(err)})
			continue
		}
		targets = append(targets, t)
	}
	return targets, gaps, nil
}
