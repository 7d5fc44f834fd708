package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	elbtypes "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/types"

	"github.com/ecs2fargate/ecs2fargate/internal/awsfake"
	"github.com/ecs2fargate/ecs2fargate/internal/migrate"
)

const (
	migOldTG    = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0000000000000001"
	migLB       = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/shop/0000000000000001"
	migListener = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/shop/0000000000000001/0000000000000001"
)

// migrateEstate is one EC2-launch-type service behind an ALB whose
// listener's default action forwards to its instance target group, with
// two healthy targets; an already-Fargate service beside it.
func migrateEstate(t *testing.T) (*awsfake.Server, *awsfake.Estate) {
	t.Helper()
	fake := liveEnv(t)
	e := awsfake.Generate(awsfake.DefaultAccount, "us-east-1", awsfake.Shape{Clusters: 1, Services: 1, TaskDefinitions: 1, Instances: 1})
	svc := &e.Services["cluster-00"][0]
	svc.LoadBalancers = []ecstypes.LoadBalancer{{TargetGroupArn: aws.String(migOldTG), ContainerName: aws.String("app"), ContainerPort: aws.Int32(8080)}}
	svc.Deployments = []ecstypes.Deployment{{Id: aws.String("ecs-svc/0"), Status: aws.String("PRIMARY"), TaskDefinition: svc.TaskDefinition, RolloutState: ecstypes.DeploymentRolloutStateCompleted}}
	fargate := *svc
	fargate.ServiceName, fargate.ServiceArn = aws.String("already"), aws.String("arn:aws:ecs:us-east-1:123456789012:service/cluster-00/already")
	fargate.LaunchType, fargate.LoadBalancers = ecstypes.LaunchTypeFargate, nil
	e.Services["cluster-00"] = append(e.Services["cluster-00"], fargate)
	// A service whose task definition the audit blocks (privileged).
	blockedTD := "arn:aws:ecs:us-east-1:123456789012:task-definition/priv:1"
	def := e.TaskDefinitions[aws.ToString(svc.TaskDefinition)].Def
	def.TaskDefinitionArn, def.Family = aws.String(blockedTD), aws.String("priv")
	def.ContainerDefinitions = append([]ecstypes.ContainerDefinition(nil), def.ContainerDefinitions...)
	def.ContainerDefinitions[0].Privileged = aws.Bool(true)
	e.TaskDefinitions[blockedTD] = awsfake.TaskDefinition{Def: def}
	blocked := fargate
	blocked.ServiceName, blocked.ServiceArn = aws.String("blocked"), aws.String("arn:aws:ecs:us-east-1:123456789012:service/cluster-00/blocked")
	blocked.LaunchType, blocked.TaskDefinition = ecstypes.LaunchTypeEc2, aws.String(blockedTD)
	e.Services["cluster-00"] = append(e.Services["cluster-00"], blocked)
	e.TargetGroups = []elbtypes.TargetGroup{{TargetGroupArn: aws.String(migOldTG), TargetGroupName: aws.String("web"), Protocol: elbtypes.ProtocolEnumHttp,
		Port: aws.Int32(80), VpcId: aws.String("vpc-1"), TargetType: elbtypes.TargetTypeEnumInstance, HealthCheckPath: aws.String("/health")}}
	forward := []elbtypes.Action{{Type: elbtypes.ActionTypeEnumForward, TargetGroupArn: aws.String(migOldTG)}}
	e.Listeners = []elbtypes.Listener{{ListenerArn: aws.String(migListener), LoadBalancerArn: aws.String(migLB), Port: aws.Int32(80), DefaultActions: forward}}
	e.Rules = map[string][]elbtypes.Rule{migListener: {{RuleArn: aws.String(migListener + "/default"), IsDefault: aws.Bool(true), Priority: aws.String("default"), Actions: forward}}}
	e.Targets = map[string][]elbtypes.TargetHealthDescription{}
	e.Targets[migOldTG] = []elbtypes.TargetHealthDescription{{Target: &elbtypes.TargetDescription{Id: aws.String("i-1"), Port: aws.Int32(32768)},
		TargetHealth: &elbtypes.TargetHealth{State: elbtypes.TargetHealthStateEnumHealthy}}}
	fake.Put(awsfake.DefaultAccount, "us-east-1", e)
	// The listener forwards to a group with healthy targets at every call.
	fake.OnCall = func(op string) {
		fake.Inspect(func() {
			for rule, groups := range e.ServingTargetGroups() {
				if len(groups) == 0 {
					t.Errorf("before %s: listener rule %s forwards to no target group with healthy targets", op, rule)
				}
			}
		})
	}
	return fake, e
}

