package analyzer

import (
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

func TestHostAgentDependencyClassification(t *testing.T) {
	cases := []struct {
		name, value string
		want        bool
	}{
		{"DD_AGENT_HOST", "172.17.0.1", true},
		{"DD_AGENT_HOST", "localhost", false},
		{"DD_AGENT_HOST", "", true}, // filled in at start-up from the host, typically
		{"dd_trace_agent_url", "http://127.0.0.1:8126", false},
		{"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://otel-collector.internal:4318", true},
		{"OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4317", false},
		{"AWS_XRAY_DAEMON_ADDRESS", "[::1]:2000", false},
		{"UPSTREAM", "http://172.17.0.1:8080", true},
		{"UPSTREAM", "http://172.17.0.10:8080", false},
		{"META", "http://169.254.169.254/latest/meta-data/", true},
		{"META", "169.254.170.2", false}, // task credentials endpoint works on Fargate
		{"DOCKER_HOST_ALIAS", "host.docker.internal:8125", true},
		{"DB_HOST", "db.internal", false},
	}
	for _, tc := range cases {
		s := &Subject{Fleet: &fleet.Fleet{}, TaskDef: &fleet.TaskDefinition{Def: ecstypes.TaskDefinition{
			ContainerDefinitions: []ecstypes.ContainerDefinition{{
				Name:        ptr.To("app"),
				Environment: []ecstypes.KeyValuePair{{Name: ptr.To(tc.name), Value: ptr.To(tc.value)}},
			}},
		}}}
		got := checkHostAgentDependency(s)
		if (len(got) > 0) != tc.want {
			t.Errorf("%s=%q: fired=%v, want %v", tc.name, tc.value, len(got) > 0, tc.want)
		}
		for _, f := range got {
			if tc.value != "" && (f.Value == tc.value || strings.Contains(f.Message, tc.value)) {
				t.Errorf("%s: finding leaks the value: %+v", tc.name, f)
			}
		}
	}
}

func TestSecretsManagerFieldRef(t *testing.T) {
	base := "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf"
	for ref, want := range map[string]bool{
		base:                   false,
		base + ":::":           false,
		base + ":password::":   true,
		base + "::AWSCURRENT:": true,
		base + ":::0f1e2d3c":   true,
		"arn:aws:ssm:us-east-1:123456789012:parameter/db/password": false,
		"/db/password": false,
	} {
		if got := secretsManagerFieldRef(ref); got != want {
			t.Errorf("secretsManagerFieldRef(%q) = %v, want %v", ref, got, want)
		}
	}
}
