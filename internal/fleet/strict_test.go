package fleet

import (
	"context"
	"reflect"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecs2fargate/ecs2fargate/internal/fleetgen"
)

// slowDecode is the full decoder alone, as decodeItem ran before the
// strict fast path existed.
func slowDecode(t *testing.T, raw []byte, dst any) {
	t.Helper()
	v, err := generic(raw)
	if err != nil {
		t.Fatal(err)
	}
	var diags []Diagnostic
	decoder{file: "x", diags: &diags}.decode(v, reflect.ValueOf(dst).Elem(), "")
	if len(diags) > 0 {
		t.Fatalf("full decoder: %v", diags)
	}
}

// The fast path must build exactly what the full decoder builds.
func TestStrictDecodeMatchesFullDecoder(t *testing.T) {
	dir := t.TempDir()
	if err := fleetgen.WriteTemp(dir, fleetgen.Options{Services: 150, PerCluster: 25}); err != nil {
		t.Fatal(err)
	}
	f, diags := Load(context.Background(), []string{dir}, nil)
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	for _, td := range f.TaskDefinitions {
		var want ecstypes.TaskDefinition
		slowDecode(t, docBytes(t, td.Doc), &want)
		if !reflect.DeepEqual(td.Def, want) {
			t.Fatalf("task definition %s decodes differently on the fast path", td.Key())
		}
	}
	for _, s := range f.Services {
		var want ecstypes.Service
		slowDecode(t, docBytes(t, s.Doc), &want)
		if !reflect.DeepEqual(s.Svc, want) {
			t.Fatalf("service %s decodes differently on the fast path", s.Name())
		}
	}
}

// A document the fast path refuses still gets the full decoder's
// diagnostics and values.
func TestStrictDecodeFallsBack(t *testing.T) {
	doc := `{"taskDefinition": {"family": "web", "revision": 3, "cpu": 256, "newField": true,
		"registeredAt": 1767225600, "containerDefinitions": [{"name": "app", "image": "nginx"}]}}`
	f, diags := LoadBytes("td.json", []byte(doc))
	if len(f.TaskDefinitions) != 1 {
		t.Fatalf("task definition not loaded: %v", diags)
	}
	def := f.TaskDefinitions[0].Def
	if ptr.Value(def.Cpu) != "256" || def.RegisteredAt == nil || len(def.ContainerDefinitions) != 1 {
		t.Errorf("fallback decode lost values: cpu %q, registeredAt %v", ptr.Value(def.Cpu), def.RegisteredAt)
	}
	if len(diags) != 1 || diags[0].Path != "taskDefinition.newField" {
		t.Errorf("want one warning for taskDefinition.newField, got %v", diags)
	}
}

// One element the fast path refuses does not throw the elements after it
// out of step: each still gets its own values, and only the odd one a
// warning.
func TestStrictArrayKeepsStepAfterAFallback(t *testing.T) {
	doc := `{"services": [
		{"serviceName": "a", "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/c", "desiredCount": 1},
		{"serviceName": "b", "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/c", "desiredCount": 2, "newField": {"x": [1]}},
		{"serviceName": "c", "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/c", "desiredCount": "3"},
		7,
		{"serviceName": "e", "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/c", "desiredCount": 5}
	]}`
	f, diags := LoadBytes("services.json", []byte(doc))
	got := map[string]int32{}
	for _, s := range f.Services {
		got[s.Name()] = s.Svc.DesiredCount
	}
	want := map[string]int32{"a": 1, "b": 2, "c": 0, "e": 5}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("services %v, want %v", got, want)
	}
	paths := map[string]bool{}
	for _, d := range diags {
		paths[d.Path] = true
	}
	for _, p := range []string{"services[1].newField", "services[2].desiredCount", "services[3]"} {
		if !paths[p] {
			t.Errorf("no diagnostic at %s: %v", p, diags)
		}
	}
	if len(diags) != 3 {
		t.Errorf("%d diagnostics, want 3: %v", len(diags), diags)
	}
}
