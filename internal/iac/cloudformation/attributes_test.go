package cloudformation_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/iac/cloudformation"
)

// base is a Fargate-ready stack: a task definition, its service, an ip
// target group and a cluster with Fargate capacity providers. Each case
// below changes one attribute the rules read, marked "# <-" on the line
// the finding must point at.
const base = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Subnet:
    Type: String
    Default: subnet-0123456789abcdef0
Resources:
  Cluster:
    Type: AWS::ECS::Cluster
    Properties:
      ClusterName: web
      CapacityProviders: [FARGATE]
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: web
      NetworkMode: awsvpc
      RequiresCompatibilities: [FARGATE]
      Cpu: "256"
      Memory: "512"
      ExecutionRoleArn: arn:aws:iam::123456789012:role/exec
      TaskRoleArn: arn:aws:iam::123456789012:role/task
      ContainerDefinitions:
        - Name: app
          Image: public.ecr.aws/nginx/nginx:1.27
          Essential: true
          PortMappings:
            - ContainerPort: 80
  TargetGroup:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties:
      Port: 80
      Protocol: HTTP
      TargetType: ip
      VpcId: vpc-0123456789abcdef0
  Service:
    Type: AWS::ECS::Service
    Properties:
      ServiceName: web
      Cluster: !Ref Cluster
      TaskDefinition: !Ref TaskDef
      DesiredCount: 2
      LaunchType: FARGATE
      NetworkConfiguration:
        AwsvpcConfiguration:
          Subnets: [!Ref Subnet]
          SecurityGroups: [sg-0123456789abcdef0]
      LoadBalancers:
        - ContainerName: app
          ContainerPort: 80
          TargetGroupArn: !Ref TargetGroup
`

// attributeCases change one attribute each (old → new text of base) and
// name the rule that must then fire at the marked line.
var attributeCases = []struct {
	name, old, new, rule string
	onEC2                bool // the service keeps the EC2 launch type (rules about moving it)
}{
	{"network mode", "      NetworkMode: awsvpc\n", "      NetworkMode: bridge # <-\n", "network-mode-awsvpc", false},
	{"requires compatibilities", "      RequiresCompatibilities: [FARGATE]\n", "      RequiresCompatibilities: [EC2] # <-\n", "requires-compat-fargate", false},
	{"task cpu and memory combination", `      Cpu: "256"` + "\n", `      Cpu: "4096" # <-` + "\n", "cpu-memory-combo", false},
	{"host port", "            - ContainerPort: 80\n", "            - ContainerPort: 80\n              HostPort: 8080 # <-\n", "host-port", false},
	{"privileged", "          Essential: true\n", "          Essential: true\n          Privileged: true # <-\n", "privileged", false},
	{"links", "          Essential: true\n", "          Essential: true\n          Links: [db] # <-\n", "links", false},
	{"capabilities", "          Essential: true\n", "          Essential: true\n          LinuxParameters:\n            Capabilities:\n              Add: [SYS_ADMIN] # <-\n", "cap-add", false},
	{"devices", "          Essential: true\n", "          Essential: true\n          LinuxParameters:\n            Devices:\n              - HostPath: /dev/fuse # <-\n", "devices", false},
	{"log driver", "          Essential: true\n", "          Essential: true\n          LogConfiguration:\n            LogDriver: gelf # <-\n", "log-driver", false},
	{"docker labels kept verbatim", "          Essential: true\n", "          Essential: true\n          DockerSecurityOptions: [\"label:type:foo\"] # <-\n", "docker-security-options", false},
	{"pid mode", "      NetworkMode: awsvpc\n", "      NetworkMode: awsvpc\n      PidMode: host # <-\n", "pid-mode-host", false},
	{"ipc mode", "      NetworkMode: awsvpc\n", "      NetworkMode: awsvpc\n      IpcMode: host # <-\n", "ipc-mode", false},
	{"host volume", "      ContainerDefinitions:\n", "      Volumes:\n        - Name: data\n          Host:\n            SourcePath: /var/data # <-\n      ContainerDefinitions:\n", "volume-host-sourcepath", false},
	{"task placement constraints", "      NetworkMode: awsvpc\n", "      NetworkMode: awsvpc\n      PlacementConstraints:\n        - Type: memberOf # <-\n          Expression: attribute:ecs.instance-type == t3.large\n", "task-placement-constraints", false},
	{"service launch type", "      LaunchType: FARGATE\n", "      LaunchType: EC2 # <-\n", "new-service-launch-type", false},
	{"service capacity provider strategy", "      LaunchType: FARGATE\n", "      CapacityProviderStrategy: # <-\n        - CapacityProvider: !Ref Provider\n          Weight: 1\n", "new-service-launch-type", false},
	{"service placement strategies", "      DesiredCount: 2\n", "      DesiredCount: 2\n      PlacementStrategies:\n        - Type: binpack # <-\n          Field: memory\n", "service-placement-strategy", false},
	{"service placement constraints", "      DesiredCount: 2\n", "      DesiredCount: 2\n      PlacementConstraints:\n        - Type: distinctInstance # <-\n", "service-placement-constraints", false},
	{"daemon scheduling", "      DesiredCount: 2\n", "      SchedulingStrategy: DAEMON # <-\n", "scheduling-daemon", false},
	{"network configuration", "      NetworkConfiguration:\n        AwsvpcConfiguration:\n          Subnets: [!Ref Subnet]\n          SecurityGroups: [sg-0123456789abcdef0]\n", "", "network-configuration", false},
	{"target type", "          TargetGroupArn: !Ref TargetGroup\n", "          TargetGroupArn: !Ref TargetGroup # <-\n", "lb-target-type-ip", true},
	{"deployment controller", "      DesiredCount: 2\n", "      DesiredCount: 2\n      DeploymentController:\n        Type: CODE_DEPLOY # <-\n", "deploy-controller-codedeploy", true},
	{"cluster capacity providers", "      Cluster: !Ref Cluster\n", "      Cluster: !Ref Cluster # <-\n", "cluster-fargate-providers", true},
}

