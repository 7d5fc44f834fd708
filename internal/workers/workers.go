// Package workers runs independent pieces of work on every core.
package workers

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Each calls do(i) for every i in [0, n) on one goroutine per core
// (GOMAXPROCS) and returns when all calls have returned. Each call must
// write only to its own i's share of any state; results kept by index come
// out the same, in the same order, as a loop's.
func Each(n int, do func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				do(i)
			}
		})
	}
	wg.Wait()
}
