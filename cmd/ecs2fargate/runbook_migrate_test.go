package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/ecs2fargate/ecs2fargate/internal/awsfake"
	"github.com/ecs2fargate/ecs2fargate/internal/testtool"
)

// movedState is what a move leaves in the estate, named by what a reader
// compares (target groups by name, not by their generated ARNs).
type movedState struct {
	Strategy, ClusterProviders, Subnets, SecurityGroups []string
	TaskDefinition, TargetGroup                         string
	ListenerForwardsTo                                  []string
	Untouched                                           []string // the other services' task definitions and launch types
}

func stateOf(fake *awsfake.Server, e *awsfake.Estate) movedState {
	var m movedState
	fake.Inspect(func() {
		name := func(arn string) string {
			for _, tg := range e.TargetGroups {
				if aws.ToString(tg.TargetGroupArn) == arn {
					return aws.ToString(tg.TargetGroupName) + "/" + string(tg.TargetType)
				}
			}
			return "?" + arn
		}
		svc := e.Services["cluster-00"][0]
		for _, s := range svc.CapacityProviderStrategy {
			m.Strategy = append(m.Strategy, aws.ToString(s.CapacityProvider))
		}
		m.ClusterProviders = slices.Clone(e.Clusters[0].CapacityProviders)
		if nc := svc.NetworkConfiguration; nc != nil && nc.AwsvpcConfiguration != nil {
			m.Subnets, m.SecurityGroups = nc.AwsvpcConfiguration.Subnets, nc.AwsvpcConfiguration.SecurityGroups
		}
		td := aws.ToString(svc.TaskDefinition)
		m.TaskDefinition = td[strings.LastIndexByte(td, '/')+1:]
		if len(svc.LoadBalancers) == 1 {
			m.TargetGroup = name(aws.ToString(svc.LoadBalancers[0].TargetGroupArn))
		}
		for _, a := range e.Listeners[0].DefaultActions {
			if a.TargetGroupArn != nil {
				m.ListenerForwardsTo = append(m.ListenerForwardsTo, name(aws.ToString(a.TargetGroupArn)))
			}
			if a.ForwardConfig != nil {
				for _, g := range a.ForwardConfig.TargetGroups {
					if aws.ToInt32(g.Weight) > 0 && !slices.Contains(m.ListenerForwardsTo, name(aws.ToString(g.TargetGroupArn))) {
						m.ListenerForwardsTo = append(m.ListenerForwardsTo, name(aws.ToString(g.TargetGroupArn)))
					}
				}
			}
		}
		for _, other := range e.Services["cluster-00"][1:] {
			m.Untouched = append(m.Untouched, aws.ToString(other.TaskDefinition)+" "+string(other.LaunchType))
		}
	})
	return m
}

// The same estate moved twice, once by migrate and once by the runbook.sh
// that `rewrite --out` writes, run with the AWS CLI against the in-repo
// fake AWS (real wire protocols; the fake's deployments run, register the
// new targets and complete, so the script's waits work as against AWS).
// Both must leave the same service, listener and cluster, and the fake's
// check that every listener rule forwards to healthy targets holds before
// every call of both.
func TestRunbookMatchesMigrate(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("runbook.sh is a bash script; this test runs it on Linux and macOS")
	}
	if raceEnabled {
		t.Skip("runs in the test pass without -race (its time is the AWS CLI's)")
	}
	bash := testtool.Path(t, "bash", "the runbook.sh and migrate comparison", "bash")
	awsBin := testtool.Path(t, "aws", "the runbook.sh and migrate comparison (the AWS CLI)", "aws")

	fakeA, estA := migrateEstate(t)
	journal := filepath.Join(t.TempDir(), "j.json")
	if code, _, stderr := runCLI(t, "", append(migrateArgs, "--journal", journal, "--yes", "--create-prerequisites")...); code != exitOK {
		t.Fatalf("migrate: exit %d\n%s", code, stderr)
	}
	want := stateOf(fakeA, estA)

	fakeB, estB := migrateEstate(t) // the environment now points at this one
	out := filepath.Join(t.TempDir(), "out")
	if code, _, stderr := runCLI(t, "", "rewrite", "--aws", "--quiet", "--out", out,
		"--subnets", "subnet-0aus-east-1,subnet-0bus-east-1", "--security-groups", "sg-1"); code != exitOK && code != exitFindings {
		t.Fatalf("rewrite: exit %d\n%s", code, stderr)
	}
	creds := filepath.Join(t.TempDir(), "credentials")
	os.WriteFile(creds, []byte("[e2f]\naws_access_key_id = AKIDTEST\naws_secret_access_key = secret\n"), 0o600)
	cmd := exec.Command(bash, filepath.Join(out, "runbook.sh"))
	cmd.Env = append(os.Environ(), "PROFILE_123456789012=e2f", "AWS_SHARED_CREDENTIALS_FILE="+creds,
		"PATH="+filepath.Dir(awsBin)+string(os.PathListSeparator)+os.Getenv("PATH"))
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("runbook.sh: %v\n%s\n%s", err, b, fakeB.CallSummary())
	}
	got := stateOf(fakeB, estB)
	t.Logf("migrate left %+v\nrunbook.sh left %+v", want, got)

	if want.TaskDefinition == "" || len(want.Strategy) == 0 {
		t.Fatalf("migrate moved nothing: %+v", want)
	}
	if !strings.HasSuffix(got.TargetGroup, "/ip") || !slices.Equal(got.ListenerForwardsTo, []string{got.TargetGroup}) {
		t.Errorf("after runbook.sh the service uses %s and the listener forwards to %v; want the new ip group alone", got.TargetGroup, got.ListenerForwardsTo)
	}
	for _, c := range []struct {
		what      string
		got, want any
	}{
		{"capacity provider strategy", got.Strategy, want.Strategy},
		{"cluster capacity providers", got.ClusterProviders, want.ClusterProviders},
		{"subnets", got.Subnets, want.Subnets},
		{"security groups", got.SecurityGroups, want.SecurityGroups},
		{"task definition", got.TaskDefinition, want.TaskDefinition},
		{"target group", got.TargetGroup, want.TargetGroup},
		{"listener", got.ListenerForwardsTo, want.ListenerForwardsTo},
		{"other services", got.Untouched, want.Untouched},
	} {
		if fmt.Sprint(c.got) != fmt.Sprint(c.want) {
			t.Errorf("%s: runbook.sh left %v, migrate %v", c.what, c.got, c.want)
		}
	}
}
