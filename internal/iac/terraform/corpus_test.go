package terraform

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
)

// corpusDir holds real public Terraform that defines ECS services on EC2,
// each with a PROVENANCE file (repository, path, commit, licence, what was
// changed).
const corpusDir = "../../../testdata/iac/terraform"

// expectation is what AWS's documentation says about one corpus module:
// rules that must fire (with the subject they fire on), rules that must not,
// and rules that must be reported as not checked because a value they need
// is not known statically (with a word of the reason).
type expectation struct {
	fire       map[string]string // rule → task definition or service it fires on
	notFire    []string
	notChecked map[string]string // rule → part of the reason
}

// The reasons are AWS's documentation, not our output:
//   - awsvpc is the only network mode on Fargate, and a task definition
//     without networkMode uses bridge on Linux; task-level cpu and memory
//     are required
//     (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html);
//   - placementConstraints, dockerVolumeConfiguration and host sourcePath
//     are not valid on Fargate
//     (https://docs.aws.amazon.com/AmazonECS/latest/userguide/fargate-tasks-services.html);
//   - a service's placement strategies and constraints and the DAEMON
//     strategy are not supported on Fargate
//     (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html);
//   - a target group's type defaults to instance, and awsvpc tasks register
//     only with ip target groups
//     (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html,
//     https://docs.aws.amazon.com/AmazonECS/latest/developerguide/alb.html);
//   - in awsvpc mode a hostPort must equal its containerPort
//     (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html);
//   - the awslogs driver on Fargate needs a task execution role
//     (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html);
//   - Fargate cannot attach Elastic Inference accelerators
//     (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-inference.html);
//   - App Mesh reaches end of support on 30 September 2026
//     (https://docs.aws.amazon.com/app-mesh/latest/userguide/what-is-app-mesh.html).
var corpus = map[string]expectation{
	"provider-ecs-alb": {
		fire: map[string]string{
			"lb-target-type-ip":         "tf-example-ecs-ghost", // aws_alb_target_group.test sets no target_type
			"network-configuration":     "tf-example-ecs-ghost",
			"cluster-fargate-providers": "tf-example-ecs-ghost", // the module's cluster has no capacity providers
		},
		// container_definitions is a data.template_file's rendering, known
		// only at apply time.
		notChecked: map[string]string{"network-mode-awsvpc": "data.template_file.task_definition.rendered", "privileged": "data.template_file.task_definition.rendered"},
	},
	"tam-complete-ecs-hello-world": {
		fire: map[string]string{
			"network-mode-awsvpc":     "hello_world",
			"requires-compat-fargate": "hello_world",
			"task-cpu-required":       "hello_world",
			"task-memory-required":    "hello_world",
			"exec-role-awslogs":       "hello_world",
		},
		notFire:    []string{"no-log-config"},
		notChecked: map[string]string{"new-service-launch-type": "neither launch_type nor capacity_provider_strategy"},
	},
	"tam-ec2-hello-world": {
		fire: map[string]string{
			"network-mode-awsvpc": "hello_world",
			"task-cpu-required":   "hello_world",
			"exec-role-awslogs":   "hello_world", // the driver is known; only the group is not
		},
		notFire:    []string{"no-log-config"},
		notChecked: map[string]string{"awslogs-required-options": "aws_cloudwatch_log_group.this.name"},
	},
	"trussworks-ecs-service": {
		fire: map[string]string{
			"service-placement-strategy":    "aws_ecs_service.main_no_lb[0]", // count = 1: spread on AZ and instanceId, from a dynamic block
			"service-placement-constraints": "aws_ecs_service.main_no_lb[0]", // distinctInstance
			"requires-compat-fargate":       "aws_ecs_task_definition.main",
			"task-cpu-required":             "aws_ecs_task_definition.main", // cpu = "" when ecs_use_fargate is false
		},
		notFire:    []string{"network-mode-awsvpc"}, // network_mode = "awsvpc"
		notChecked: map[string]string{"cluster-fargate-providers": "var.ecs_cluster.arn", "awslogs-required-options": "local.awslogs_group"},
	},
	"provider-docs-ecs-service": {
		fire: map[string]string{
			"service-placement-strategy":    "mongodb",
			"service-placement-constraints": "mongodb",
			"scheduling-daemon":             "bar",
		},
	},
	"provider-docs-taskdef-host-volume": {
		fire: map[string]string{
			"volume-host-sourcepath":     "service",
			"task-placement-constraints": "service",
			"network-mode-awsvpc":        "service",
		},
		notFire: []string{"host-port"}, // hostPort equals containerPort
	},
	"provider-docs-taskdef-docker-volume": {
		fire: map[string]string{"docker-volume-config": "service", "network-mode-awsvpc": "service"},
	},
	"provider-docs-taskdef-efs": {
		fire:       map[string]string{"network-mode-awsvpc": "service"},
		notFire:    []string{"volume-host-sourcepath", "docker-volume-config"},
		notChecked: map[string]string{"efs-volume": "aws_efs_file_system.fs.id"},
	},
	"provider-docs-taskdef-inference": {
		fire: map[string]string{"inference-accelerators": "test", "host-port": "test", "network-mode-awsvpc": "test"},
	},
	"provider-docs-taskdef-appmesh": {
		fire: map[string]string{"app-mesh-proxy": "service", "network-mode-awsvpc": "service"},
	},
}

func TestCorpus(t *testing.T) {
	dirs, err := os.ReadDir(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) < 10 || len(dirs) != len(corpus) {
		t.Fatalf("%d corpus modules, %d expectations: want at least 10, one each", len(dirs), len(corpus))
	}
	for _, d := range dirs {
		t.Run(d.Name(), func(t *testing.T) {
			dir := filepath.Join(corpusDir, d.Name())
			if _, err := os.Stat(filepath.Join(dir, "PROVENANCE")); err != nil {
				t.Errorf("no PROVENANCE: %v", err)
			}
			want, ok := corpus[d.Name()]
			if !ok {
				t.Fatal("no expectation")
			}
			f, diags := load(t, dir)
			for _, dg := range diags {
				if dg.Level == "error" {
					t.Errorf("input error: %s", dg)
				}
			}
			res, err := analyzer.Audit(f, analyzer.Options{})
			if err != nil {
				t.Fatal(err)
			}
			fired := map[string][]string{}
			for fd := range res.Findings.All() {
				subject := fd.Service
				if subject == "" {
					subject = fd.TaskDefinition
				}
				fired[fd.RuleID] = append(fired[fd.RuleID], subject)
				if !strings.HasPrefix(fd.File, dir) {
					t.Errorf("%s: finding names file %q, not the module's", fd.RuleID, fd.File)
				}
			}
			for rule, on := range want.fire {
				if !contains(fired[rule], on) {
					t.Errorf("%s does not fire on %s (fires on %v)", rule, on, fired[rule])
				}
			}
			for _, rule := range want.notFire {
				if len(fired[rule]) > 0 {
					t.Errorf("%s fires on %v", rule, fired[rule])
				}
			}
			needs := map[string][]string{}
			for _, nc := range res.NotChecked {
				needs[nc.RuleID] = append(needs[nc.RuleID], nc.Needs)
			}
			for rule, why := range want.notChecked {
				if !strings.Contains(strings.Join(needs[rule], " | "), why) {
					t.Errorf("%s not reported as not checked for %q: %v", rule, why, needs[rule])
				}
				if len(fired[rule]) > 0 {
					t.Errorf("%s judged a value that is not known: fires on %v", rule, fired[rule])
				}
			}
		})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
