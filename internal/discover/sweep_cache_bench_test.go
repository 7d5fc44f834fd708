package discover

import (
	"context"
	"math"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/ecs2fargate/ecs2fargate/internal/awsfake"
)

// BenchmarkOrgSweepTaskDefinitionCache sweeps the simulated organisation
// (sweep_sim_test.go: AWS's buckets scaled by simScale, 2 ms latency)
// twice with one task definition cache: cold, then with every revision
// cached. Each account-region has 50 services on 10 task definitions, so
// that DescribeTaskDefinition is the busiest bucket of a cold sweep, as in
// a real estate where revisions outnumber what else is read. It reports
// each sweep's calls, wall time and rate-limit bound. 100 accounts × 4
// regions by default (ECS2FARGATE_SIM_ACCOUNTS sets another number):
//
//	go test -run XXX -bench OrgSweepTaskDefinitionCache -benchtime 1x ./internal/discover
func BenchmarkOrgSweepTaskDefinitionCache(b *testing.B) {
	accounts := 100
	if s := os.Getenv("ECS2FARGATE_SIM_ACCOUNTS"); s != "" {
		accounts, _ = strconv.Atoi(s)
	}
	shape := awsfake.Shape{Clusters: 1, Services: simServices, TaskDefinitions: 10, Repositories: 1}
	for i := 0; i < b.N; i++ {
		fake, _ := newSimulation(accounts, shape)
		ctx := context.Background()
		targets, _, err := Targets(ctx, simConfig(fake.URL), Scope{OrgRoleName: "Audit"})
		if err != nil {
			b.Fatal(err)
		}
		cache := DirCache{Dir: b.TempDir()}
		inFlight := len(targets) * len(simRegions)
		for _, run := range []string{"cold", "cached"} {
			before := fake.TotalCalls()
			tdBefore := fake.Calls()["ecs:DescribeTaskDefinition"]
			healthy := fake.AnsweredIn(simAccount(accounts/2), simRegions[1])
			start := time.Now()
			if _, err := Sweep(ctx, targets, Options{Regions: simRegions, Scale: simScale, AccountRegions: inFlight,
				TaskDefinitions: cache, Parts: &PartDir{Dir: b.TempDir()}}); err != nil {
				b.Fatal(err)
			}
			wall := time.Since(start)
			// The bound of this run alone, from the calls a healthy
			// account-region needed in it.
			calls := fake.AnsweredIn(simAccount(accounts/2), simRegions[1])
			for op, n := range healthy {
				calls[op] -= n
			}
			bound, busiest := rateBound(fake, calls)
			b.Logf("%s: %d calls (%d DescribeTaskDefinition), wall %v, rate-limit bound %v (%s), ratio %.2f", run,
				fake.TotalCalls()-before, fake.Calls()["ecs:DescribeTaskDefinition"]-tdBefore, wall.Round(time.Millisecond),
				bound, busiest, wall.Seconds()/math.Max(bound.Seconds(), 1e-9))
		}
		fake.Close()
	}
}
