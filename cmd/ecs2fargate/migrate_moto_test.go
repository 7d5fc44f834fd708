package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/testtool"
)

// migrate against moto, a second opinion on the wire protocols of every
// write call beside our own fake: the dry run changes nothing; a run with
// --yes creates the prerequisites, registers the task definition, creates
// the ip target group, puts it in the listener and updates the service;
// moto runs no tasks, so the deployment never completes, the --timeout
// runs out, and the rollback must put the service and the listener back
// (its wait for the old targets, bounded by --timeout too, runs out as
// well: moto registers no targets).
func TestMigrateAgainstMoto(t *testing.T) {
	awsBin := testtool.Path(t, "aws", "migrate against moto (the AWS CLI seeds moto)", "aws")
	m := seedMotoALB(t, awsBin, "migrate against moto")
	a := m.cli
	for k, v := range map[string]string{"AWS_ENDPOINT_URL": m.url, "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
		"AWS_SESSION_TOKEN": "", "AWS_REGION": "us-east-1", "AWS_PROFILE": "",
		"AWS_CONFIG_FILE": filepath.Join(t.TempDir(), "none"), "AWS_SHARED_CREDENTIALS_FILE": filepath.Join(t.TempDir(), "none")} {
		t.Setenv(k, v)
	}
	service := func() string {
		return a.run("ecs", "describe-services", "--cluster", "shop", "--services", "web", "--query",
			"services[0].[taskDefinition, launchType, loadBalancers[0].targetGroupArn]")
	}
	listener := func() string {
		return a.run("elbv2", "describe-listeners", "--listener-arns", m.listener, "--query",
			"Listeners[0].DefaultActions[0].[TargetGroupArn, ForwardConfig.TargetGroups[].[TargetGroupArn,Weight]]")
	}
	before, beforeListener := service(), listener()
	args := []string{"migrate", "--aws", "--quiet", "--subnets", strings.Join(m.subnets, ","), "--security-groups", m.sg, "--poll", "1s"}

	if code, _, stderr := runCLI(t, "", args...); code != exitOK {
		t.Fatalf("dry run: exit %d\n%s", code, stderr)
	}
	if service() != before || listener() != beforeListener || a.run("elbv2", "describe-target-groups", "--query", "length(TargetGroups)") != "1" {
		t.Fatal("the dry run changed moto's estate")
	}

	journal := filepath.Join(t.TempDir(), "j.json")
	code, _, stderr := runCLI(t, "", append(args, "--yes", "--create-prerequisites", "--timeout", "20s", "--journal", journal)...)
	// moto registers no targets, so the rollback's wait for the old tasks
	// to be healthy again also runs out: the service is put back and the
	// run says a person must look.
	if code != exitPartial || !strings.Contains(stderr, "1 need a person") {
		t.Fatalf("want exit 3 with the service left to a person after the timeout: exit %d\n%s", code, stderr)
	}
	j := readJournal(t, journal)
	done := map[string]bool{}
	for _, u := range j.Units {
		for _, s := range u.Steps {
			if s.Status == "done" || s.Status == "undone" || s.Status == "undo-failed" {
				done[s.Title] = true
			}
		}
	}
	for _, want := range []string{"Register the Fargate task definition", "Update the service to Fargate"} {
		if !done[want] {
			t.Errorf("step %q never ran against moto; steps: %v\n%s", want, done, stderr)
		}
	}
	if got := service(); !strings.Contains(got, "task-definition/web:1") || !strings.Contains(got, m.oldTG) {
		t.Errorf("after the rollback the service is %q; want web:1 on %s", got, m.oldTG)
	}
	// The listener still (or again) sends every request to the old group:
	// the new one, if still there, has weight 0.
	final := listener()
	t.Logf("listener after the rollback: %q", final)
	if !strings.Contains(final, m.oldTG) {
		t.Errorf("after the rollback the listener does not forward to the old group: %q", final)
	}
	for _, line := range strings.Split(final, "\n") {
		if f := strings.Fields(line); len(f) == 2 && f[1] != "0" && f[0] != m.oldTG {
			t.Errorf("after the rollback the listener sends traffic to %s (weight %s)", f[0], f[1])
		}
	}
}
