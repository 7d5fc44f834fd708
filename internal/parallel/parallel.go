// Package parallel runs independent pieces of work on every core.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// For calls do(i) for every i in [0, n) on as many goroutines as there
// are cores (GOMAXPROCS), and returns when all calls have returned. Each
// i is handed out once, in rising order; do must write only to what
// belongs to its own i.
func For(n int, do func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				do(i)
			}
		})
	}
	wg.Wait()
}