var migrateArgs = []string{"migrate", "--aws", "--quiet", "--subnets", "subnet-0aus-east-1,subnet-0bus-east-1", "--security-groups", "sg-1", "--poll", "1ms"}

func TestMigrateDryRunMakesNoWriteCall(t *testing.T) {
	fake, _ := migrateEstate(t)
	journal := filepath.Join(t.TempDir(), "j.json")
	code, stdout, stderr := runCLI(t, "", append(migrateArgs, "--journal", journal)...)
	if code != exitOK || !strings.Contains(stdout, "service cluster-00/svc-00000 (in place)") || !strings.Contains(stdout, "Update the service to Fargate") {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	if !strings.Contains(stderr, "not moved: cluster-00/already: already on Fargate") || !strings.Contains(stderr, "not moved: cluster-00/blocked: no request was written: task definition priv:1 was not rewritten") {
		t.Errorf("the Fargate and the blocked service are not named as left alone:\n%s", stderr)
	}
	for op := range fake.Calls() {
		name := op[strings.IndexByte(op, ':')+1:]
		if !strings.HasPrefix(name, "Describe") && !strings.HasPrefix(name, "List") && !strings.HasPrefix(name, "Get") {
			t.Errorf("dry run called %s", op)
		}
	}
	if _, err := os.Stat(journal); err == nil {
		t.Errorf("dry run wrote a journal")
	}
}

func readJournal(t *testing.T, path string) *migrate.Journal {
	t.Helper()
	j, err := migrate.LoadJournal(path)
	if err != nil {
		t.Fatal(err)
	}
	return j
}

func TestMigrateMovesTheServiceBehindTheALBWithoutDowntime(t *testing.T) {
	fake, e := migrateEstate(t)
	journal := filepath.Join(t.TempDir(), "j.json")
	code, _, stderr := runCLI(t, "", append(migrateArgs, "--journal", journal, "--yes")...)
	if code != exitPartial || !strings.Contains(stderr, "lacks the FARGATE capacity provider(s): run with --create-prerequisites") {
		t.Fatalf("without --create-prerequisites: exit %d\n%s", code, stderr)
	}
	if fake.Calls()["ecs:UpdateService"] != 0 {
		t.Fatalf("a service moved although its preconditions failed")
	}
	// The same journal resumed with --create-prerequisites goes on.
	code, _, stderr = runCLI(t, "", "migrate", "--resume", journal, "--yes", "--create-prerequisites", "--poll", "1ms")
	if code != exitOK || !strings.Contains(stderr, "1 moved, 0 rolled back, 0 need a person") || !strings.Contains(stderr, "old target group left for you to delete: "+migOldTG) {
		t.Fatalf("exit %d\n%s\n%s", code, stderr, fake.CallSummary())
	}
	fake.Inspect(func() {
		svc := e.Services["cluster-00"][0]
		if len(svc.CapacityProviderStrategy) != 1 || aws.ToString(svc.CapacityProviderStrategy[0].CapacityProvider) != "FARGATE" ||
			!strings.HasSuffix(aws.ToString(svc.TaskDefinition), "app-000:2") || svc.NetworkConfiguration == nil ||
			svc.DeploymentConfiguration == nil || !svc.DeploymentConfiguration.DeploymentCircuitBreaker.Rollback {
			t.Errorf("service after migrate: %+v", svc)
		}
		if len(svc.LoadBalancers) != 1 || strings.Contains(aws.ToString(svc.LoadBalancers[0].TargetGroupArn), "REPLACE-ME") || aws.ToString(svc.LoadBalancers[0].TargetGroupArn) == migOldTG {
			t.Errorf("load balancers after migrate: %+v", svc.LoadBalancers)
		}
		acts := e.Listeners[0].DefaultActions
		if len(acts) != 1 || aws.ToString(acts[0].TargetGroupArn) != aws.ToString(svc.LoadBalancers[0].TargetGroupArn) {
			t.Errorf("listener after migrate: %+v", acts)
		}
		if other := e.Services["cluster-00"][1]; other.TaskDefinition == nil || !strings.HasSuffix(*other.TaskDefinition, ":1") || other.LaunchType != ecstypes.LaunchTypeFargate {
			t.Errorf("the already-Fargate service was touched: %+v", other)
		}
		if b := e.Services["cluster-00"][2]; aws.ToString(b.TaskDefinition) != "arn:aws:ecs:us-east-1:123456789012:task-definition/priv:1" || b.LaunchType != ecstypes.LaunchTypeEc2 || b.NetworkConfiguration != nil || len(b.Deployments) != 1 {
			t.Errorf("the blocked service was touched: %+v", b)
		}
	})
	j := readJournal(t, journal)
	for _, u := range j.Units {
		for _, s := range u.Steps {
			if s.Status != "done" || s.Started == nil || s.Finished == nil {
				t.Errorf("%s step %d %q: %s", u.Name(), s.N, s.Title, s.Status)
			}
		}
	}
	// A second run of the journal repeats nothing.
	before := fake.Calls()["ecs:UpdateService"]
	code, _, stderr = runCLI(t, "", "migrate", "--resume", journal, "--yes", "--poll", "1ms")
	if code != exitOK || fake.Calls()["ecs:UpdateService"] != before {
		t.Errorf("resume of a finished journal: exit %d, UpdateService %d → %d\n%s", code, before, fake.Calls()["ecs:UpdateService"], stderr)
	}
	// --rollback puts the listener, the service and the groups back.
	code, _, stderr = runCLI(t, "", "migrate", "--rollback", journal, "--yes", "--poll", "1ms")
	if code != exitPartial || !strings.Contains(stderr, "0 moved, 1 rolled back") {
		t.Fatalf("rollback: exit %d\n%s", code, stderr)
	}
	fake.Inspect(func() {
		svc := e.Services["cluster-00"][0]
		if svc.LaunchType != ecstypes.LaunchTypeEc2 || len(svc.CapacityProviderStrategy) != 0 || !strings.HasSuffix(aws.ToString(svc.TaskDefinition), "app-000:1") ||
			aws.ToString(svc.LoadBalancers[0].TargetGroupArn) != migOldTG {
			t.Errorf("service after rollback: %+v", svc)
		}
		if acts := e.Listeners[0].DefaultActions; len(acts) != 1 || aws.ToString(acts[0].TargetGroupArn) != migOldTG {
			t.Errorf("listener after rollback: %+v", acts)
		}
		if len(e.TargetGroups) != 1 {
			t.Errorf("target groups after rollback: %d", len(e.TargetGroups))
		}
	})
}

func TestMigrateDeploymentFailingItsCircuitBreakerIsRolledBack(t *testing.T) {
	fake, e := migrateEstate(t)
	e.FailDeployments = true
	journal := filepath.Join(t.TempDir(), "j.json")
	code, _, stderr := runCLI(t, "", append(migrateArgs, "--journal", journal, "--yes", "--create-prerequisites")...)
	if code != exitPartial || !strings.Contains(stderr, "rolled back: cluster-00/svc-00000") || !strings.Contains(stderr, "circuit breaker") {
		t.Fatalf("exit %d\n%s\n%s", code, stderr, fake.CallSummary())
	}
	fake.Inspect(func() {
		svc := e.Services["cluster-00"][0]
		if svc.LaunchType != ecstypes.LaunchTypeEc2 || aws.ToString(svc.LoadBalancers[0].TargetGroupArn) != migOldTG {
			t.Errorf("service after the failed deployment: %+v", svc)
		}
		if acts := e.Listeners[0].DefaultActions; len(acts) != 1 || aws.ToString(acts[0].TargetGroupArn) != migOldTG {
			t.Errorf("listener after the failed deployment: %+v", acts)
		}
	})
}

func TestMigrateAccessDeniedOnOneStepStopsAndRollsBack(t *testing.T) {
	fake, e := migrateEstate(t)
	fake.Inject(&awsfake.Fault{Service: "elasticloadbalancing", Op: "ModifyListener", Code: "AccessDenied", Status: 403,
		Match: func(body string) bool {
			return strings.Contains(body, "Weight=1") && strings.Contains(body, "Weight=0") && strings.Index(body, "Weight=0") < strings.Index(body, "Weight=1")
		}})
	// throttling and a 5xx on the way are retried by the SDK
	fake.Inject(&awsfake.Fault{Service: "ecs", Op: "RegisterTaskDefinition", Code: "ThrottlingException", Times: 1})
	fake.Inject(&awsfake.Fault{Service: "elasticloadbalancing", Op: "CreateTargetGroup", Code: "InternalFailure", Status: 500, Times: 1})
	journal := filepath.Join(t.TempDir(), "j.json")
	code, _, stderr := runCLI(t, "", append(migrateArgs, "--journal", journal, "--yes", "--create-prerequisites")...)
	if code != exitPartial || !strings.Contains(stderr, "AccessDenied") || !strings.Contains(stderr, "rolled back: cluster-00/svc-00000") {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	fake.Inspect(func() {
		svc := e.Services["cluster-00"][0]
		if svc.LaunchType != ecstypes.LaunchTypeEc2 || !strings.HasSuffix(aws.ToString(svc.TaskDefinition), ":1") {
			t.Errorf("service after the refused step: %+v", svc)
		}
	})
	if c := fake.Calls(); c["ecs:RegisterTaskDefinition"] != 2 || c["elasticloadbalancing:CreateTargetGroup"] != 2 {
		t.Errorf("the throttled and the 5xx call were not retried once each:\n%s", fake.CallSummary())
	}
	var j struct {
		Units []struct{ Steps []json.RawMessage }
	}
	b, _ := os.ReadFile(journal)
	if json.Unmarshal(b, &j) != nil || len(j.Units) != 2 {
		t.Errorf("journal: %s", b)
	}
}

// An interruption after any step of the service (or of the preconditions)
// resumes from the journal without repeating a finished step, and the
// listener forwards to healthy targets throughout.
func TestMigrateResumesAfterAnInterruptionAtEachStep(t *testing.T) {
	for stop := 1; stop <= 13; stop++ { // 4 preconditions and the service's 9 steps
		t.Run(fmt.Sprint("after step ", stop), func(t *testing.T) {
			fake, e := migrateEstate(t)
			n := 0
			migrateBetweenSteps = func(*migrate.Unit, *migrate.Entry) bool { n++; return n == stop }
			t.Cleanup(func() { migrateBetweenSteps = nil })
			journal := filepath.Join(t.TempDir(), "j.json")
			code, _, stderr := runCLI(t, "", append(migrateArgs, "--journal", journal, "--yes", "--create-prerequisites")...)
			if n < stop {
				t.Fatalf("the plan has %d steps, not 13", n)
			}
			if code != exitPartial || !strings.Contains(stderr, "migrate interrupted: go on with --resume") {
				t.Fatalf("interrupted run: exit %d\n%s", code, stderr)
			}
			migrateBetweenSteps = nil
			code, _, stderr = runCLI(t, "", "migrate", "--resume", journal, "--yes", "--create-prerequisites", "--poll", "1ms")
			if code != exitOK || !strings.Contains(stderr, "1 moved") {
				t.Fatalf("resume: exit %d\n%s", code, stderr)
			}
			calls := fake.Calls()
			for _, op := range []string{"ecs:RegisterTaskDefinition", "ecs:UpdateService", "elasticloadbalancing:CreateTargetGroup", "ecs:PutClusterCapacityProviders"} {
				if calls[op] != 1 {
					t.Errorf("%s called %d times over the two runs; want once", op, calls[op])
				}
			}
			fake.Inspect(func() {
				if svc := e.Services["cluster-00"][0]; len(svc.CapacityProviderStrategy) != 1 || !strings.HasSuffix(aws.ToString(svc.TaskDefinition), ":2") {
					t.Errorf("service after resume: %+v", svc)
				}
			})
		})
	}
}

func TestIAMPolicyMigrate(t *testing.T) {
	code, stdout, _ := runCLI(t, "", "iam-policy", "--migrate")
	if code != exitOK || stdout != string(migrate.IAMPolicy()) || !strings.Contains(stdout, "ecs:UpdateService") {
		t.Errorf("exit %d\n%s", code, stdout)
	}
}

// --rollback after an interruption at any step puts the service, the
// listener and the target groups back as they were, with the listener
// forwarding to healthy targets throughout (migrateEstate checks).
func TestMigrateRollbackFromEachStep(t *testing.T) {
	for stop := 1; stop <= 9; stop++ {
		t.Run(fmt.Sprint("after service step ", stop), func(t *testing.T) {
			fake, e := migrateEstate(t)
			migrateBetweenSteps = func(u *migrate.Unit, e *migrate.Entry) bool { return u.Service != "" && e.N == stop }
			t.Cleanup(func() { migrateBetweenSteps = nil })
			journal := filepath.Join(t.TempDir(), "j.json")
			runCLI(t, "", append(migrateArgs, "--journal", journal, "--yes", "--create-prerequisites")...)
			migrateBetweenSteps = nil
			code, _, stderr := runCLI(t, "", "migrate", "--rollback", journal, "--yes", "--poll", "1ms")
			if code != exitPartial || !strings.Contains(stderr, "1 rolled back, 0 need a person") {
				t.Fatalf("rollback: exit %d\n%s\n%s", code, stderr, fake.CallSummary())
			}
			fake.Inspect(func() {
				svc := e.Services["cluster-00"][0]
				if svc.LaunchType != ecstypes.LaunchTypeEc2 || len(svc.CapacityProviderStrategy) != 0 || !strings.HasSuffix(aws.ToString(svc.TaskDefinition), ":1") ||
					aws.ToString(svc.LoadBalancers[0].TargetGroupArn) != migOldTG {
					t.Errorf("service after rollback: %+v", svc)
				}
				if acts := e.Listeners[0].DefaultActions; len(acts) != 1 || aws.ToString(acts[0].TargetGroupArn) != migOldTG || acts[0].ForwardConfig != nil {
					t.Errorf("listener after rollback: %+v", acts)
				}
				if len(e.TargetGroups) != 1 {
					t.Errorf("%d target groups after rollback; want the old one alone", len(e.TargetGroups))
				}
			})
		})
	}
}

// A service whose desired count changed since the inputs were read is not
// touched; nor is one already on Fargate by the time it is re-read.
func TestMigrateStopsWhenTheServiceChangedSinceThePlan(t *testing.T) {
	dir := t.TempDir()
	fake, e := migrateEstate(t)
	snap := filepath.Join(dir, "estate.json")
	if code, _, stderr := runCLI(t, "", "snapshot", "--aws", "--quiet", "--out", snap); code != exitOK {
		t.Fatalf("snapshot: %d %s", code, stderr)
	}
	fake.Inspect(func() { e.Services["cluster-00"][0].DesiredCount = 5 })
	args := []string{"migrate", "--subnets", "subnet-0aus-east-1,subnet-0bus-east-1", "--security-groups", "sg-1", "--poll", "1ms", "--yes", "--create-prerequisites", "--journal", filepath.Join(dir, "j.json"), snap}
	code, _, stderr := runCLI(t, "", args...)
	if code != exitPartial || !strings.Contains(stderr, "changed since the plan: desired count 5, planned with 2") {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if n := fake.Calls()["ecs:UpdateService"] + fake.Calls()["ecs:RegisterTaskDefinition"]; n != 0 {
		t.Errorf("%d writes to the changed service", n)
	}
	// Inputs older than --max-age are refused before anything is read.
	old := time.Now().Add(-2 * time.Hour)
	os.Chtimes(snap, old, old)
	code, _, stderr = runCLI(t, "", args...)
	if code != exitError || !strings.Contains(stderr, "more than --max-age 1h0m0s") {
		t.Errorf("old inputs: exit %d\n%s", code, stderr)
	}
}

// Two services move at once with --concurrency 2; a deployment that never
// completes runs out of --timeout and is rolled back (wherever the timeout
// falls, the outcome is the same: the service back as it was).
func TestMigrateConcurrencyAndTimeout(t *testing.T) {
	fake := liveEnv(t)
	e := awsfake.Generate(awsfake.DefaultAccount, "us-east-1", awsfake.Shape{Clusters: 1, Services: 2, TaskDefinitions: 2, Instances: 1})
	settled(e)
	fake.Put(awsfake.DefaultAccount, "us-east-1", e)
	args := []string{"migrate", "--aws", "--quiet", "--subnets", "subnet-0aus-east-1", "--security-groups", "sg-1", "--poll", "1ms", "--yes", "--create-prerequisites", "--concurrency", "2"}
	code, _, stderr := runCLI(t, "", append(args, "--spot-weight", "3", "--journal", filepath.Join(t.TempDir(), "j.json"))...)
	if code != exitOK || !strings.Contains(stderr, "2 moved, 0 rolled back") {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	fake.Inspect(func() {
		if cps := e.Clusters[0].CapacityProviders; !slices.Contains(cps, "FARGATE_SPOT") || !slices.Contains(cps, "FARGATE") {
			t.Errorf("--spot-weight: cluster capacity providers %v", cps)
		}
		for _, svc := range e.Services["cluster-00"] {
			if len(svc.CapacityProviderStrategy) != 2 {
				t.Errorf("--spot-weight: %s strategy %+v", aws.ToString(svc.ServiceName), svc.CapacityProviderStrategy)
			}
		}
	})

	fake = liveEnv(t)
	e = awsfake.Generate(awsfake.DefaultAccount, "us-east-1", awsfake.Shape{Clusters: 1, Services: 1, TaskDefinitions: 1, Instances: 1})
	settled(e)
	e.StallDeployments = true
	fake.Put(awsfake.DefaultAccount, "us-east-1", e)
	code, _, stderr = runCLI(t, "", append(args, "--timeout", "1s", "--journal", filepath.Join(t.TempDir(), "j.json"))...)
	if code != exitPartial || !strings.Contains(stderr, "rolled back: cluster-00/svc-00000") || !strings.Contains(stderr, "deadline exceeded") {
		t.Fatalf("stalled deployment: exit %d\n%s", code, stderr)
	}
	fake.Inspect(func() {
		if svc := e.Services["cluster-00"][0]; svc.LaunchType != ecstypes.LaunchTypeEc2 || !strings.HasSuffix(aws.ToString(svc.TaskDefinition), ":1") {
			t.Errorf("service after the timeout: %+v", svc)
		}
	})
}

// settled gives each service the one completed deployment DescribeServices
// shows for a service at rest.
func settled(e *awsfake.Estate) {
	for _, svcs := range e.Services {
		for i := range svcs {
			svcs[i].Deployments = []ecstypes.Deployment{{Id: aws.String(fmt.Sprint("ecs-svc/", i)), Status: aws.String("PRIMARY"),
				TaskDefinition: svcs[i].TaskDefinition, RolloutState: ecstypes.DeploymentRolloutStateCompleted}}
		}
	}
}

// Ctrl-C in the middle of a step (here while waiting for the new targets)
// leaves the step to run again: --resume finishes the move, the listener
// forwarding to healthy targets throughout.
func TestMigrateCtrlCDuringAStepResumes(t *testing.T) {
	fake, e := migrateEstate(t)
	check := fake.OnCall
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	fake.OnCall = func(op string) {
		check(op)
		if op == "elasticloadbalancing:DescribeTargetHealth" {
			cancel()
		}
	}
	journal := filepath.Join(t.TempDir(), "j.json")
	code, _, stderr := runCLIContext(t, ctx, "", append(migrateArgs, "--journal", journal, "--yes", "--create-prerequisites")...)
	if code != exitPartial || !strings.Contains(stderr, "migrate interrupted") {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	fake.OnCall = check
	code, _, stderr = runCLI(t, "", "migrate", "--resume", journal, "--yes", "--poll", "1ms")
	if code != exitOK || !strings.Contains(stderr, "1 moved") || fake.Calls()["ecs:UpdateService"] != 1 {
		t.Fatalf("resume: exit %d\n%s\n%s", code, stderr, fake.CallSummary())
	}
	fake.Inspect(func() {
		if acts := e.Listeners[0].DefaultActions; len(acts) != 1 || aws.ToString(acts[0].TargetGroupArn) == migOldTG {
			t.Errorf("listener after resume: %+v", acts)
		}
	})
}

// Every step of the demo fleet's runbook carries its typed action, and
// migrate carries out every kind an in-place move uses: the runbook and
// migrate walk one plan.
func TestMigrateCarriesOutEveryRunbookStep(t *testing.T) {
	p := demoPlan(t)
	moved := 0
	for _, g := range p.Groups {
		for _, s := range g.Preconditions {
			if !migrate.CarriesOut(s.Action.Kind) {
				t.Errorf("precondition %q: kind %q not carried out by migrate", s.Title, s.Action.Kind)
			}
		}
		for _, sp := range g.Services {
			for _, s := range sp.Steps {
				if s.Action.Kind == "" {
					t.Errorf("%s/%s step %q has no action", sp.Cluster, sp.Service, s.Title)
				}
				if sp.How == "in place" && !migrate.CarriesOut(s.Action.Kind) {
					t.Errorf("%s/%s step %q: kind %q not carried out by migrate", sp.Cluster, sp.Service, s.Title, s.Action.Kind)
				}
			}
			if sp.How == "in place" {
				moved++
			}
		}
	}
	if moved == 0 {
		t.Fatal("the demo plan moves no service in place")
	}
}

// --service and --cluster select; --no-rollback leaves a failed service as
// it is, for a person.
func TestMigrateSelectionAndNoRollback(t *testing.T) {
	fake, e := migrateEstate(t)
	code, stdout, stderr := runCLI(t, "", append(migrateArgs, "--cluster", "other")...)
	if code != exitOK || strings.Contains(stdout, "service cluster-00/") || !strings.Contains(stderr, "no service to move") {
		t.Errorf("--cluster other: exit %d\n%s\n%s", code, stdout, stderr)
	}
	code, stdout, _ = runCLI(t, "", append(migrateArgs, "--service", "cluster-00/svc-00000")...)
	if code != exitOK || !strings.Contains(stdout, "service cluster-00/svc-00000") {
		t.Errorf("--service cluster-00/svc-00000: exit %d\n%s", code, stdout)
	}
	var updated atomic.Bool
	check := fake.OnCall
	fake.OnCall = func(op string) {
		check(op)
		if op == "ecs:UpdateService" {
			updated.Store(true)
		}
	}
	fake.Inject(&awsfake.Fault{Service: "ecs", Op: "DescribeServices", Code: "AccessDeniedException",
		Match: func(string) bool { return updated.Load() }})
	code, _, stderr = runCLI(t, "", append(migrateArgs, "--journal", filepath.Join(t.TempDir(), "j.json"), "--yes", "--create-prerequisites", "--no-rollback")...)
	if code != exitPartial || !strings.Contains(stderr, "needs a person: cluster-00/svc-00000 (failed)") || strings.Contains(stderr, "undo step") {
		t.Fatalf("--no-rollback: exit %d\n%s", code, stderr)
	}
	fake.Inspect(func() {
		if svc := e.Services["cluster-00"][0]; len(svc.CapacityProviderStrategy) != 1 {
			t.Errorf("--no-rollback undid the update: %+v", svc)
		}
	})
}
