package fleet

import (
	"context"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleetgen"
)

// The builder's lists are sized from what the workers made before any is
// applied: on a generated fleet, where every resource made is added, to
// exactly their length.
func TestBuilderReservesWhatTheWorkersMade(t *testing.T) {
	dir := t.TempDir()
	if err := fleetgen.WriteTemp(dir, fleetgen.Options{Services: 300, PerCluster: 30}); err != nil {
		t.Fatal(err)
	}
	b := newBuilder()
	f, diags := b.load(context.Background(), []string{dir}, nil)
	if HasErrors(diags) || len(f.Services) != 300 {
		t.Fatalf("%d services, diagnostics %v", len(f.Services), diags)
	}
	for name, lens := range map[string][2]int{
		"services":         {len(f.Services), cap(f.Services)},
		"task definitions": {len(f.TaskDefinitions), cap(f.TaskDefinitions)},
		"instances":        {len(f.Instances), cap(f.Instances)},
		"target groups":    {len(f.TargetGroups), cap(f.TargetGroups)},
	} {
		if lens[0] == 0 || lens[0] != lens[1] {
			t.Errorf("%s: length %d, room %d", name, lens[0], lens[1])
		}
	}
}
