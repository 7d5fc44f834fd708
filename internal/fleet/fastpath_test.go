package fleet

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleetgen"
)

// loadJSONOnly is Load with encoding/json alone, as the loader decoded
// before awsjson.DecodeStrict: the reference the fast path must match.
func loadJSONOnly(paths ...string) (*Fleet, []Diagnostic) {
	b := newBuilder()
	b.jsonOnly = true
	return b.load(context.Background(), paths, nil)
}

// loadBytesJSONOnly is LoadBytes with encoding/json alone.
func loadBytesJSONOnly(name string, data []byte) (*Fleet, []Diagnostic) {
	b := newBuilder()
	b.jsonOnly = true
	return b.loadBytes(name, data)
}

// sameLoad fails unless the fast and the encoding/json-only loads of the
// same input give deeply equal fleets and the same diagnostics.
func sameLoad(t *testing.T, what string, fast *Fleet, fastDiags []Diagnostic, slow *Fleet, slowDiags []Diagnostic) {
	t.Helper()
	if !reflect.DeepEqual(fastDiags, slowDiags) {
		t.Errorf("%s: diagnostics differ:\nfast %v\nslow %v", what, fastDiags, slowDiags)
	}
	if !reflect.DeepEqual(fast, slow) {
		t.Errorf("%s: the fast path builds a different fleet", what)
	}
}

// The fast path builds the same fleet, with the same diagnostics, as
// encoding/json alone: on the demo fleet, on generated fleets of every
// network mode and image source fleetgen makes, and on the shape fixtures
// (which include unknown fields, epoch timestamps and bad values).
func TestFastPathLoadsTheSameFleet(t *testing.T) {
	gen := t.TempDir()
	if err := fleetgen.WriteTemp(gen, fleetgen.Options{Services: 300, PerCluster: 30}); err != nil {
		t.Fatal(err)
	}
	shapes, err := filepath.Glob(filepath.Join(shapesDir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	inputs := map[string][]string{
		"demo":      {filepath.Join("..", "..", "examples", "demo-fleet")},
		"fleetgen":  {gen},
		"fixtures":  {shapesDir},
		"each file": shapes,
	}
	for name, paths := range inputs {
		fast, fastDiags := Load(context.Background(), paths, nil)
		slow, slowDiags := loadJSONOnly(paths...)
		if len(fast.Services) == 0 {
			t.Errorf("%s: no services loaded", name)
		}
		sameLoad(t, name, fast, fastDiags, slow, slowDiags)
	}
}

// Documents the fast decoder leaves to encoding/json, or that only the
// full decoder reads, load as before, and the elements around them too.
func TestFastPathFallsBackPerElement(t *testing.T) {
	for _, doc := range []string{
		`{"services": [{"serviceName": "a", "serviceName": "b"}, {"serviceName": "c", "desiredCount": "3"}, {"serviceName": "d"}]}`,
		`{"services": [{"service\u004eame": "a"}, {"ſerviceName": "b"}, {"SERVICENAME": "c", "clusterArn": "arn:aws:ecs:r:1:cluster/x"}]}`,
		`{"services": [{"serviceName": "a", "createdAt": 1767225600.5}, {"serviceName": "b", "createdAt": "2026-01-01T00:00:00+02:00"}]}`,
		`{"services": [{"serviceName": "a", "desiredCount": 1.0}, {"serviceName": "b", "desiredCount": 99999999999}, null, [], {"tags": null}]}`,
		`{"services": [{"deploymentConfiguration": {"deploymentCircuitBreaker": {"enable": true, "rollback": "yes"}}}]}`,
		`{"Reservations": [null, {"Instances": [{"InstanceId": "i-1", "Tags": [{"Key": "a", "Value": "\ud800"}]}]}, {"Instances": {}}]}`,
		`{"containerInstances": [{"remainingResources": [{"name": "CPU", "doubleValue": 1e400}, {"name": "MEMORY", "integerValue": 5}]}]}`,
		`{"taskDefinition": {"family": "web", "containerDefinitions": [{"name": "a", "dockerLabels": {"k": "v", "k": "w", "x\"y": "z"}}]}, "tags": [{"key": "k"}]}`,
		`{"taskDefinition": {"family": "a"}, "tags": [{"KEY": "k", "value": "v"}, {"key": 1}, {"key": "k", "Key": "j"}, {"other": true}]}`,
		`{"taskDefinition": {"family": "a"}, "tags": {}}`,
		`{"taskDefinition": {"family": "a"}, "tags": null}`,
	} {
		fast, fastDiags := LoadBytes("doc.json", []byte(doc))
		slow, slowDiags := loadBytesJSONOnly("doc.json", []byte(doc))
		sameLoad(t, doc, fast, fastDiags, slow, slowDiags)
	}
}
