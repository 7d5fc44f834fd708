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
// only for bad options and, with Options.Parts, for a part that could not
// be written; AWS failures are gaps.
//
// With Options.Parts the fleet is loaded from the parts' files (the
// account-regions read now and those resumed), so that what a sweep holds
// in memory at once is the account-regions in flight, not the estate.
func Discover(ctx context.Context, targets []Target, opts Options) (*fleet.Fleet, []fleet.Diagnostic, error) {
	if err := opts.defaults(); err != nil {
		return nil, nil, err
	}
	if opts.Parts != nil {
		parts, err := Sweep(ctx, targets, opts)
		if err != nil {
			return nil, nil, err
		}
		f, diags := fleet.Load(context.WithoutCancel(ctx), Paths(parts), nil)
		if ctx.Err() != nil {
			f.Gaps = append(f.Gaps, fleet.Gap{Scope: "discovery", Reason: fmt.Sprintf("stopped before finishing: %v", ctx.Err())})
		}
		return f, diags, nil
	}
	all := &collector{}
	sweep(ctx, targets, opts, func(_, _ string, col *collector) error {
		all.merge(col)
		return nil
	})
	if ctx.Err() != nil {
		all.gap("discovery", fmt.Sprintf("stopped before finishing: %v", ctx.Err()))
	}
	f, diags := all.fleet()
	return f, diags, nil
}

// Sweep reads every target in every region into Options.Parts, one file
// per account-region written as each finishes, and returns the parts in
// target then region order. With Parts.Resume an account-region already
// finished there is not read again. An account-region cut short by the
// context is not written (a resumed sweep reads it). The error is for bad
// options and for a part that could not be written.
func Sweep(ctx context.Context, targets []Target, opts Options) ([]Part, error) {
	if err := opts.defaults(); err != nil {
		return nil, err
	}
	if opts.Parts == nil {
		return nil, fmt.Errorf("Sweep needs Options.Parts")
	}
	parts := make([]Part, 0, len(targets)*len(opts.Regions))
	index := map[[2]string]int{}
	for _, t := range targets {
		for _, region := range opts.Regions {
			index[[2]string{t.Account, region}] = len(parts)
			parts = append(parts, Part{Account: t.Account, Region: region})
		}
	}
	var mu sync.Mutex
	var firstErr error
	sweep(ctx, targets, opts, func(account, region string, col *collector) error {
		col.sort()
		path, err := opts.Parts.write(account, region, &col.f)
		mu.Lock()
		defer mu.Unlock()
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			return err
		}
		p := &parts[index[[2]string{account, region}]]
		p.Path, p.Gaps = path, len(col.f.Gaps)
		return nil
	}, func(account, region, path string) {
		mu.Lock()
		defer mu.Unlock()
		p := &parts[index[[2]string{account, region}]]
		p.Path, p.Resumed = path, true
	})
	return parts, firstErr
}

// sweep reads the account-regions, Options.AccountRegions at a time, each
// into its own collector, and hands each finished one to done (not one
// the context cut short). resumed, when given, is told of the
// account-regions Options.Parts already holds, which are not read.
func sweep(ctx context.Context, targets []Target, opts Options, done func(account, region string, col *collector) error, resumed ...func(account, region, path string)) {
	prog := &progress{opts: opts, start: time.Now()}
	prog.targets = len(targets) * len(opts.Regions)
	slots := make(chan struct{}, opts.AccountRegions)
	var wg sync.WaitGroup
	for _, t := range targets {
		for _, region := range opts.Regions {
			if opts.Parts != nil {
				if path, ok := opts.Parts.finished(t.Account, region); ok {
					for _, fn := range resumed {
						fn(t.Account, region, path)
					}
					prog.resumedOne()
					continue
				}
			}
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
			}
			if ctx.Err() != nil {
				wg.Wait()
				return
			}
			wg.Add(1)
			go func(t Target, region string) {
				defer wg.Done()
				defer func() { <-slots }()
				col := &collector{}
				newReader(t, region, opts, col, prog).read(ctx)
				if ctx.Err() == nil {
					done(t.Account, region, col)
				}
				prog.targetDone()
			}(t, region)
		}
	}
	wg.Wait()
}

// progress counts what discovery has done and reports it.
type progress struct {
	mu                                              sync.Mutex
	opts                                            Options
	start                                           time.Time
	targets, targetsDone, clusters, services, calls int
	retries, cached, resumed                        int
}

// fromCache counts one task definition served by Options.TaskDefinitions.
func (p *progress) fromCache() {
	p.mu.Lock()
	p.cached++
	p.mu.Unlock()
	p.report()
}

// resumedOne counts one account-region taken from Options.Parts.
func (p *progress) resumedOne() {
	p.mu.Lock()
	p.resumed++
	p.targetsDone++
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
	p.opts.Progress(Progress{Targets: p.targets, TargetsDone: p.targetsDone, Clusters: p.clusters, Services: p.services, Calls: p.calls,
		Retries: p.retries, Cached: p.cached, Resumed: p.resumed, Elapsed: time.Since(p.start)})
}
