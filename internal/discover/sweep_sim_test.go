package discover

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	orgtypes "github.com/aws/aws-sdk-go-v2/service/organizations/types"

	"github.com/ecs2fargate/ecs2fargate/internal/awsfake"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/rusage"
	"github.com/ecs2fargate/ecs2fargate/internal/testtool"
)

// The organisation sweep of issue 17, simulated: 500 accounts × 4
// regions × 50 services against the fake AWS, which throttles every API
// of every account-region with the bucket AWS documents for it.
//
// Scaled so that it runs in CI in well under a minute: every bucket's
// capacity and refill are multiplied by simScale (ECS's read bucket of 50
// tokens refilled at 20 per second becomes 1 token refilled every 2.5 s),
// so that an account-region of 50 services drains its buckets as one of
// about 2,500 does at AWS's real sizes; latency is 2 ms per call; 700
// account-regions are read at a time. The sweep makes about 30,000 calls,
// 17–25 CPU-seconds of client and fake together on this machine, and the
// rate-limit bound is 37.5 s (three waves of 10 s, the throttled
// account-region, started in the third, giving up 17.5 s later): the
// bound, not the CPU, decides the wall time on an idle two-core machine.
const (
	simAccounts = 500
	simServices = 50
	simScale    = 0.02
	simParallel = 700
	simLatency  = 2 * time.Millisecond
	simDenied   = 10 // accounts whose role cannot be assumed
)

var simRegions = []string{"ap-south-1", "eu-west-1", "sa-east-1", "us-east-1"}

// simShape is one account-region: one cluster of 50 services on 5 task
// definitions, whose images share one ECR repository.
var simShape = awsfake.Shape{Clusters: 1, Services: simServices, TaskDefinitions: 5, Repositories: 1}

func simAccount(i int) string { return fmt.Sprintf("3000%08d", i) }

// newSimulation builds the fake organisation: accounts whose role can be
// assumed except the first simDenied, one account-region (the last
// account's first region, ap-south-1) throttled beyond any retries.
func newSimulation(accounts int, shape awsfake.Shape) (*awsfake.Server, string) {
	fake := awsfake.New()
	fake.Latency = simLatency
	fake.Limits = &awsfake.Limits{Scale: simScale, Services: []string{"ecs", "ecr", "ec2", "elasticloadbalancing", "monitoring"}}
	org := map[string]orgtypes.AccountState{}
	for a := 0; a < accounts; a++ {
		acct := simAccount(a)
		org[acct] = orgtypes.AccountStateActive
		for _, r := range simRegions {
			fake.Put(acct, r, awsfake.Generate(acct, r, shape))
		}
		if a >= simDenied {
			fake.AllowRole("arn:aws:iam::" + acct + ":role/Audit")
		}
	}
	fake.Organization(org)
	throttled := simAccount(accounts-1) + "/" + simRegions[0]
	fake.Overwhelm(simAccount(accounts-1), simRegions[0])
	return fake, throttled
}

// rateBound is the least time any client can take to make these calls
// in one account-region, given the fake's buckets: per bucket, the calls
// beyond its capacity at its refill rate; the busiest bucket decides.
func rateBound(fake *awsfake.Server, calls map[string]int) (time.Duration, string) {
	var bound time.Duration
	var busiest string
	for op, n := range calls {
		service, action, _ := strings.Cut(op, ":")
		name, r := fake.Limits.Bucket(service, action)
		if d := time.Duration(float64(max(0, n-r.Burst)) / r.PerSecond * float64(time.Second)); d > bound {
			bound, busiest = d, fmt.Sprintf("%s: %d calls, %d at once then %.2f/s", name, n, r.Burst, r.PerSecond)
		}
	}
	return bound, busiest
}

// sweepBound is the least wall time of the sweep: each account-region
// takes at least its rateBound, and the sweep starts them in its order
// (targets, then regions) as places among the parallel ones free up, as
// Sweep does. A healthy account-region needs the calls the fake answered
// there (retries of throttled calls are not needed); the account-region
// throttled for ever needs every attempt its retries make before giving
// up, each after the bucket that throttled the one before has refilled a
// token. Without the throttled one the bound is healthy: the difference
// is the time the retry policy takes to give up.
func sweepBound(fake *awsfake.Server, targets []Target, parallel int, throttled string) (bound, healthy time.Duration) {
	var durations, healthyOnly []time.Duration
	for _, t := range targets {
		for _, r := range simRegions {
			if t.Account+"/"+r == throttled {
				d, _ := rateBound(fake, fake.CallsIn(t.Account, r))
				durations = append(durations, d)
				continue
			}
			d, _ := rateBound(fake, fake.AnsweredIn(t.Account, r))
			durations, healthyOnly = append(durations, d), append(healthyOnly, d)
		}
	}
	return makespan(durations, parallel), makespan(healthyOnly, parallel)
}

