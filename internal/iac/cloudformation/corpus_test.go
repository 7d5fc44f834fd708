package cloudformation_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Documentation the expectations below are reasoned from.
const (
	docAwsvpc      = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html"
	docRegister    = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html"
	docTaskSize    = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size"
	docCreateSvc   = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html"
	docTargetType  = "https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html (\"The default is instance\")"
	docPortMapping = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html"
	docExecRole    = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html"
	docCondition   = "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-condition.html"
)

// corpusCases give, for each public template in
// testdata/iac/cloudformation (provenance beside each), the rules that must
// and must not fire, each with the documented fact it rests on.
var corpusCases = map[string]struct {
	mustFire, mustNotFire map[string]string
}{
	"quickstart-schedule": {mustFire: map[string]string{
		"network-mode-awsvpc":     "no NetworkMode: bridge on Linux EC2, Fargate needs awsvpc " + docAwsvpc,
		"lb-target-type-ip":       "ECSTG sets no TargetType, so it is instance; awsvpc tasks register by IP " + docTargetType,
		"new-service-launch-type": "the service sets neither LaunchType nor a strategy, so it runs on the cluster's EC2 default " + docCreateSvc,
		"lb-container-port":       "bridge mode without a HostPort maps a dynamic host port " + docPortMapping,
		"requires-compat-fargate": docRegister,
		"task-cpu-required":       "Fargate needs a task-level size " + docTaskSize,
		"exec-role-awslogs":       "awslogs on Fargate needs an execution role " + docExecRole,
	}},
	"refarch-task-rebalancing": {mustFire: map[string]string{
		"network-mode-awsvpc": docAwsvpc, "lb-target-type-ip": docTargetType, "new-service-launch-type": docCreateSvc, "lb-container-port": docPortMapping,
	}},
	"refarch-mixed-mode": {mustFire: map[string]string{
		"network-mode-awsvpc": docAwsvpc,
		"host-port":           "HostPort: 0 is a dynamic host port, which awsvpc has not " + docPortMapping,
	}, mustNotFire: map[string]string{
		"lb-target-type-ip": "the target group is a parameter without a default: not checked, never guessed",
	}},
	"refarch-product-service": {mustFire: map[string]string{
		"network-mode-awsvpc": docAwsvpc, "lb-target-type-ip": docTargetType, "new-service-launch-type": docCreateSvc, "task-memory-required": docTaskSize,
	}},
	"refarch-website-service": {mustFire: map[string]string{
		"network-mode-awsvpc": docAwsvpc, "lb-target-type-ip": docTargetType, "exec-role-awslogs": docExecRole,
	}},
	"refarch-continuous-deployment": {mustNotFire: map[string]string{
		"new-service-launch-type": "LaunchType defaults to Fargate, so the EC2Service's condition is false and the stack does not create it " + docCondition,
		"network-mode-awsvpc":     "NetworkMode is !If [Fargate, awsvpc, bridge] with the Fargate condition true",
	}},
	"cfn-templates-ec2-public-service": {mustFire: map[string]string{
		"network-mode-awsvpc": docAwsvpc, "lb-target-type-ip": docTargetType, "requires-compat-fargate": docRegister,
	}, mustNotFire: map[string]string{"task-cpu-required": "Cpu: 256 is set at task level"}},
	"cfn-templates-ec2-private-service": {mustFire: map[string]string{
		"network-mode-awsvpc": docAwsvpc, "lb-target-type-ip": docTargetType,
	}, mustNotFire: map[string]string{"task-memory-required": "Memory: 512 is set at task level"}},
	"refarch-service-discovery": {mustFire: map[string]string{
		"host-port": "fixed host ports 80, 8080 and 9090 " + docPortMapping, "network-mode-awsvpc": docAwsvpc,
	}},
	"refarch-batch-processing": {mustFire: map[string]string{
		"network-mode-awsvpc": docAwsvpc, "task-cpu-required": docTaskSize,
	}},
}

func TestCorpus(t *testing.T) {
	dirs, _ := filepath.Glob("../../../testdata/iac/cloudformation/*")
	if len(dirs) < 10 {
		t.Fatalf("the corpus holds %d templates; issue 13 asks for at least 10", len(dirs))
	}
	yaml, json := 0, 0
	for _, dir := range dirs {
		name := filepath.Base(dir)
		c, ok := corpusCases[name]
		if !ok {
			t.Errorf("%s has no expectations", name)
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, "PROVENANCE")); err != nil {
			t.Errorf("%s has no PROVENANCE", name)
		}
		files, _ := filepath.Glob(filepath.Join(dir, "template.*"))
		for _, f := range files {
			if strings.HasSuffix(f, ".json") {
				json++
			} else {
				yaml++
			}
		}
		t.Run(name, func(t *testing.T) {
			res, _ := audit(t, filepath.ToSlash(dir))
			fired := map[string]bool{}
			for f := range res.Findings.All() {
				fired[f.RuleID] = true
			}
			for id, why := range c.mustFire {
				if !fired[id] {
					t.Errorf("%s did not fire (%s)", id, why)
				}
			}
			for id, why := range c.mustNotFire {
				if fired[id] {
					t.Errorf("%s fired (%s)", id, why)
				}
			}
		})
	}
	if yaml == 0 || json == 0 {
		t.Errorf("the corpus must hold YAML and JSON templates: %d YAML, %d JSON", yaml, json)
	}
}
