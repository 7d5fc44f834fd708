package discover

import "sync"

// parallel runs fn for every index at once and waits; reader.call bounds
// how many requests are actually in flight.
func parallel(n int, fn func(i int)) {
	var wg sync.WaitGroup
	wg.Add(n)
	for i := 0; i < n; i++ {
		go func(i int) {
			defer wg.Done()
			fn(i)
		}(i)
	}
	wg.Wait()
}
