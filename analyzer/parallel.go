package analyzer

import (
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// parallel calls do(i) for every i in [0, n) on as many goroutines as
// there are cores. do must write only to its own i.
func parallel(n int, do func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				do(i)
			}
		}()
	}
	wg.Wait()
}

// warm fills every lazily built lookup the rules read, the fleet's indexes
// and the memo, before subjects are checked concurrently: afterwards the
// rules only read shared state.
func (m *memo) warm(f *fleet.Fleet) {
	f.ServicesUsing(nil)
	f.Image("")
	m.subnetDemand(f, "") // also each service cluster's instance network
	m.hostsOf(f, nil)
	m.isWindows(f, nil)
	for _, td := range f.TaskDefinitions {
		m.hostsOf(f, td)
		m.isWindows(f, td)
	}
}
