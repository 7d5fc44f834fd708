package fleet

import (
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"
)

// A fleet's lookups may be read from many goroutines with no warm-up: the
// lazily built ones (services by task definition, images, host evidence)
// give every reader what one reader alone gets. Run with -race.
func TestLookupsInParallel(t *testing.T) {
	dir := filepath.Join("..", "..", "examples", "demo-fleet")
	type seen struct {
		hosts   Hosts
		windows bool
		users   int
		image   *Image
	}
	look := func(f *Fleet, td *TaskDefinition) seen {
		s := seen{hosts: f.HostsOf(td), windows: f.IsWindows(td), users: len(f.ServicesUsing(td))}
		if len(td.Def.ContainerDefinitions) > 0 {
			s.image = f.Image(ptr.Value(td.Def.ContainerDefinitions[0].Image))
		}
		return s
	}
	alone := loadClean(t, dir)
	want := make([]seen, len(alone.TaskDefinitions))
	for i, td := range alone.TaskDefinitions {
		want[i] = look(alone, td)
	}
	// Hand-assembled, so that the index itself is built on first use too.
	loaded := loadClean(t, dir)
	shared := &Fleet{TaskDefinitions: loaded.TaskDefinitions, Services: loaded.Services, Clusters: loaded.Clusters,
		ContainerInstances: loaded.ContainerInstances, Instances: loaded.Instances, Images: loaded.Images}
	got := make([]seen, len(shared.TaskDefinitions))
	var wg sync.WaitGroup
	for i, td := range shared.TaskDefinitions {
		wg.Go(func() { got[i] = look(shared, td) })
	}
	wg.Wait()
	for i, td := range alone.TaskDefinitions {
		if w, g := want[i], got[i]; !reflect.DeepEqual(w.hosts, g.hosts) || w.windows != g.windows || w.users != g.users || (w.image == nil) != (g.image == nil) {
			t.Errorf("%s: shared fleet gave %+v, a fleet read alone %+v", td.Key(), g, w)
		}
	}
}
