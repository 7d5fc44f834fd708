package awsjson

import (
	"encoding/json"
	"os/exec"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	"github.com/ecs2fargate/ecs2fargate/internal/testtool"
)

func TestMarshalUsesAPINamesAndKeepsUserKeys(t *testing.T) {
	td := ecstypes.TaskDefinition{
		Family:      aws.String("web"),
		Revision:    3,
		NetworkMode: ecstypes.NetworkModeBridge,
		ContainerDefinitions: []ecstypes.ContainerDefinition{{
			Name:         aws.String("app"),
			DockerLabels: map[string]string{"Com.Example/Team": "web", "a": "b"},
		}},
		RegisteredAt: aws.Time(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)),
	}
	got, err := Marshal(td, ECSCLI)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"containerDefinitions":[{"cpu":0,"dockerLabels":{"Com.Example/Team":"web","a":"b"},"name":"app"}],"family":"web","networkMode":"bridge","registeredAt":"2026-01-02T03:04:05Z","revision":3}`
	if canonical(t, got) != canonical(t, []byte(want)) {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	wire, _ := Marshal(td, ECSWire)
	if !strings.Contains(string(wire), `"registeredAt":1767323045`) {
		t.Errorf("wire style should write epoch seconds: %s", wire)
	}
	pascal, _ := Marshal(td, EC2CLI)
	if !strings.Contains(string(pascal), `"NetworkMode":"bridge"`) {
		t.Errorf("PascalCase style: %s", pascal)
	}
}

func canonical(t *testing.T, b []byte) string {
	t.Helper()
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("%v: %s", err, b)
	}
	out, _ := json.Marshal(v)
	return string(out)
}

// The camelCase names must be the ECS API model's member names; botocore's
// copy of the model checks that independently (skipped without botocore).
func TestCamelNamesMatchTheECSModel(t *testing.T) {
	script := `
import botocore.session, json, sys
m = botocore.session.get_session().get_service_model('ecs')
out = {}
for name in sys.argv[1:]:
    out[name] = sorted(m.shape_for(name).members.keys())
print(json.dumps(out))
`
	shapes := map[string]any{"TaskDefinition": ecstypes.TaskDefinition{}, "ContainerDefinition": ecstypes.ContainerDefinition{},
		"Service": ecstypes.Service{}, "ContainerInstance": ecstypes.ContainerInstance{}, "LinuxParameters": ecstypes.LinuxParameters{}}
	args := []string{"-c", script}
	for name := range shapes {
		args = append(args, name)
	}
	py := testtool.Botocore(t, "the cross-check of member names with the ECS model")
	out, err := exec.Command(py, args...).Output()
	if err != nil {
		t.Fatalf("botocore's ECS model could not be read (%v)", err)
	}
	var model map[string][]string
	if err := json.Unmarshal(out, &model); err != nil {
		t.Fatal(err)
	}
	for name, v := range shapes {
		members := map[string]string{} // lower-case → model spelling
		for _, m := range model[name] {
			members[strings.ToLower(m)] = m
		}
		typ := reflect.TypeOf(v)
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			if !f.IsExported() {
				continue
			}
			camel := ECSCLI.name(f.Name)
			spelled, known := members[strings.ToLower(camel)]
			switch {
			case !known:
				t.Logf("%s.%s (%q) is newer than this botocore's model; not checked", name, f.Name, camel)
			case spelled != camel:
				t.Errorf("%s.%s encodes as %q, but the ECS model spells it %q", name, f.Name, camel, spelled)
			}
		}
	}
}

func TestRawMessageIsWrittenAsJSON(t *testing.T) {
	v := struct {
		Doc   json.RawMessage
		Empty json.RawMessage
	}{Doc: json.RawMessage(`{"a": [1, 2]}`)}
	got, err := Marshal(v, ECSCLI)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"doc":{"a":[1,2]}}`; string(got) != want {
		t.Errorf("got %s, want %s", got, want)
	}
}