// makespan is when the last job ends if jobs start in order, each as
// soon as one of the parallel places is free.
func makespan(jobs []time.Duration, parallel int) time.Duration {
	free := make([]time.Duration, parallel) // when each place is free
	var end time.Duration
	for _, d := range jobs {
		i := 0
		for j := range free {
			if free[j] < free[i] {
				i = j
			}
		}
		free[i] += d
		end = max(end, free[i])
	}
	return end
}

func TestOrgSweepSimulation(t *testing.T) {
	accounts := simAccounts
	if raceDetector {
		// The race detector multiplies the CPU of every call several times:
		// the full organisation would take minutes and be CPU-bound, so
		// `go test -race` sweeps 50 accounts for the races and leaves the
		// scale and the timing to `go test`.
		accounts = 50
	}
	if s := os.Getenv("ECS2FARGATE_SIM_ACCOUNTS"); s != "" { // a smaller run while working on it
		accounts, _ = strconv.Atoi(s)
	}
	fake, throttled := newSimulation(accounts, simShape)
	defer fake.Close()
	ctx := context.Background()
	base := simConfig(fake.URL)
	targets, accountGaps, err := Targets(ctx, base, Scope{OrgRoleName: "Audit"})
	if err != nil {
		t.Fatal(err)
	}
	if len(targets) != accounts-simDenied || len(accountGaps) != simDenied {
		t.Fatalf("%d targets and %d account gaps, want %d and %d", len(targets), len(accountGaps), accounts-simDenied, simDenied)
	}
	for _, g := range accountGaps {
		if !strings.Contains(g.Reason, "AccessDenied") {
			t.Errorf("account gap without AccessDenied: %+v", g)
		}
	}

	dir := t.TempDir()
	parts := &PartDir{Dir: dir}
	var lines []Progress
	opts := Options{Regions: simRegions, Scale: simScale, AccountRegions: simParallel, Parts: parts,
		Progress: func(p Progress) {
			if n := len(lines); p.TargetsDone > 0 && (n == 0 || p.TargetsDone != lines[n-1].TargetsDone) {
				lines = append(lines, p)
			}
		}}
	start, cpu0 := time.Now(), rusage.SelfCPU()
	heapPeak := testtool.HeapPeak(10 * time.Millisecond)
	got, err := Sweep(ctx, targets, opts)
	wall, cpu, peak := time.Since(start), rusage.SelfCPU()-cpu0, heapPeak()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := parts.WriteAccountGaps(accountGaps); err != nil {
		t.Fatal(err)
	}

	// Wall time against the rate-limit bound: every account-region needs
	// at least its busiest bucket's time, and simParallel are read at a
	// time.
	perRegion, busiest := rateBound(fake, fake.AnsweredIn(simAccount(accounts/2), simRegions[0]))
	bound, healthy := sweepBound(fake, targets, simParallel, throttled)
	throttledNeeds, throttledBucket := rateBound(fake, fake.CallsIn(simAccount(accounts-1), simRegions[0]))
	ratio := wall.Seconds() / bound.Seconds()
	t.Logf("%d account-regions, %d calls: wall %v, CPU %v (client and fake), rate-limit bound %v, ratio %.2f",
		len(got), fake.TotalCalls(), wall.Round(time.Millisecond), cpu.Round(time.Millisecond), bound, ratio)
	t.Logf("bound: %v per healthy account-region (%s), %d at a time: %v for the healthy ones (ratio %.2f); the throttled one needs %v to give up (%s)",
		perRegion, busiest, simParallel, healthy, wall.Seconds()/healthy.Seconds(), throttledNeeds, throttledBucket)
	t.Logf("throttled calls (retried): %v", fake.ThrottledCalls())
	// The pacer's model of each bucket never holds more tokens than the
	// fake's, however late the answers come on a busy machine: no healthy
	// account-region is throttled (not timed, so checked always).
	for _, tg := range targets {
		for _, r := range simRegions {
			if tg.Account+"/"+r == throttled {
				continue
			}
			calls, answered := fake.CallsIn(tg.Account, r), fake.AnsweredIn(tg.Account, r)
			for op, n := range calls {
				if n != answered[op] {
					t.Errorf("%s %s: %d of %d %s calls throttled", tg.Account, r, n-answered[op], n, op)
				}
			}
		}
	}
	// The one timed check (issue 17 asks for it), as a ratio to a bound
	// computed from the fake's configuration. It holds where the bound
	// decides the time, that is when nothing else runs: in `go test ./...`
	// other packages' tests share the cores and the CPU decides it instead.
	// So it is checked on request (E2F_SWEEP_TIMING=1, the command in
	// docs/benchmarks.md "Issue 17: org sweep"), and otherwise reported as
	// not checked in $E2F_SKIP_LOG, which .ci/run prints.
	if load, cores := loadAverage(), runtime.NumCPU(); raceDetector || os.Getenv(sweepTimingEnv) != "1" {
		testtool.NotChecked(t, "wall time within 1.25× the rate-limit bound (ratio %.2f, load average %.1f on %d cores): checked only with %s=1 and without the race detector, on a machine doing nothing else", ratio, load, cores, sweepTimingEnv)
	} else if ratio > 1.25 {
		t.Errorf("the sweep took %.2f× the rate-limit bound, want at most 1.25× (wall %v, bound %v; load average %.1f on %d cores)", ratio, wall, bound, load, cores)
	}
	if ratio < 0.95 {
		t.Errorf("the sweep beat the rate-limit bound (%.2f×): the fake's buckets are not throttling", ratio)
	}

	// Memory within issue 17's bound for the services swept: each
	// account-region's snapshot is written as it completes and let go. The
	// figure is the whole test process's heap (live objects and garbage
	// not yet swept), the fake's answers included, so it overstates the
	// client's: the binary alone, as a process against cmd/awsfake, is
	// measured in docs/benchmarks.md "Issue 17: org sweep".
	if services := (len(got) - 1) * simServices; peak > sweepHeapBase+sweepHeapPerService*uint64(services) {
		t.Errorf("the sweep's heap (client and fake) peaked at %d MB, over the bound of %d MB + %d bytes × %d services", peak>>20, sweepHeapBase>>20, sweepHeapPerService, services)
	} else {
		t.Logf("heap peak %d MB for %d services, client and fake together (bound %d MB)", peak>>20, services, (sweepHeapBase+sweepHeapPerService*uint64(services))>>20)
	}

	// Progress: a line per account-region, the last saying all are done.
	if n := len(lines); n != len(got) || lines[n-1].TargetsDone != len(got) || lines[n-1].Services != (len(got)-1)*simServices {
		t.Errorf("%d progress lines, last %+v; want %d, all done, %d services", len(lines), lines[len(lines)-1], len(got), (len(got)-1)*simServices)
	}

	// Every account-region has its part; the throttled one is partial and
	// says so, and the directory holds the denied accounts' gaps too.
	for _, p := range got {
		switch {
		case p.Path == "":
			t.Errorf("no part for %s %s", p.Account, p.Region)
		case p.Account+"/"+p.Region == throttled && (p.Gaps != 1 || !strings.HasSuffix(p.Path, ".partial.json")):
			t.Errorf("throttled account-region: %+v", p)
		case p.Account+"/"+p.Region != throttled && p.Gaps != 0:
			t.Errorf("gaps in %+v", p)
		}
	}
	// The gaps, as an audit of the directory reads them: loading the files
	// that hold gaps (the partial account-region and the accounts file) is
	// enough; the whole directory is 97,950 services.
	var withGaps []string
	for _, p := range got {
		if p.Gaps > 0 {
			withGaps = append(withGaps, p.Path)
		}
	}
	f, diags := fleet.Load(ctx, append(withGaps, filepath.Join(dir, accountsPart)), nil)
	if fleet.HasErrors(diags) {
		t.Fatalf("loading the parts with gaps: %v", diags[0])
	}
	denied, throttledGaps := 0, 0
	for _, g := range f.Gaps {
		switch {
		case strings.Contains(g.Reason, "sts:AssumeRole") && strings.Contains(g.Reason, "AccessDenied"):
			denied++
		case strings.Contains(g.Reason, "ThrottlingException"):
			throttledGaps++
		}
	}
	if denied != simDenied || throttledGaps != 1 || len(f.Gaps) != simDenied+1 {
		t.Errorf("gaps: %d denied accounts, %d throttled, %d in all; want %d, 1, %d:\n%+v", denied, throttledGaps, len(f.Gaps), simDenied, simDenied+1, f.Gaps)
	}
}

// The memory bound of issue 17 point 1, which point 5 asks the sweep to
// keep: a fixed base and at most 10 KB a service.
const (
	sweepHeapBase       = 64 << 20
	sweepHeapPerService = 10_000
)

// sweepTimingEnv asks TestOrgSweepSimulation to check its wall time.
const sweepTimingEnv = "E2F_SWEEP_TIMING"

// loadAverage is the machine's one-minute load average (0 where unknown).
func loadAverage() float64 {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return 0
	}
	f, _ := strconv.ParseFloat(strings.Fields(string(b))[0], 64)
	return f
}

// simConfig is the command's retries (8 attempts, the SDK's standard
// backoff) with the backoff capped at 2 s, so that the account-region
// throttled for ever gives up within seconds.
func simConfig(url string) aws.Config {
	base := testConfig(url)
	base.Retryer = func() aws.Retryer {
		return retry.NewStandard(func(o *retry.StandardOptions) { o.MaxAttempts = 8; o.MaxBackoff = 2 * time.Second })
	}
	return base
}
