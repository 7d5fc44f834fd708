package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ecs2fargate/ecs2fargate/internal/awsfake"
)

// liveEnv points the SDK's default configuration chain at the fake, with
// static credentials and no shared config from the machine.
func liveEnv(t *testing.T) *awsfake.Server {
	t.Helper()
	fake := awsfake.New()
	t.Cleanup(fake.Close)
	t.Setenv("AWS_ENDPOINT_URL", fake.URL)
	t.Setenv("AWS_ACCESS_KEY_ID", "AKIDTEST")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "secret")
	t.Setenv("AWS_SESSION_TOKEN", "")
	t.Setenv("AWS_REGION", "us-east-1")
	t.Setenv("AWS_PROFILE", "")
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(t.TempDir(), "none"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(t.TempDir(), "none"))
	t.Setenv("AWS_RETRY_MODE", "standard")
	return fake
}

func TestAuditLive(t *testing.T) {
	fake := liveEnv(t)
	fake.Put(awsfake.DefaultAccount, "us-east-1", awsfake.Generate(awsfake.DefaultAccount, "us-east-1",
		awsfake.Shape{Clusters: 2, Services: 12, TaskDefinitions: 3, Instances: 2, LoadBalanced: 4}))
	code, stdout, stderr := runCLI(t, "", "audit", "--aws", "--quiet", "--format", "json", "--fail-on", "none")
	if code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	var report struct {
		Summary struct{ Services, TaskDefinitions int }
		Gaps    []any
	}
	if err := json.Unmarshal([]byte(stdout), &report); err != nil {
		t.Fatal(err)
	}
	if report.Summary.Services != 12 || report.Summary.TaskDefinitions != 3 || len(report.Gaps) != 0 {
		t.Errorf("summary %+v, gaps %v", report.Summary, report.Gaps)
	}
}

// What could not be read is named, the rest is reported, and the exit code
// is 3 — also when the snapshot is audited later.
func TestPartialDiscoveryExits3AndTheSnapshotKeepsTheGap(t *testing.T) {
	fake := liveEnv(t)
	fake.Put(awsfake.DefaultAccount, "us-east-1", awsfake.Generate(awsfake.DefaultAccount, "us-east-1",
		awsfake.Shape{Clusters: 2, Services: 6, TaskDefinitions: 2, Instances: 2}))
	fake.Inject(&awsfake.Fault{Service: "ecs", Op: "ListServices", Code: "AccessDeniedException",
		Match: func(body string) bool { return strings.Contains(body, "cluster-00") }})
	snap := filepath.Join(t.TempDir(), "estate.json")
	code, _, stderr := runCLI(t, "", "snapshot", "--aws", "--quiet", "--out", snap)
	if code != exitPartial || !strings.Contains(stderr, "not read: account 123456789012 region us-east-1 cluster cluster-00: ecs:ListServices: AccessDeniedException") {
		t.Fatalf("snapshot exit %d, stderr:\n%s", code, stderr)
	}
	code, stdout, _ := runCLI(t, "", "audit", "--format", "json", "--fail-on", "none", snap)
	if code != exitPartial || !strings.Contains(stdout, "AccessDeniedException") {
		t.Errorf("audit of the snapshot: exit %d", code)
	}
}

// A live read that finds no ECS resource (the wrong region, account or
// cluster name) is an error, not a clean estate.
func TestLiveEmptyEstateIsAnError(t *testing.T) {
	fake := liveEnv(t)
	fake.Put(awsfake.DefaultAccount, "us-east-1", awsfake.Generate(awsfake.DefaultAccount, "us-east-1",
		awsfake.Shape{Clusters: 1, Services: 2, TaskDefinitions: 1, Instances: 1}))
	for _, args := range [][]string{{"audit", "--aws", "--quiet", "--regions", "eu-west-1"}, {"cost", "--aws", "--quiet", "--regions", "eu-west-1"}} {
		code, stdout, stderr := runCLI(t, "", args...)
		if code != exitError || stdout != "" || !strings.Contains(stderr, "no ECS inputs found in the AWS estate read (regions eu-west-1)") {
			t.Errorf("%v: exit %d, stdout %q, stderr:\n%s", args, code, stdout, stderr)
		}
	}
}

func TestLiveBadInputs(t *testing.T) {
	liveEnv(t)
	if code, _, stderr := runCLI(t, "", "audit", "--aws", "--profile", "no-such-profile"); code != exitError || !strings.Contains(stderr, "no-such-profile") {
		t.Errorf("unknown profile: exit %d, stderr %q", code, stderr)
	}
	if code, _, stderr := runCLI(t, "", "audit", "--aws", "--role-arn", "arn:aws:iam::999999999999:role/Nope"); code != exitError || !strings.Contains(stderr, "AccessDenied") {
		t.Errorf("role: exit %d, stderr %q", code, stderr)
	}
	if code, _, _ := runCLI(t, "", "audit", "--aws", "x.json"); code != exitError {
		t.Errorf("paths with --aws: exit %d", code)
	}
	if code, _, _ := runCLI(t, "", "audit", "--aws", "--concurrency", "0"); code != exitError {
		t.Errorf("--concurrency 0: exit %d", code)
	}
}

func TestIAMPolicyCommand(t *testing.T) {
	code, stdout, _ := runCLI(t, "", "iam-policy")
	if code != exitOK || !strings.Contains(stdout, `"ecs:DescribeServices"`) {
		t.Errorf("exit %d, stdout %s", code, stdout)
	}
}

