package discover

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// Discover reads every target in every region and returns the fleet, with
// everything that could not be read recorded in Fleet.Gaps. The error is
// only for bad options; AWS failures are gaps.
func Discover(ctx context.Context, targets []Target, opts Options) (*fleet.Fleet, []fleet.Diagnostic, error) {
	if err := opts.defaults(); err != nil {
		return nil, nil, err
	}
	col := &collector{}
	prog := &progress{opts: opts, start: time.Now()}
	prog.targets = len(targets) * len(opts.Regions)
	var wg sync.WaitGroup
	for _, t := range targets {
		for _, region := range opts.Regions {
			wg.Add(1)
			go func(t Target, region string) {
				defer wg.Done()
				r := newReader(t, region, opts, col, prog)
				r.read(ctx)
				prog.targetDone()
			}(t, region)
		}
	}
	wg.Wait()
	if ctx.Err() != nil {
		col.gap("discovery", fmt.Sprintf("stopped before finishing: %v", ctx.Err()))
	}
	f, diags := col.fleet()
	return f, diags, nil
}

// progress counts what discovery has done and reports it.
type progress struct {
	mu                                              sync.Mutex
	opts                                            Options
	start                                           time.Time
	targets, targetsDone, clusters, services, calls int
	retries, cached                                 int
}

// fromCache counts one task definition served by Options.TaskDefinitions.
func (p *progress) fromCache() {
	p.mu.Lock()
	p.cached++
	p.mu.Unlock()
	p.report()
}

// retried counts one retry of a call (throttling, a 5xx, a timeout).
func (p *progress) retried() {
	p.mu.Lock()
	p.retries++
	p.mu.Unlock()
	p.report()
}

func (p *progress) add(clusters, services, calls int) {
	p.mu.Lock()
	p.clusters += clusters
	p.services += services
	p.calls += calls
	p.mu.Unlock()
	p.report()
}

func (p *progress) targetDone() {
	p.mu.Lock()
	p.targetsDone++
	p.mu.Unlock()
	p.report()
}

// report calls the Progress callback with the counts so far. The callback runs
// under the lock, so it is called from one goroutine at a time and sees counts
// that never go backwards; a printer keeping its own state needs no lock.
func (p *progress) report() {
	if p.opts.Progress == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.opts.Progress(Progress{Targets: p.targets, TargetsDone: p.targetsDone, Clusters: p.clusters, Services: p.services, Calls: p.calls, Retries: p.retries, Cached: p.cached, Elapsed: time.Since(p.start)})
}
