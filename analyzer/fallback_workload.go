package analyzer

import (
	"slices"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// hostAccessRules are the blockers a host agent or a CI runner meets
// because it reaches into the EC2 host: the Docker socket, host paths, the
// host's process and IPC namespaces, one task per host, privilege, kernel
// capabilities and devices. For such a workload the way forward is not
// "move shared data to EFS" or "use CodeBuild" in general, but what its
// vendor or AWS offers on Fargate (workloadWays).
var hostAccessRules = map[string]bool{
	RuleDockerSocket: true, RuleVolumeHostSourcePath: true, RulePIDModeHost: true, RuleIPCMode: true,
	RuleSchedulingDaemon: true, RulePrivileged: true, RuleCapAdd: true, RuleDevices: true, RuleSystemControls: true,
}

// workloadWay is where a recognised workload goes on Fargate, with the
// vendor's or AWS's documentation that says so.
type workloadWay struct {
	advice, reference string
}

// Container Insights stands in for host exporters: Fargate has no host to
// export, and it gives task and container metrics (enhanced observability
// per container) on Fargate as on EC2.
const containerInsightsWay = "there is no host to export on Fargate: turn on CloudWatch Container Insights (cluster setting containerInsights, " +
	"enhanced for per-container metrics) for task and container CPU, memory, network and storage, and scrape application Prometheus " +
	"endpoints with the CloudWatch agent or the ADOT collector"

const (
	fireLensRef   = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_firelens.html"
	insightsRef   = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cloudwatch-container-insights.html"
	daemonlessWay = ", or as Fargate tasks that build images with a daemonless builder (Kaniko, Buildah) instead of the host's Docker daemon"
)

// workloadWays maps fleet.Workload products to their way forward.
var workloadWays = map[string]workloadWay{
	"datadog-agent": {"run the Datadog Agent as a sidecar container in each task to monitor, with ECS_FARGATE=true, as Datadog's ECS Fargate integration describes; " +
		"it then reads the task's containers from the task metadata endpoint, not the Docker socket or host paths", "https://docs.datadoghq.com/integrations/ecs_fargate/"},
	"newrelic-infrastructure": {"run the New Relic infrastructure agent as a sidecar in each task to monitor (New Relic's ECS integration, Fargate launch type)",
		"https://docs.newrelic.com/docs/infrastructure/elastic-container-service-integration/install-ecs-integration/"},
	"cadvisor":      {containerInsightsWay, insightsRef},
	"node-exporter": {containerInsightsWay, insightsRef},
	"cloudwatch-agent": {"turn on CloudWatch Container Insights for task and container metrics (instance-level metrics do not exist on Fargate); " +
		"for StatsD or embedded metric format, run the CloudWatch agent as a sidecar in each task", "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/deploy-container-insights-ECS.html"},
	"fluent-bit": {"route each task's logs with FireLens (a Fluent Bit log router container in the task, the awsfirelens log driver on the others) " +
		"or with awslogs: on Fargate there are no host log files or Docker logs to tail", fireLensRef},
	"fluentd": {"route each task's logs with FireLens (Fluentd or Fluent Bit as the log router container in the task, the awsfirelens log driver on the others) " +
		"or with awslogs: on Fargate there are no host log files or Docker logs to collect", fireLensRef},
	"gitlab-runner":         {"run the jobs in AWS CodeBuild, which hosts self-managed GitLab runners" + daemonlessWay, "https://docs.aws.amazon.com/codebuild/latest/userguide/gitlab-runner.html"},
	"github-actions-runner": {"run the jobs in AWS CodeBuild, which hosts self-hosted GitHub Actions runners" + daemonlessWay, "https://docs.aws.amazon.com/codebuild/latest/userguide/action-runner-overview.html"},
	"buildkite-agent":       {"run the jobs in AWS CodeBuild, which hosts the Buildkite runner" + daemonlessWay, "https://docs.aws.amazon.com/codebuild/latest/userguide/buildkite-runner.html"},
	"jenkins-agent":         {"run the builds in AWS CodeBuild" + daemonlessWay, "https://docs.aws.amazon.com/codebuild/latest/userguide/welcome.html"},
	"docker-in-docker":      {"build images in AWS CodeBuild or with a daemonless builder (Kaniko, Buildah), which needs neither privileged mode nor a Docker daemon", "https://docs.aws.amazon.com/codebuild/latest/userguide/welcome.html"},
}

// staysNote says what becomes of the EC2 workload itself.
func staysNote(k fleet.WorkloadKind) string {
	if k == fleet.WorkloadCIRunner {
		return "or keep the runner on EC2 or ECS Managed Instances"
	}
	return "keep the EC2 agent only while EC2 hosts remain"
}

// fallbackFor is a blocked verdict's way forward: for blockers of host
// access in a task whose images show a known agent or runner, that
// workload's way (naming the evidence); for every other blocker its rule's
// fallback. It returns the workloads the text rests on.
func fallbackFor(rules []Rule, blockers []string, recognised []fleet.Workload) (string, []fleet.Workload) {
	var used []fleet.Workload
	if slices.ContainsFunc(blockers, func(id string) bool { return hostAccessRules[id] }) {
		for _, w := range recognised {
			if _, ok := workloadWays[w.Product]; ok && !slices.ContainsFunc(used, func(u fleet.Workload) bool { return u.Product == w.Product }) {
				used = append(used, w)
			}
		}
	}
	if len(used) == 0 {
		return fallbacks(rules, blockers), nil
	}
	var out []string
	for _, w := range used {
		way := workloadWays[w.Product]
		out = append(out, w.Name+" ("+w.Evidence()+"): "+way.advice+" ("+way.reference+"); "+staysNote(w.Kind))
	}
	var rest []string
	for _, id := range blockers {
		if !hostAccessRules[id] {
			rest = append(rest, id)
		}
	}
	if len(rest) > 0 {
		out = append(out, fallbacks(rules, rest))
	}
	return strings.Join(out, "; "), used
}

// WorkloadReferences lists the documentation the workload ways cite,
// sorted: the vendors' and AWS's pages a fallback may link to.
func WorkloadReferences() []string {
	var out []string
	for _, w := range workloadWays {
		if !slices.Contains(out, w.reference) {
			out = append(out, w.reference)
		}
	}
	slices.Sort(out)
	return out
}
