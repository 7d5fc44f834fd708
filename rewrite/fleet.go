package rewrite

import (
	"runtime"
	"sync"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// TaskDefinitions rewrites every task definition of f, on all CPUs.
// results[i] and errs[i] belong to f.TaskDefinitions[i]; one of them is nil.
func TaskDefinitions(f *fleet.Fleet, opts Options) (results []*Result, errs []error) {
	n := len(f.TaskDefinitions)
	results, errs = make([]*Result, n), make([]error, n)
	if n == 0 {
		return results, errs
	}
	warm(f)
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), n); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i], errs[i] = TaskDefinition(f, f.TaskDefinitions[i], opts)
			}
		}()
	}
	for i := range f.TaskDefinitions {
		next <- i
	}
	close(next)
	wg.Wait()
	return results, errs
}

// warm builds the fleet's lazy lookups before workers share it, so that
// they only ever read them.
func warm(f *fleet.Fleet) {
	f.ServicesUsing(f.TaskDefinitions[0])
	f.Image("")
	f.Cluster("")
}