// Ctrl-C (a cancelled context) stops discovery promptly and leaves no
// file. The context is cancelled at the 10th call the fake receives, not
// after a time, so the run is interrupted mid-discovery however loaded
// the machine is; "promptly" is counted in calls: after the cancel, only
// requests already holding one of the 8 concurrency slots may still reach
// the fake.
func TestInterruptedSnapshotWritesNothing(t *testing.T) {
	const cancelAt, inFlight = 10, 8
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var calls atomic.Int32
	fake := snapshotInterrupted(t, ctx, awsfake.Shape{Clusters: 4, Services: 400, TaskDefinitions: 40, Instances: 4}, func(string) {
		if calls.Add(1) == cancelAt {
			cancel()
		}
	})
	if n := calls.Load(); n > cancelAt+inFlight {
		t.Errorf("the fake received %d calls; after the cancel at call %d at most %d more may arrive\n%s", n, cancelAt, inFlight, fake.CallSummary())
	}
}

// A run cancelled before discovery gets going (during the credentials
// check) says "interrupted" too, not the failing call's own error.
func TestInterruptedEarlySaysInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	snapshotInterrupted(t, ctx, awsfake.Shape{Clusters: 1, Services: 2, TaskDefinitions: 1, Instances: 1}, nil)
}

// snapshotInterrupted runs `snapshot --aws` under ctx against a fake
// estate of the given shape, whose every call takes 50 ms and is first
// passed to onCall (when not nil), and checks that the run says it was
// interrupted, exits 1 and writes no file.
func snapshotInterrupted(t *testing.T, ctx context.Context, shape awsfake.Shape, onCall func(op string)) *awsfake.Server {
	t.Helper()
	fake := liveEnv(t)
	fake.Put(awsfake.DefaultAccount, "us-east-1", awsfake.Generate(awsfake.DefaultAccount, "us-east-1", shape))
	fake.Latency = 50 * time.Millisecond
	fake.OnCall = onCall
	out := filepath.Join(t.TempDir(), "estate.json")
	code, _, stderr := runCLIContext(t, ctx, "", "snapshot", "--aws", "--quiet", "--out", out)
	if code != exitError || !strings.Contains(stderr, "interrupted") {
		t.Errorf("exit %d, stderr %q; want exit 1 saying interrupted", code, stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("snapshot file exists after interruption: %v", err)
	}
	return fake
}

// cost and rewrite read the estate live as audit does, and a part that
// could not be read makes them exit 3 too.
func TestCostAndRewriteLive(t *testing.T) {
	fake := liveEnv(t)
	fake.Put(awsfake.DefaultAccount, "us-east-1", awsfake.Generate(awsfake.DefaultAccount, "us-east-1",
		awsfake.Shape{Clusters: 2, Services: 6, TaskDefinitions: 2, Instances: 2, LoadBalanced: 2}))
	code, stdout, stderr := runCLI(t, "", "cost", "--aws", "--quiet", "--format", "json")
	var cost struct{ Services []struct{ Service string } }
	if code != exitOK || json.Unmarshal([]byte(stdout), &cost) != nil || len(cost.Services) != 6 {
		t.Errorf("cost --aws: exit %d, %d services, stderr:\n%s", code, len(cost.Services), stderr)
	}
	out := t.TempDir()
	code, _, stderr = runCLI(t, "", "rewrite", "--aws", "--quiet", "--force", "--out", out)
	if entries, _ := os.ReadDir(out); code == exitError || len(entries) == 0 {
		t.Errorf("rewrite --aws: exit %d, %d files, stderr:\n%s", code, len(entries), stderr)
	}
	fake.Inject(&awsfake.Fault{Service: "ecs", Op: "ListServices", Code: "AccessDeniedException",
		Match: func(body string) bool { return strings.Contains(body, "cluster-00") }})
	if code, _, stderr = runCLI(t, "", "cost", "--aws", "--quiet"); code != exitPartial {
		t.Errorf("cost --aws with a gap: exit %d, stderr:\n%s", code, stderr)
	}
	if code, _, stderr = runCLI(t, "", "rewrite", "--aws", "--quiet", "--force", "--out", t.TempDir()); code != exitPartial {
		t.Errorf("rewrite --aws with a gap: exit %d, stderr:\n%s", code, stderr)
	}
	if code, _, _ = runCLI(t, "", "cost", "--aws", "x.json"); code != exitError {
		t.Errorf("cost with paths and --aws: exit %d", code)
	}
}

// --all-regions reads every region the account has enabled; without a
// terminal, progress is plain lines on stderr, and --quiet silences it.
func TestAllRegionsAndProgressLines(t *testing.T) {
	fake := liveEnv(t)
	for _, region := range []string{"us-east-1", "eu-west-1"} {
		fake.Put(awsfake.DefaultAccount, region, awsfake.Generate(awsfake.DefaultAccount, region,
			awsfake.Shape{Clusters: 1, Services: 3, TaskDefinitions: 1, Instances: 1}))
	}
	code, stdout, stderr := runCLI(t, "", "audit", "--aws", "--all-regions", "--format", "json", "--fail-on", "none")
	var report struct{ Summary struct{ Services int } }
	if code != exitOK || json.Unmarshal([]byte(stdout), &report) != nil || report.Summary.Services != 6 {
		t.Fatalf("exit %d, services %d, stderr:\n%s", code, report.Summary.Services, stderr)
	}
	if !strings.Contains(stderr, "discovering: 2/2 account-regions") || strings.Contains(stderr, "\r") {
		t.Errorf("progress on a non-terminal should be plain lines ending at 2/2, got:\n%q", stderr)
	}
	if _, _, stderr = runCLI(t, "", "audit", "--aws", "--all-regions", "--quiet", "--fail-on", "none"); strings.Contains(stderr, "discovering") {
		t.Errorf("--quiet still printed progress:\n%s", stderr)
	}
}
