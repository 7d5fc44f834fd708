package discover

import (
	"context"
	"fmt"
	"sort"
	"sync"

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

// orgChecks is how many accounts' roles are checked at once.
const orgChecks = 16

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
	var active []string
	for _, a := range accounts {
		if a.State == "" || a.State == orgtypes.AccountStateActive {
			active = append(active, aws.ToString(a.Id))
		}
	}
	// Each account's role is checked once (AssumeRole, GetCallerIdentity),
	// orgChecks at a time: one after the other, an organisation of 500
	// accounts would wait 1,000 round trips before reading anything.
	checked := make([]Target, len(active))
	failed := make([]*fleet.Gap, len(active))
	sem := make(chan struct{}, orgChecks)
	var wg sync.WaitGroup
	for i, id := range active {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			role := fmt.Sprintf("arn:aws:iam::%s:role/%s", id, roleName)
			t := assume(base, role)
			t.Account = id
			if _, err := callerAccount(ctx, t.Config); err != nil {
				failed[i] = &fleet.Gap{Scope: "account " + id, Reason: "sts:AssumeRole " + role + ": " + describeError(err)}
				return
			}
			checked[i] = t
		}()
	}
	wg.Wait()
	var targets []Target
	var gaps []fleet.Gap
	for i := range active {
		if failed[i] != nil {
			gaps = append(gaps, *failed[i])
		} else {
			targets = append(targets, checked[i])
		}
	}
	return targets, gaps, nil
}
