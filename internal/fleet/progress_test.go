package fleet

import (
	"context"
	"sync"
	"testing"
)

// Progress hears of every input once, with the total, however many
// workers read them.
func TestLoadReportsProgress(t *testing.T) {
	var mu sync.Mutex
	seen := map[int]bool{}
	totals := map[int]bool{}
	f, _ := LoadWith(context.Background(), []string{"../../examples/demo-fleet"}, nil, LoadOptions{Progress: func(done, total int) {
		mu.Lock()
		defer mu.Unlock()
		seen[done], totals[total] = true, true
	}})
	n := len(f.Inputs)
	if n < 10 || len(seen) != n || len(totals) != 1 || !totals[n] || !seen[n] || !seen[1] {
		t.Errorf("%d inputs; progress saw counts %v, totals %v", n, seen, totals)
	}
}
