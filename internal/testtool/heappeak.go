package testtool

import (
	"runtime/metrics"
	"sync"
	"time"
)

// heapObjects is the live heap as runtime/metrics names it: the bytes of
// objects not yet swept away, which is what a process must hold.
const heapObjects = "/memory/classes/heap/objects:bytes"

// HeapPeak samples the process's live heap every interval until the
// returned function is called, which gives the highest figure seen. It is
// for a test that runs a long piece of work in-process (an organisation
// sweep against the in-repo fake AWS) and must bound its memory, where a
// child process's peak RSS is not to be had. Sampling can miss a peak
// shorter than the interval, so a bound checked with it is a lower bound
// on what the work needed; keep the interval short against the work.
func HeapPeak(interval time.Duration) (stop func() uint64) {
	sample := []metrics.Sample{{Name: heapObjects}}
	read := func() uint64 {
		metrics.Read(sample)
		return sample[0].Value.Uint64()
	}
	var (
		mu   sync.Mutex
		peak = read()
		done = make(chan struct{})
		wg   sync.WaitGroup
	)
	note := func() {
		v := read()
		mu.Lock()
		peak = max(peak, v)
		mu.Unlock()
	}
	wg.Go(func() {
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				note()
			}
		}
	})
	return func() uint64 {
		close(done)
		wg.Wait()
		note()
		return peak
	}
}
