package main

import (
	"bytes"
	"strings"
	"sync"
	"testing"
)

// Reading thousands of files prints a line at each tenth when stderr is
// not a terminal, ending with the total; a short run prints nothing.
func TestFileProgress(t *testing.T) {
	var out bytes.Buffer
	p := fileProgressPrinter(&out)
	var wg sync.WaitGroup
	var next sync.Mutex
	done := 0
	for range 4 {
		wg.Go(func() {
			for {
				next.Lock()
				if done == 2500 {
					next.Unlock()
					return
				}
				done++
				n := done
				next.Unlock()
				p(n, 2500)
			}
		})
	}
	wg.Wait()
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) < 9 || len(lines) > 10 || !strings.HasPrefix(lines[len(lines)-1], "reading inputs: 2500/2500 files") {
		t.Errorf("progress lines:\n%s", out.String())
	}
	if strings.Contains(out.String(), "\033[") {
		t.Error("escape sequences on a non-terminal")
	}
	out.Reset()
	p = fileProgressPrinter(&out)
	for i := 1; i <= fileProgressMin-1; i++ {
		p(i, fileProgressMin-1)
	}
	if out.Len() != 0 {
		t.Errorf("progress for %d files: %q", fileProgressMin-1, out.String())
	}
}
