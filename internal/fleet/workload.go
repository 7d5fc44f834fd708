package fleet

import (
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// WorkloadKind is what a recognised container does.
type WorkloadKind string

// The workload kinds recognised from image names.
const (
	// WorkloadMonitoringAgent collects host and container metrics.
	WorkloadMonitoringAgent WorkloadKind = "monitoring-agent"
	// WorkloadLogAgent collects and forwards logs.
	WorkloadLogAgent WorkloadKind = "log-agent"
	// WorkloadCIRunner runs CI jobs or builds images.
	WorkloadCIRunner WorkloadKind = "ci-runner"
)

// Workload is a container recognised by its image as a known kind of
// workload: the evidence (container and image) and the product.
type Workload struct {
	Kind WorkloadKind `json:"kind"`
	// Product is a stable identifier, e.g. "datadog-agent"; Name the
	// product's name for people, e.g. "Datadog Agent".
	Product   string `json:"product"`
	Name      string `json:"name"`
	Container string `json:"container"`
	Image     string `json:"image"`
}

// Evidence says what the recognition rests on, for messages.
func (w Workload) Evidence() string {
	return "image " + w.Image + " in container " + w.Container
}

// knownWorkload recognises one product from an image's repository path
// (lower case, without "library/"), wherever it is mirrored.
type knownWorkload struct {
	kind          WorkloadKind
	product, name string
	match         func(repo, last, tag string) bool
}

// knownWorkloads are the agents and runners that EC2 estates run as
// DAEMON services or privileged tasks, by their published image names.
var knownWorkloads = []knownWorkload{
	{WorkloadMonitoringAgent, "datadog-agent", "Datadog Agent", func(repo, last, _ string) bool {
		return hasRepoSuffix(repo, "datadog/agent", "datadoghq/agent", "datadog/docker-dd-agent", "datadog/dogstatsd")
	}},
	{WorkloadMonitoringAgent, "newrelic-infrastructure", "New Relic infrastructure agent", func(repo, last, _ string) bool {
		return hasRepoSuffix(repo, "newrelic/nri-ecs") || strings.Contains(repo, "newrelic/") && strings.HasPrefix(last, "infrastructure")
	}},
	{WorkloadMonitoringAgent, "cadvisor", "cAdvisor", func(_, last, _ string) bool { return last == "cadvisor" }},
	{WorkloadMonitoringAgent, "node-exporter", "Prometheus node exporter", func(_, last, _ string) bool { return last == "node-exporter" }},
	{WorkloadMonitoringAgent, "cloudwatch-agent", "CloudWatch agent", func(_, last, _ string) bool { return last == "cloudwatch-agent" }},
	{WorkloadLogAgent, "fluent-bit", "Fluent Bit", func(_, last, _ string) bool { return last == "fluent-bit" || last == "aws-for-fluent-bit" }},
	{WorkloadLogAgent, "fluentd", "Fluentd", func(_, last, _ string) bool { return last == "fluentd" || strings.HasPrefix(last, "fluentd-") }},
	{WorkloadLogAgent, "logspout", "Logspout", func(_, last, _ string) bool { return last == "logspout" }},
	{WorkloadLogAgent, "filebeat", "Filebeat", func(_, last, _ string) bool { return last == "filebeat" }},
	{WorkloadLogAgent, "promtail", "Promtail", func(_, last, _ string) bool { return last == "promtail" }},
	{WorkloadCIRunner, "gitlab-runner", "GitLab Runner", func(_, last, _ string) bool { return last == "gitlab-runner" }},
	{WorkloadCIRunner, "jenkins-agent", "Jenkins agent", func(repo, last, _ string) bool {
		return (strings.HasPrefix(repo, "jenkins/") || strings.HasPrefix(repo, "jenkinsci/") || strings.Contains(repo, "/jenkins/")) &&
			(last == "inbound-agent" || last == "agent" || last == "jnlp-slave" || last == "ssh-agent" || last == "ssh-slave")
	}},
	{WorkloadCIRunner, "buildkite-agent", "Buildkite agent", func(repo, _, _ string) bool { return hasRepoSuffix(repo, "buildkite/agent") }},
	{WorkloadCIRunner, "github-actions-runner", "GitHub Actions runner", func(repo, last, _ string) bool {
		return last == "actions-runner" || last == "github-runner" || last == "github-actions-runner"
	}},
	{WorkloadCIRunner, "docker-in-docker", "Docker-in-Docker image build", func(repo, _, tag string) bool {
		return isDockerRepo(repo) && strings.Contains(tag, "dind")
	}},
}

// Workloads lists the containers of def recognised by their images, in
// container order; nil when none is.
func Workloads(def *ecstypes.TaskDefinition) []Workload {
	if def == nil {
		return nil
	}
	var out []Workload
	for _, c := range def.ContainerDefinitions {
		image := ptr.Value(c.Image)
		ref := ParseImageRef(strings.ToLower(image))
		repo := strings.TrimPrefix(ref.Repository, "library/")
		last := repo[strings.LastIndexByte(repo, '/')+1:]
		for _, k := range knownWorkloads {
			if k.match(repo, last, ref.Tag) {
				out = append(out, Workload{Kind: k.kind, Product: k.product, Name: k.name, Container: ptr.Value(c.Name), Image: image})
				break
			}
		}
	}
	return out
}

// IsDockerInDocker recognises the official Docker-in-Docker image
// (docker:*-dind), which needs privileged mode.
func IsDockerInDocker(image string) bool {
	ref := ParseImageRef(image)
	return isDockerRepo(strings.TrimPrefix(ref.Repository, "library/")) && strings.Contains(ref.Tag, "dind")
}

// IsDockerImage recognises the official Docker images (docker:*: the CLI,
// and Docker-in-Docker), which a DAEMON service runs per host to prune the
// host's images and volumes.
func IsDockerImage(image string) bool {
	return isDockerRepo(strings.TrimPrefix(ParseImageRef(strings.ToLower(image)).Repository, "library/"))
}

func isDockerRepo(repo string) bool { return repo == "docker" || strings.HasSuffix(repo, "/docker") }

// hasRepoSuffix reports whether repo is one of paths or ends with
// "/"+path (a mirror such as ACCOUNT.dkr.ecr…/mirror/datadog/agent).
func hasRepoSuffix(repo string, paths ...string) bool {
	for _, p := range paths {
		if repo == p || strings.HasSuffix(repo, "/"+p) {
			return true
		}
	}
	return false
}
