package fleet

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// Agents and runners are recognised by their published image names,
// wherever they are pulled from; look-alikes are not.
func TestWorkloadsFromImages(t *testing.T) {
	cases := map[string]string{ // image -> product ("" = not recognised)
		"datadog/agent:7":                     "datadog-agent",
		"public.ecr.aws/datadog/agent:7.58.2": "datadog-agent",
		"gcr.io/datadoghq/agent:latest":       "datadog-agent",
		"123456789012.dkr.ecr.us-east-1.amazonaws.com/mirror/datadog/agent:7": "datadog-agent",
		"newrelic/infrastructure:latest":                                      "newrelic-infrastructure",
		"newrelic/nri-ecs:1.12.2":                                             "newrelic-infrastructure",
		"gcr.io/cadvisor/cadvisor:v0.49.1":                                    "cadvisor",
		"google/cadvisor":                                                     "cadvisor",
		"prom/node-exporter:v1.8.2":                                           "node-exporter",
		"quay.io/prometheus/node-exporter:v1.8.2":                             "node-exporter",
		"amazon/cloudwatch-agent:latest":                                      "cloudwatch-agent",
		"public.ecr.aws/cloudwatch-agent/cloudwatch-agent:1.300049.1b929":     "cloudwatch-agent",
		"fluent/fluent-bit:3.1":                                               "fluent-bit",
		"amazon/aws-for-fluent-bit:stable":                                    "fluent-bit",
		"public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.4":          "fluent-bit",
		"fluent/fluentd:v1.17-1":                                              "fluentd",
		"fluentd":                                                             "fluentd",
		"fluent/fluentd-kubernetes-daemonset:v1":                              "fluentd",
		"gitlab/gitlab-runner:v17.5.3":                                        "gitlab-runner",
		"registry.gitlab.com/gitlab-org/gitlab-runner:alpine":                 "gitlab-runner",
		"jenkins/inbound-agent:3261.v9c670a_4748a_9-1-jdk17":                  "jenkins-agent",
		"jenkins/jnlp-slave:latest":                                           "jenkins-agent",
		"buildkite/agent:3":                                                   "buildkite-agent",
		"ghcr.io/actions/actions-runner:2.321.0":                              "github-actions-runner",
		"myoung34/github-runner:latest":                                       "github-actions-runner",
		"docker:27-dind":                                                      "docker-in-docker",
		"docker:dind":                                                         "docker-in-docker",
		// look-alikes
		"docker:27.3-cli":         "",
		"jenkins/jenkins:lts":     "",
		"myorg/agent:1":           "",
		"nginx:1.27":              "",
		"datadog/dd-trace-java:1": "",
		"123456789012.dkr.ecr.us-east-1.amazonaws.com/orders-api:3": "",
	}
	for image, want := range cases {
		def := &ecstypes.TaskDefinition{ContainerDefinitions: []ecstypes.ContainerDefinition{
			{Name: aws.String("app"), Image: aws.String("nginx:1.27")},
			{Name: aws.String("c"), Image: aws.String(image)},
		}}
		got := Workloads(def)
		switch {
		case want == "" && len(got) > 0:
			t.Errorf("%s: recognised as %s", image, got[0].Product)
		case want != "" && (len(got) != 1 || got[0].Product != want):
			t.Errorf("%s: got %+v, want %s", image, got, want)
		case want != "" && (got[0].Container != "c" || got[0].Image != image || got[0].Evidence() != "image "+image+" in container c"):
			t.Errorf("%s: evidence %+v", image, got[0])
		}
	}
	if Workloads(nil) != nil {
		t.Error("Workloads(nil) is not nil")
	}
}
