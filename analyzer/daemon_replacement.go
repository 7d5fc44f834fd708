package analyzer

import (
	"strings"

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

// managedDaemons maps image name fragments of well-known per-host agents
// to the Fargate feature that does their job:
//   - log routers: the task's own log configuration (awslogs, or FireLens
//     for other destinations) ships each container's logs,
//     https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_firelens.html
//   - host metrics exporters: CloudWatch Container Insights collects task
//     and container metrics on Fargate,
//     https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/ContainerInsights.html
//   - Docker housekeeping (image and volume pruning): Fargate has no Docker
//     host to clean.
var managedDaemons = []struct{ fragment, feature string }{
	{"fluent-bit", "FireLens"}, {"fluentd", "FireLens"}, {"logspout", "FireLens"}, {"filebeat", "FireLens"},
	{"promtail", "FireLens"},
	{"node-exporter", "Container Insights"}, {"cadvisor", "Container Insights"}, {"cloudwatch-agent", "Container Insights"},
	{"docker:", "nothing (Fargate manages the host)"},
}

// DaemonReplacementOf recommends what the DAEMON task definition td
// becomes on Fargate, from its images: a log router or host metrics
// exporter disappears into a managed feature, Docker housekeeping is not
// needed at all, any other agent (APM, tracing, security) runs as a
// sidecar in each task.
func DaemonReplacementOf(td *ecstypes.TaskDefinition) DaemonReplacement {
	if td == nil {
		return DaemonReplacement{Why: "its task definition is not among the inputs"}
	}
	for _, c := range td.ContainerDefinitions {
		img := strings.ToLower(ptr.Value(c.Image))
		for _, m := range managedDaemons {
			if strings.Contains(img, m.fragment) {
				return DaemonReplacement{Feature: m.feature, Why: "image " + ptr.Value(c.Image)}
			}
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
