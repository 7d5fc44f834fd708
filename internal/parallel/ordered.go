package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Ordered calls do(i) for every i in [0, n) on as many goroutines as there
// are cores, and hands each result to emit on the calling goroutine in
// rising order of i, as soon as it and every result before it are done.
// At most a few results per core wait for emit at any time, so a caller
// that drops each result once emitted holds a bounded number of them
// (rewrite --out writes each document as it is produced, issue 17). When
// emit returns false no further emit is called and Ordered returns once the
// calls already started are done.
func Ordered[T any](n int, do func(i int) T, emit func(i int, v T) bool) {
	if n <= 0 {
		return
	}
	workers := min(runtime.GOMAXPROCS(0), n)
	window := min(4*workers, n)
	ring := make([]chan T, window) // result of i waits in ring[i%window]
	for k := range ring {
		ring[k] = make(chan T, 1)
	}
	// tokens bound the results started and not yet emitted to window, so
	// the slot of i is free when i is started.
	tokens := make(chan struct{}, window)
	jobs := make(chan int)
	var stop atomic.Bool
	go func() {
		defer close(jobs)
		for i := range n {
			tokens <- struct{}{}
			if stop.Load() {
				return
			}
			jobs <- i
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range jobs {
				var v T
				if !stop.Load() {
					v = do(i)
				}
				ring[i%window] <- v
			}
		})
	}
	for i := range n {
		v, ok := <-ring[i%window], !stop.Load()
		if ok && !emit(i, v) {
			stop.Store(true)
		}
		<-tokens
		if stop.Load() {
			break
		}
	}
	// Let the feeder and the workers finish: drain what they still send.
	go func() {
		for range tokens {
		}
	}()
	for k := range ring {
		go func() {
			for range ring[k] {
			}
		}()
	}
	wg.Wait()
	close(tokens)
	for k := range ring {
		close(ring[k])
	}
}
