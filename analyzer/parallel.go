package analyzer

import (
	"runtime"
	"sync"
	"sync/atomic"
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
