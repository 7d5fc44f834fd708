package fleet

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleetgen"
)

// Sharing the model's equal parts (see shareModel) changes no value: a
// load of inputs of every kind equals, deeply, one that shares nothing.
func TestSharedModelEqualsACopyPerDocument(t *testing.T) {
	gen := filepath.Join(t.TempDir(), "generated")
	if err := fleetgen.WriteTemp(gen, fleetgen.Options{Services: 200, PerCluster: 25}); err != nil {
		t.Fatal(err)
	}
	paths := []string{gen, shapesDir, "testdata/yaml", "testdata/metricdata", "../../testdata/corpus", "../../examples"}
	defer func() { shareOnLoad = true }()
	shareOnLoad = false
	want, wantDiags := Load(context.Background(), paths, nil)
	shareOnLoad = true
	got, gotDiags := Load(context.Background(), paths, nil)
	if len(want.Services) < 200 || len(want.Instances) == 0 || len(want.Images) == 0 || len(want.TargetGroups) == 0 {
		t.Fatalf("too little loaded to tell: %d services", len(want.Services))
	}
	requireSameLoad(t, got, want, gotDiags, wantDiags, "a load that shares nothing")

	// And it shares: the generated services' deployment configurations
	// are a few distinct values, each held once by each loader worker.
	distinct := map[any]bool{}
	for _, s := range got.Services {
		if s.Svc.DeploymentConfiguration != nil {
			distinct[s.Svc.DeploymentConfiguration] = true
		}
	}
	if len(distinct) == 0 || len(distinct) > len(got.Services)/10 {
		t.Errorf("%d services hold %d deployment configurations, want a few shared ones", len(got.Services), len(distinct))
	}
}

// share never takes two values that differ for one: one field apart,
// deep down (a pointer to an int32 inside a struct in a slice), they stay
// apart, and equal ones become one.
func TestShareKeepsDifferentValuesApart(t *testing.T) {
	type inner struct {
		N *int32
		S string
	}
	type outer struct {
		List []inner
		M    map[string]string
		P    *inner
	}
	n1, n2, n1again := int32(1), int32(2), int32(1)
	a := outer{List: []inner{{&n1, "x"}}, M: map[string]string{"k": "v"}, P: &inner{&n1, "y"}}
	b := outer{List: []inner{{&n2, "x"}}, M: map[string]string{"k": "w"}, P: &inner{&n1again, "y"}}
	c := outer{List: []inner{{&n1again, "x"}}, M: map[string]string{"k": "v"}, P: &inner{&n2, "y"}}
	s := newSharer()
	for _, v := range []*outer{&a, &b, &c} {
		s.shareIn(v)
	}
	if *a.List[0].N != 1 || *b.List[0].N != 2 || *c.List[0].N != 1 || a.M["k"] != "v" || b.M["k"] != "w" || *b.P.N != 1 || *c.P.N != 2 {
		t.Fatalf("values changed: %+v %+v %+v", a, b, c)
	}
	if &a.List[0] != &c.List[0] || &a.List[0] == &b.List[0] {
		t.Error("equal lists not shared, or different ones shared")
	}
	if a.P != b.P || a.P == c.P {
		t.Error("equal structs not shared, or different ones shared")
	}
	if reflect.ValueOf(a.M).UnsafePointer() != reflect.ValueOf(c.M).UnsafePointer() {
		t.Error("equal maps not shared")
	}
}
