package workers

import (
	"runtime"
	"testing"
)

// Each calls do once for every index, on one core or several, and for none
// when there is no work.
func TestEachCallsEveryIndexOnce(t *testing.T) {
	for _, procs := range []int{1, 4} {
		for _, n := range []int{0, 1, 3, 100} {
			func() {
				defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
				calls := make([]int, n)
				Each(n, func(i int) { calls[i]++ })
				for i, c := range calls {
					if c != 1 {
						t.Errorf("GOMAXPROCS %d, n %d: do(%d) called %d times", procs, n, i, c)
					}
				}
			}()
		}
	}
}
