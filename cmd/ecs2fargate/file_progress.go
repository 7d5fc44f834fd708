package main

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/ecs2fargate/ecs2fargate/internal/terminal"
)

// fileProgressMin is the number of input files from which reading them
// shows progress: below it a run takes a few seconds at most.
const fileProgressMin = 1000

// fileProgressPrinter shows how many input files are read, as live
// discovery shows its progress: one status line redrawn on a terminal,
// else a plain line at each tenth. The loader calls it from several
// workers at once; a call that arrives after a later count is dropped.
func fileProgressPrinter(w io.Writer) func(done, total int) {
	tty := terminal.IsTerminal(w)
	var mu sync.Mutex
	start := time.Now()
	var lastDraw time.Time
	shown, lastTenth := 0, 0
	return func(done, total int) {
		if total < fileProgressMin {
			return
		}
		mu.Lock()
		defer mu.Unlock()
		if done <= shown {
			return
		}
		line := fmt.Sprintf("reading inputs: %d/%d files, %s", done, total, time.Since(start).Round(time.Second))
		switch {
		case tty && (time.Since(lastDraw) > 100*time.Millisecond || done == total):
			shown, lastDraw = done, time.Now()
			fmt.Fprintf(w, "\r\033[K%s", line)
			if done == total {
				fmt.Fprintln(w)
			}
		case !tty && done*10/total > lastTenth:
			shown, lastTenth = done, done*10/total
			fmt.Fprintln(w, line)
		}
	}
}
