package analyzer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// workloadTD is an EC2 task definition of one container with the given
// image, a host volume at hostPath mounted into it, and extra members.
func workloadTD(image, hostPath, extra string) string {
	return fmt.Sprintf(`{"family": "w", "networkMode": "bridge", "requiresCompatibilities": ["EC2"], "cpu": "256", "memory": "512",
  "volumes": [{"name": "v", "host": {"sourcePath": %q}}]%s,
  "containerDefinitions": [{"name": "c", "image": %q, "essential": true, "memory": 256,
    "mountPoints": [{"sourceVolume": "v", "containerPath": "/host"}]}]}`, hostPath, extra, image)
}

func fallbackOf(t *testing.T, doc string) Verdict {
	t.Helper()
	f, diags := fleet.LoadBytes("td.json", []byte(doc))
	if fleet.HasErrors(diags) {
		t.Fatalf("fixture does not load: %v", diags)
	}
	res, err := Audit(f, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Verdicts) != 1 || res.Verdicts[0].Verdict != Blocked {
		t.Fatalf("want one blocked verdict, got %+v", res.Verdicts)
	}
	return res.Verdicts[0]
}

// A blocked agent or runner gets its own way forward, naming the image
// and container it was recognised by, and not the generic advice of the
// rules that block it.
func TestFallbackFitsTheWorkload(t *testing.T) {
	cases := []struct {
		name, image, hostPath string
		want, notWant         []string
	}{
		{"Datadog on the Docker socket", "public.ecr.aws/datadog/agent:7", "/var/run/docker.sock",
			[]string{"Datadog Agent (image public.ecr.aws/datadog/agent:7 in container c)", "sidecar", "ECS_FARGATE=true", "https://docs.datadoghq.com/integrations/ecs_fargate/"},
			[]string{"CodeBuild", "EFS"}},
		{"New Relic on /proc", "newrelic/infrastructure:1", "/proc",
			[]string{"New Relic infrastructure agent (image newrelic/infrastructure:1 in container c)", "sidecar", "docs.newrelic.com"}, []string{"CodeBuild", "EFS"}},
		{"cAdvisor on /sys", "gcr.io/cadvisor/cadvisor:v0.49.1", "/sys",
			[]string{"cAdvisor (image gcr.io/cadvisor/cadvisor:v0.49.1", "Container Insights", "cloudwatch-container-insights.html"}, []string{"CodeBuild", "EFS"}},
		{"node-exporter on /proc", "prom/node-exporter:v1.8.2", "/proc",
			[]string{"Prometheus node exporter (image prom/node-exporter:v1.8.2", "Container Insights"}, []string{"CodeBuild", "EFS"}},
		{"CloudWatch agent on /var/lib/docker", "amazon/cloudwatch-agent:latest", "/var/lib/docker",
			[]string{"CloudWatch agent (image amazon/cloudwatch-agent:latest", "Container Insights", "sidecar"}, []string{"CodeBuild", "EFS"}},
		{"Fluent Bit on /var/log", "amazon/aws-for-fluent-bit:stable", "/var/log",
			[]string{"Fluent Bit (image amazon/aws-for-fluent-bit:stable in container c)", "FireLens", "using_firelens.html"}, []string{"CodeBuild", "EFS"}},
		{"fluentd on /var/lib/docker/containers", "fluent/fluentd:v1.17-1", "/var/lib/docker/containers",
			[]string{"Fluentd (image fluent/fluentd:v1.17-1", "FireLens"}, []string{"CodeBuild", "EFS"}},
		{"GitLab Runner on the Docker socket", "gitlab/gitlab-runner:v17.5.3", "/var/run/docker.sock",
			[]string{"GitLab Runner (image gitlab/gitlab-runner:v17.5.3 in container c)", "CodeBuild", "daemonless builder", "gitlab-runner.html"}, []string{"sidecar", "EFS"}},
		{"Jenkins agent on the Docker socket", "jenkins/inbound-agent:latest-jdk17", "/var/run/docker.sock",
			[]string{"Jenkins agent (image jenkins/inbound-agent:latest-jdk17", "CodeBuild", "daemonless builder"}, []string{"sidecar", "EFS"}},
		{"Buildkite agent on the Docker socket", "buildkite/agent:3", "/var/run/docker.sock",
			[]string{"Buildkite agent (image buildkite/agent:3", "CodeBuild", "buildkite-runner.html"}, []string{"sidecar"}},
		{"GitHub Actions runner on the Docker socket", "ghcr.io/actions/actions-runner:2.321.0", "/var/run/docker.sock",
			[]string{"GitHub Actions runner (image ghcr.io/actions/actions-runner:2.321.0", "CodeBuild", "action-runner-overview.html"}, []string{"sidecar"}},
		{"an application reading host data", "123456789012.dkr.ecr.us-east-1.amazonaws.com/reports:3", "/etc/reports",
			[]string{"EFS or EBS"}, []string{"CodeBuild", "sidecar", "FireLens", "Container Insights"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := fallbackOf(t, workloadTD(c.image, c.hostPath, ""))
			for _, w := range c.want {
				if !strings.Contains(v.Fallback, w) {
					t.Errorf("fallback lacks %q:\n%s", w, v.Fallback)
				}
			}
			for _, w := range c.notWant {
				if strings.Contains(v.Fallback, w) {
					t.Errorf("fallback has %q:\n%s", w, v.Fallback)
				}
			}
			if recognised := !strings.Contains(c.name, "application"); recognised != (len(v.Workloads) == 1) {
				t.Errorf("workloads %+v", v.Workloads)
			}
		})
	}
}

// Blockers that have nothing to do with host access keep their own
// fallback beside the workload's way forward.
func TestFallbackKeepsOtherBlockers(t *testing.T) {
	extra := `, "placementConstraints": [], "requiresAttributes": []`
	doc := workloadTD("datadog/agent:7", "/var/run/docker.sock", extra)
	doc = strings.Replace(doc, `"memory": 256,`, `"memory": 256, "resourceRequirements": [{"type": "GPU", "value": "1"}],`, 1)
	v := fallbackOf(t, doc)
	for _, w := range []string{"Datadog Agent", "GPU instances"} {
		if !strings.Contains(v.Fallback, w) {
			t.Errorf("fallback lacks %q:\n%s", w, v.Fallback)
		}
	}
}
