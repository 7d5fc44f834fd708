package analyzer

import (
	"regexp"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

var hostAgentDependency = Rule{
	ID:       "host-agent-dependency",
	Scope:    ScopeTask,
	Severity: Warning,
	Title:    "Container sends telemetry to an agent on the host",
	Rationale: "On EC2, metrics, traces and APM data often go to a per-host daemon (a DAEMON service reached on the Docker bridge " +
		"gateway or the host's address). Fargate has no DAEMON scheduling and no shared host, so that endpoint does not exist.",
	Remediation: "Run the agent (Datadog, CloudWatch agent, X-Ray daemon, OpenTelemetry collector) as a sidecar in each task and point " +
		"the variable at localhost, or use managed options such as Container Insights or GuardDuty Runtime Monitoring (platform version 1.4.0, execution role).",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LogConfiguration.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-guard-duty-configure-manual-guard-duty.html",
	},
	Check: checkHostAgentDependency,
}

// agentEndpointName matches variables that name the address of a telemetry
// agent; isAgentEndpointName decides it without the expression for ASCII
// names.
var agentEndpointName = regexp.MustCompile(`(?i)^(DD_AGENT_HOST|DD_DOGSTATSD_URL|DD_TRACE_AGENT_URL|DD_TRACE_AGENT_HOSTNAME|STATSD_HOST|DOGSTATSD_HOST|` +
	`AWS_XRAY_DAEMON_ADDRESS|OTEL_EXPORTER_OTLP_(TRACES_|METRICS_|LOGS_)?ENDPOINT|JAEGER_AGENT_HOST|ZIPKIN_(HOST|ENDPOINT)|` +
	`NEW_RELIC_DAEMON_HOST|INSTANA_AGENT_HOST|ELASTIC_APM_SERVER_URL|FLUENTD_HOST|FLUENT_HOST|LOGSTASH_HOST)$`)

// hostAddress matches values that point at the EC2 host rather than the task:
// the Docker bridge gateway or Docker's host alias. Neither it nor
// imdsAddress can match a value without its literal address, which the
// check looks for first.
var hostAddress = regexp.MustCompile(`(^|[^0-9.])172\.17\.0\.1([^0-9]|$)|host\.docker\.internal`)

// imdsAddress matches values that point at the EC2 instance metadata service.
var imdsAddress = regexp.MustCompile(`(^|[^0-9.])169\.254\.169\.254([^0-9]|$)`)

// loopback matches values that point inside the task (a sidecar), which keep working on Fargate.
var loopback = regexp.MustCompile(`(?i)^([a-z]+://)?(localhost|127\.0\.0\.1|\[::1\])([:/]|$)`)

func checkHostAgentDependency(s *Subject) []Finding {
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		out := s.findings()
		for i, kv := range c.Environment {
			name, value := ptr.Value(kv.Name), strings.TrimSpace(ptr.Value(kv.Value))
			// Names only in findings: the value may be sensitive. The
			// path is built only for a variable flagged (most are not).
			var why string
			switch {
			case strings.Contains(value, "169.254.169.254") && imdsAddress.MatchString(value):
				why = "environment variable %s points at the EC2 instance metadata service, which Fargate tasks cannot reach; use the task metadata endpoint v4 (ECS_CONTAINER_METADATA_URI_V4)"
			case (strings.Contains(value, "172.17.0.1") || strings.Contains(value, "host.docker.internal")) && hostAddress.MatchString(value):
				why = "environment variable %s points at the EC2 host (Docker bridge gateway), which does not exist on Fargate; run the agent as a sidecar and use localhost"
			case isAgentEndpointName(name) && !loopback.MatchString(value):
				why = "environment variable %s names a telemetry agent endpoint outside the task (on EC2 usually a per-host daemon); on Fargate run the agent as a sidecar and use localhost"
			default:
				continue
			}
			out = append(out, Flag(at(path, idx("environment", i), "value"), name, why, name))
		}
		return out
	})
}