// provider is an Auto Scaling group capacity provider some cases use.
const provider = `  Provider:
    Type: AWS::ECS::CapacityProvider
    Properties:
      Name: asg-provider
      AutoScalingGroupProvider:
        AutoScalingGroupArn: arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:1:autoScalingGroupName/asg
`

func TestAttributesPointAtTheTemplate(t *testing.T) {
	for _, c := range attributeCases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(base, c.old) {
				t.Fatalf("the base template has no %q", c.old)
			}
			tmpl := strings.Replace(base, c.old, c.new, 1) + provider
			if c.onEC2 {
				tmpl = strings.Replace(tmpl, "      LaunchType: FARGATE\n", "      LaunchType: EC2\n", 1)
				tmpl = strings.Replace(tmpl, "      TargetType: ip\n", "      TargetType: instance\n", 1)
				tmpl = strings.Replace(tmpl, "      CapacityProviders: [FARGATE]\n", "      CapacityProviders: [!Ref Provider]\n", 1)
			}
			file := writeTemplate(t, "template.yaml", tmpl)
			res, _ := audit(t, file)
			want := markedLine(tmpl)
			var got []string
			for f := range res.Findings.All() {
				if f.RuleID != c.rule {
					continue
				}
				got = append(got, f.Path)
				if want == 0 {
					return // the attribute was removed: its block stands
				}
			}
			if len(got) == 0 {
				t.Fatalf("%s did not fire; findings: %v", c.rule, ruleIDs(res))
			}
			if want == 0 {
				return
			}
			// The finding's path, mapped back to the template, is the marked line.
			f, _ := loadWith(t, file)
			for fd := range res.Findings.All() {
				if fd.RuleID != c.rule {
					continue
				}
				pos, _ := f.Locate(fd.File, []string{fullPath(fd)})
				if pos[fullPath(fd)].Line == want {
					return
				}
				t.Logf("%s at %s: line %d", fd.RuleID, fullPath(fd), pos[fullPath(fd)].Line)
			}
			t.Errorf("%s points at no finding on line %d", c.rule, want)
		})
	}
}

// TestBaseTemplateIsReady keeps the cases honest: without a change, none
// of their rules fires.
func TestBaseTemplateIsReady(t *testing.T) {
	res, diags := audit(t, writeTemplate(t, "template.yaml", base+provider))
	for _, d := range diags {
		t.Logf("%s", d)
	}
	for _, c := range attributeCases {
		for f := range res.Findings.All() {
			if f.RuleID == c.rule {
				t.Errorf("%s fires on the unchanged template: %s %s", c.rule, f.Path, f.Message)
			}
		}
	}
}

func writeTemplate(t *testing.T, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return filepath.ToSlash(path)
}

func loadWith(t *testing.T, paths ...string) (*fleet.Fleet, []fleet.Diagnostic) {
	t.Helper()
	return fleet.LoadWith(context.Background(), paths, nil, fleet.LoadOptions{
		Default:     fleet.Identity{Account: "123456789012", Region: "us-east-1"},
		Translators: []fleet.Translator{cloudformation.Translator{}},
	})
}

func audit(t *testing.T, paths ...string) (*analyzer.Result, []fleet.Diagnostic) {
	t.Helper()
	f, diags := loadWith(t, paths...)
	if fleet.HasErrors(diags) {
		t.Fatalf("loading: %v", diags)
	}
	res, err := analyzer.Audit(f, analyzer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res, diags
}

// markedLine is the 1-based line holding "# <-", 0 when none does.
func markedLine(text string) int {
	for i, l := range strings.Split(text, "\n") {
		if strings.Contains(l, "# <-") {
			return i + 1
		}
	}
	return 0
}

func fullPath(f analyzer.Finding) string {
	switch {
	case f.DocPath == "":
		return f.Path
	case f.Path == "":
		return f.DocPath
	}
	return f.DocPath + "." + f.Path
}

func ruleIDs(res *analyzer.Result) []string {
	var out []string
	for f := range res.Findings.All() {
		out = append(out, f.RuleID+"@"+f.Path)
	}
	return out
}
