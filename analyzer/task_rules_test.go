package analyzer

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// A task definition already valid for Fargate must get no fixable or
// blocking finding from the task rules (what Fargate accepts:
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html).
func TestTaskRulesQuietOnValidFargateDefinition(t *testing.T) {
	doc := `{
  "family": "shop",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "1 vCPU",
  "memory": "4096",
  "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
  "taskRoleArn": "arn:aws:iam::123456789012:role/shop-task",
  "runtimePlatform": {"operatingSystemFamily": "LINUX", "cpuArchitecture": "ARM64"},
  "ephemeralStorage": {"sizeInGiB": 40},
  "pidMode": "task",
  "enableFaultInjection": false,
  "volumes": [
    {"name": "scratch"},
    {"name": "media", "efsVolumeConfiguration": {"fileSystemId": "fs-0123456789abcdef0", "transitEncryption": "ENABLED",
      "authorizationConfig": {"iam": "ENABLED", "accessPointId": "fsap-0123456789abcdef0"}}},
    {"name": "index", "configuredAtLaunch": true}
  ],
  "containerDefinitions": [
    {"name": "app", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop:5", "essential": true, "cpu": 768,
     "memory": 3072, "memoryReservation": 2048, "portMappings": [{"containerPort": 8080}],
     "mountPoints": [{"sourceVolume": "scratch", "containerPath": "/tmp/work"}, {"sourceVolume": "media", "containerPath": "/media"},
                     {"sourceVolume": "index", "containerPath": "/index"}]},
    {"name": "log-router", "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable", "essential": false,
     "cpu": 256, "memory": 512, "volumesFrom": [{"sourceContainer": "app", "readOnly": true}]}
  ]
}`
	path := filepath.Join(t.TempDir(), "td.json")
	if err := os.WriteFile(path, []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	f, diags := fleet.Load(context.Background(), []string{path}, nil)
	if fleet.HasErrors(diags) {
		t.Fatalf("fixture does not load: %v", diags)
	}
	assertQuiet(t, f, taskRules())
}

func TestIsHostData(t *testing.T) {
	tests := map[string]bool{
		"/var/log": true, "/var/log/nginx": true, "/proc": true, "/sys/fs/cgroup": true, "/etc/ssl/certs": true,
		"/dev/shm": true, "/": true, `C:\ProgramData\Amazon\ECS`: true, "/var/lib/docker/containers": true,
		"/tmp/render": false, "/data/scratch": false, "/mnt/shared": false, "/var/logs-archive": false, "/procfs-copy": false,
	}
	for p, want := range tests {
		if got := isHostData(p); got != want {
			t.Errorf("isHostData(%q) = %t, want %t", p, got, want)
		}
	}
}

func TestIsDockerSocket(t *testing.T) {
	tests := map[string]bool{
		"/var/run/docker.sock": true, "/run/docker.sock": true, `\\.\pipe\docker_engine`: true,
		"/var/run": false, "/var/run/dockerd": false, "/tmp": false,
	}
	for p, want := range tests {
		if got := isDockerSocket(p); got != want {
			t.Errorf("isDockerSocket(%q) = %t, want %t", p, got, want)
		}
	}
}

func TestDockerVolumeBlock(t *testing.T) {
	yes := true
	local, rexray := "local", "rexray/ebs"
	tests := []struct {
		name string
		dv   ecstypes.DockerVolumeConfiguration
		want string
	}{
		{"defaults", ecstypes.DockerVolumeConfiguration{}, ""},
		{"task local", ecstypes.DockerVolumeConfiguration{Scope: ecstypes.ScopeTask, Driver: &local}, ""},
		{"shared", ecstypes.DockerVolumeConfiguration{Scope: ecstypes.ScopeShared}, "shared scope"},
		{"autoprovision", ecstypes.DockerVolumeConfiguration{Autoprovision: &yes}, "autoprovisioned"},
		{"plugin", ecstypes.DockerVolumeConfiguration{Driver: &rexray}, "driver rexray/ebs"},
		{"opts", ecstypes.DockerVolumeConfiguration{Driver: &local, DriverOpts: map[string]string{"type": "tmpfs"}}, "driver options"},
	}
	for _, tt := range tests {
		if got := dockerVolumeBlock(&tt.dv); got != tt.want {
			t.Errorf("%s: dockerVolumeBlock = %q, want %q", tt.name, got, tt.want)
		}
	}
}
