package fleet

import (
	"reflect"
	"testing"
)

// requireSameLoad fails t where got, a load made one way, differs from
// want, the same inputs loaded the plain way: its diagnostics, or any of
// its lists of objects (what says "differ from " + plain).
func requireSameLoad(t *testing.T, got, want *Fleet, gotDiags, wantDiags []Diagnostic, plain string) {
	t.Helper()
	if !reflect.DeepEqual(gotDiags, wantDiags) {
		t.Errorf("diagnostics differ:\n got %v\nwant %v", gotDiags, wantDiags)
	}
	for _, c := range []struct {
		name      string
		got, want any
	}{
		{"task definitions", got.TaskDefinitions, want.TaskDefinitions},
		{"services", got.Services, want.Services},
		{"clusters", got.Clusters, want.Clusters},
		{"container instances", got.ContainerInstances, want.ContainerInstances},
		{"instances", got.Instances, want.Instances},
		{"images", got.Images, want.Images},
		{"target groups", got.TargetGroups, want.TargetGroups},
		{"subnets", got.Subnets, want.Subnets},
		{"volumes", got.Volumes, want.Volumes},
		{"metrics", got.Metrics, want.Metrics},
		{"cluster metrics", got.ClusterMetrics, want.ClusterMetrics},
		{"inputs", got.Inputs, want.Inputs},
	} {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s differ from %s", c.name, plain)
		}
	}
}
