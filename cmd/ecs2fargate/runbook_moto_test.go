package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/testtool"
)

// awsCLI runs the AWS CLI against moto and returns its standard output.
type awsCLI struct {
	t   *testing.T
	bin string
	env []string
}

func (a awsCLI) run(args ...string) string {
	a.t.Helper()
	return a.as("text", args...)
}

func (a awsCLI) as(output string, args ...string) string {
	a.t.Helper()
	cmd := exec.Command(a.bin, append(args, "--region", "us-east-1", "--output", output)...)
	cmd.Env = a.env
	out, err := cmd.CombinedOutput()
	if err != nil {
		a.t.Fatalf("aws %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// write saves a describe call's JSON output as an input file of the rewrite.
func (a awsCLI) write(path string, args ...string) {
	a.t.Helper()
	cmd := exec.Command(a.bin, append(args, "--region", "us-east-1", "--output", "json")...)
	cmd.Env = a.env
	out, err := cmd.Output()
	if err != nil {
		a.t.Fatalf("aws %s: %v", strings.Join(args, " "), err)
	}
	if err := os.WriteFile(path, out, 0o644); err != nil {
		a.t.Fatal(err)
	}
}

// TestRunbookAgainstMoto seeds an EC2-launch-type service behind an ALB in
// moto with the AWS CLI, rewrites it from the describe output, runs the
// generated runbook.sh with the real AWS CLI, and checks the end state:
// the service on the FARGATE capacity provider with the new ip target
// group, the listener forwarding to that group alone. Then --undo must put
// the listener, the service and the cluster back. moto runs no tasks, so
// the two `wait` steps (services-stable, target-in-service) cannot succeed
// there: a shim in front of the AWS CLI skips `aws … wait …` and logs it;
// every other command reaches moto.
func TestRunbookAgainstMoto(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("runbook.sh is a bash script; this test runs it on Linux and macOS")
	}
	if raceEnabled {
		// Its time is the AWS CLI's (about 80 calls), which -race does not
		// instrument; .ci/run runs it in the pass without -race.
		t.Skip("runs in the test pass without -race (the race detector sees nothing of a shell script's AWS CLI calls)")
	}
	bash := testtool.Path(t, "bash", "the runbook.sh test against moto", "bash")
	awsBin := testtool.Path(t, "aws", "the runbook.sh test against moto (the AWS CLI)", "aws")
	m := seedMotoALB(t, awsBin, "the runbook.sh test against moto")
	a, env := m.cli, m.env
	s1, s2, sg, oldTG, listener := m.subnets[0], m.subnets[1], m.sg, m.oldTG, m.listener

	in := t.TempDir()
	a.write(filepath.Join(in, "clusters.json"), "ecs", "describe-clusters", "--clusters", "shop")
	a.write(filepath.Join(in, "services.json"), "ecs", "describe-services", "--cluster", "shop", "--services", "web")
	a.write(filepath.Join(in, "taskdef.json"), "ecs", "describe-task-definition", "--task-definition", "web:1")
	a.write(filepath.Join(in, "target-groups.json"), "elbv2", "describe-target-groups")

	out := filepath.Join(t.TempDir(), "out")
	code, _, errOut := runCLI(t, "", "rewrite", "--out", out, "--subnets", s1+","+s2, "--security-groups", sg, in)
	if code != exitOK && code != exitFindings {
		t.Fatalf("rewrite exit %d: %s", code, errOut)
	}
	book, _ := os.ReadFile(filepath.Join(out, "RUNBOOK.md"))
	if !strings.Contains(string(book), "### shop/web (in place)") {
		t.Fatalf("RUNBOOK.md does not move shop/web in place:\n%s\n%s", book, errOut)
	}

	shim := t.TempDir()
	waits := filepath.Join(shim, "waits.log")
	os.WriteFile(filepath.Join(shim, "aws"), []byte("#!/bin/sh\nif [ \"$2\" = wait ]; then echo \"$*\" >> "+waits+"; exit 0; fi\nexec "+awsBin+" \"$@\"\n"), 0o755)
	runEnv := append(env, "PATH="+shim+string(os.PathListSeparator)+os.Getenv("PATH"), "PROFILE_123456789012=e2f")
	script := func(args ...string) {
		t.Helper()
		cmd := exec.Command(bash, append([]string{filepath.Join(out, "runbook.sh")}, args...)...)
		cmd.Env = runEnv
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("runbook.sh %s: %v\n%s", strings.Join(args, " "), err, b)
		}
	}
	script()

	var svc []struct {
		TaskDefinition           string
		CapacityProviderStrategy []struct{ CapacityProvider string }
		LoadBalancers            []struct{ TargetGroupArn string }
	}
	describe := func() {
		t.Helper()
		if err := json.Unmarshal([]byte(a.as("json", "ecs", "describe-services", "--cluster", "shop", "--services", "web", "--query",
			"services[].{TaskDefinition:taskDefinition,CapacityProviderStrategy:capacityProviderStrategy[].{CapacityProvider:capacityProvider},LoadBalancers:loadBalancers[].{TargetGroupArn:targetGroupArn}}")), &svc); err != nil || len(svc) != 1 {
			t.Fatalf("describe-services: %v %+v", err, svc)
		}
	}
	newTG := a.run("elbv2", "describe-target-groups", "--names", "web-ip", "--query", "TargetGroups[0].TargetGroupArn")
	describe()
	if got := svc[0]; len(got.CapacityProviderStrategy) != 1 || got.CapacityProviderStrategy[0].CapacityProvider != "FARGATE" ||
		len(got.LoadBalancers) != 1 || got.LoadBalancers[0].TargetGroupArn != newTG || !strings.HasSuffix(got.TaskDefinition, "task-definition/web:2") {
		t.Errorf("after runbook.sh the service is %+v; want FARGATE, web:2 and target group %s", got, newTG)
	}
	forward := func() string {
		return a.run("elbv2", "describe-listeners", "--listener-arns", listener, "--query",
			"Listeners[0].DefaultActions[0].[TargetGroupArn, ForwardConfig.TargetGroups[].[TargetGroupArn,Weight]]")
	}
	if got := forward(); strings.Contains(got, oldTG) || !strings.Contains(got, newTG) {
		t.Errorf("after runbook.sh the listener forwards to %q; want %s alone", got, newTG)
	}
	if cps := a.run("ecs", "describe-clusters", "--clusters", "shop", "--query", "clusters[0].capacityProviders"); !strings.Contains(cps, "FARGATE") {
		t.Errorf("cluster capacity providers %q lack FARGATE", cps)
	}
	if w, _ := os.ReadFile(waits); !strings.Contains(string(w), "services-stable") || !strings.Contains(string(w), "target-in-service") {
		t.Errorf("the waits runbook.sh should have made (skipped by the shim): %q", w)
	}

	script("--undo")
	describe()
	if got := svc[0]; len(got.LoadBalancers) != 1 || got.LoadBalancers[0].TargetGroupArn != oldTG || !strings.HasSuffix(got.TaskDefinition, "task-definition/web:1") {
		t.Errorf("after --undo the service is %+v; want web:1 on %s", got, oldTG)
	}
	if got := forward(); !strings.Contains(got, oldTG) || strings.Contains(got, newTG) {
		t.Errorf("after --undo the listener forwards to %q; want %s alone", got, oldTG)
	}
	if n := a.run("elbv2", "describe-target-groups", "--query", "length(TargetGroups[?TargetGroupName=='web-ip'])"); n != "0" {
		t.Errorf("after --undo %s target groups named web-ip remain", n)
	}
}

// motoALB is an EC2-launch-type service "web" in cluster "shop" behind an
// ALB whose listener's default action forwards to its instance target
// group, seeded in a fresh moto with the AWS CLI.
type motoALB struct {
	cli                     awsCLI
	env                     []string
	url                     string
	subnets                 []string
	sg, oldTG, listener, lb string
}

func seedMotoALB(t *testing.T, awsBin, what string) motoALB {
	t.Helper()
	// AWS managed policies (AmazonECSTaskExecutionRolePolicy) exist in moto
	// only when asked for.
	t.Setenv("MOTO_IAM_LOAD_MANAGED_POLICIES", "true")
	url := testtool.Moto(t, what)
	home := t.TempDir()
	creds := filepath.Join(home, "credentials")
	os.WriteFile(creds, []byte("[e2f]\naws_access_key_id = testing\naws_secret_access_key = testing\n"), 0o600)
	env := append(os.Environ(), "AWS_ENDPOINT_URL="+url, "AWS_SHARED_CREDENTIALS_FILE="+creds,
		"AWS_CONFIG_FILE="+filepath.Join(home, "config"), "AWS_PROFILE=e2f", "AWS_DEFAULT_REGION=us-east-1")
	a := awsCLI{t: t, bin: awsBin, env: env}

	vpc := a.run("ec2", "create-vpc", "--cidr-block", "10.0.0.0/16", "--query", "Vpc.VpcId")
	s1 := a.run("ec2", "create-subnet", "--vpc-id", vpc, "--cidr-block", "10.0.1.0/24", "--availability-zone", "us-east-1a", "--query", "Subnet.SubnetId")
	s2 := a.run("ec2", "create-subnet", "--vpc-id", vpc, "--cidr-block", "10.0.2.0/24", "--availability-zone", "us-east-1b", "--query", "Subnet.SubnetId")
	sg := a.run("ec2", "create-security-group", "--group-name", "tasks", "--description", "tasks", "--vpc-id", vpc, "--query", "GroupId")
	lb := a.run("elbv2", "create-load-balancer", "--name", "web", "--subnets", s1, s2, "--query", "LoadBalancers[0].LoadBalancerArn")
	oldTG := a.run("elbv2", "create-target-group", "--name", "web", "--protocol", "HTTP", "--port", "80", "--vpc-id", vpc,
		"--target-type", "instance", "--health-check-path", "/health", "--query", "TargetGroups[0].TargetGroupArn")
	listener := a.run("elbv2", "create-listener", "--load-balancer-arn", lb, "--protocol", "HTTP", "--port", "80",
		"--default-actions", "Type=forward,TargetGroupArn="+oldTG, "--query", "Listeners[0].ListenerArn")
	a.run("ecs", "create-cluster", "--cluster-name", "shop")
	a.run("ecs", "register-task-definition", "--family", "web", "--network-mode", "bridge", "--requires-compatibilities", "EC2",
		"--container-definitions", `[{"name":"web","image":"public.ecr.aws/nginx/nginx:1.27","cpu":256,"memory":512,"essential":true,"portMappings":[{"containerPort":80,"hostPort":0}]}]`)
	a.run("ecs", "create-service", "--cluster", "shop", "--service-name", "web", "--task-definition", "web:1", "--desired-count", "2",
		"--launch-type", "EC2", "--load-balancers", "targetGroupArn="+oldTG+",containerName=web,containerPort=80")
	return motoALB{cli: a, env: env, url: url, subnets: []string{s1, s2}, sg: sg, oldTG: oldTG, listener: listener, lb: lb}
}
