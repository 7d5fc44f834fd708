package analyzer

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

func TestDaemonReplacementOf(t *testing.T) {
	td := func(image string) *ecstypes.TaskDefinition {
		return &ecstypes.TaskDefinition{ContainerDefinitions: []ecstypes.ContainerDefinition{{Image: aws.String(image)}}}
	}
	for image, want := range map[string]string{
		"public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.4": "FireLens",
		"quay.io/prometheus/node-exporter:v1.8.2":                    "Container Insights",
		"docker:27.3-cli":                     "nothing (Fargate manages the host)",
		"public.ecr.aws/datadog/agent:7.58.2": "",
	} {
		if got := DaemonReplacementOf(td(image)); got.Feature != want || got.Why == "" {
			t.Errorf("%s: %+v, want feature %q and a reason", image, got, want)
		}
	}
	if got := DaemonReplacementOf(nil); got.Feature != "" || got.String() != "a sidecar in each task" {
		t.Errorf("nil task definition: %+v", got)
	}
}
