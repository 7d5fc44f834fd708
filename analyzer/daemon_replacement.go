package analyzer

import (
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// DaemonReplacement is what a DAEMON service's work becomes on Fargate,
// where there are no hosts to run one task per host on.
type DaemonReplacement struct {
	// Feature names the managed feature that takes the work over, with no
	// container of its own in the tasks; empty means a sidecar in each task
	// of the services that need it.
	Feature string
	// Why says what in the task definition led to the recommendation.
	Why string
}

// managedFeatures maps the per-host workloads that fleet.Workloads
// recognises to the Fargate feature that does their job:
//   - log agents: the task's own log configuration (awslogs, or FireLens
//     for other destinations) ships each container's logs,
//     https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_firelens.html
//   - host metrics exporters: CloudWatch Container Insights collects task
//     and container metrics on Fargate,
//     https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/ContainerInsights.html
//   - Docker housekeeping (the docker image run per host to prune images
//     and volumes, fleet.IsDockerImage): Fargate has no Docker host to clean.
//
// Other agents (Datadog, New Relic: APM, tracing, security) become sidecars.
func managedFeature(w fleet.Workload) string {
	switch {
	case w.Kind == fleet.WorkloadLogAgent:
		return "FireLens"
	case w.Product == "node-exporter" || w.Product == "cadvisor" || w.Product == "cloudwatch-agent":
		return "Container Insights"
	}
	return ""
}

// DaemonReplacementOf recommends what the DAEMON task definition td
// becomes on Fargate, from the workloads its images show: a log router or
// host metrics exporter disappears into a managed feature, Docker
// housekeeping is not needed at all, any other agent (APM, tracing,
// security) runs as a sidecar in each task.
func DaemonReplacementOf(td *ecstypes.TaskDefinition) DaemonReplacement {
	if td == nil {
		return DaemonReplacement{Why: "its task definition is not among the inputs"}
	}
	for _, w := range fleet.Workloads(td) {
		if f := managedFeature(w); f != "" {
			return DaemonReplacement{Feature: f, Why: "image " + w.Image}
		}
	}
	for _, c := range td.ContainerDefinitions {
		if image := ptr.Value(c.Image); fleet.IsDockerImage(image) {
			return DaemonReplacement{Feature: "nothing (Fargate manages the host)", Why: "image " + image}
		}
	}
	return DaemonReplacement{Why: "not a log router, host metrics exporter or Docker housekeeping that a managed feature replaces"}
}

// String is the recommendation as a phrase.
func (d DaemonReplacement) String() string {
	if d.Feature == "" {
		return "a sidecar in each task"
	}
	return d.Feature
}
