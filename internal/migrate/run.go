package migrate

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/sts"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"
	"github.com/ecs2fargate/ecs2fargate/rewrite/runbook"
)

// Options steer a run.
type Options struct {
	// Clients gives the clients of a region.
	Clients func(region string) *Clients
	// CreatePrerequisites lets the precondition steps create what is
	// missing (capacity providers, the execution role, the service-linked
	// role, log groups); without it they only check.
	CreatePrerequisites bool
	// NoRollback leaves a failed service as it is instead of undoing its
	// steps.
	NoRollback bool
	// Concurrency is how many services move at once (default 1).
	Concurrency int
	// Timeout bounds each service's steps (0: none).
	Timeout time.Duration
	// Poll is the pause between reads while waiting for a deployment or
	// healthy targets (default 15 s, the AWS CLI waiters' interval).
	Poll time.Duration
	// Log receives one line per step.
	Log io.Writer
	// BetweenSteps, when set, is called after each step is journalled;
	// when it returns true the run stops there as if interrupted (tests
	// use it to interrupt a run at a chosen point).
	BetweenSteps func(u *Unit, e *Entry) bool
}

func (o *Options) poll() time.Duration {
	if o.Poll <= 0 {
		return 15 * time.Second
	}
	return o.Poll
}

// ErrInterrupted is returned when the run was cancelled between or during
// steps: the journal says where it stopped, and --resume goes on from there.
var ErrInterrupted = errors.New("interrupted")

// CheckAccounts refuses to run with credentials of another account than
// the plan's: the plan's ARNs and checks would all be wrong there.
func CheckAccounts(ctx context.Context, j *Journal, opts Options) error {
	seen := map[string]bool{}
	for _, u := range j.Units {
		if u.Account == "" || seen[u.Account+"/"+u.Region] {
			continue
		}
		seen[u.Account+"/"+u.Region] = true
		out, err := opts.Clients(u.Region).sts.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
		if err != nil {
			return fmt.Errorf("reading the credentials' account in %s: %w", u.Region, err)
		}
		if got := ptr.Value(out.Account); got != u.Account {
			return fmt.Errorf("the credentials are for account %s but the plan moves services of account %s: use that account's profile", got, u.Account)
		}
	}
	return nil
}

// Run carries out every unit of the journal that is not finished: each
// group's preconditions first, then its services, Concurrency at a time.
// Finished steps (done in the journal) are not repeated.
func Run(ctx context.Context, j *Journal, opts Options) error {
	if opts.Concurrency < 1 {
		opts.Concurrency = 1
	}
	if err := j.save(); err != nil {
		return err
	}
	r := &runner{j: j, opts: opts}
	for i := 0; i < len(j.Units); {
		pre := j.Units[i]
		k := i + 1
		for k < len(j.Units) && j.Units[k].Service != "" {
			k++
		}
		services := j.Units[i+1 : k]
		i = k
		if pre.Service != "" { // a journal without a preconditions unit first
			services = append([]*Unit{pre}, services...)
		} else if !r.unit(ctx, pre) {
			if r.isStopped() {
				break
			}
			for _, u := range services {
				if u.Status == "pending" {
					r.setStatus(u, "not-started", "the preconditions of its account and region did not pass")
				}
			}
			continue
		}
		sem := make(chan struct{}, opts.Concurrency)
		var wg sync.WaitGroup
		for _, u := range services {
			if ctx.Err() != nil || r.isStopped() {
				break
			}
			sem <- struct{}{}
			wg.Add(1)
			go func(u *Unit) {
				defer func() { <-sem; wg.Done() }()
				r.unit(ctx, u)
			}(u)
		}
		wg.Wait()
	}
	if ctx.Err() != nil || r.isStopped() {
		return ErrInterrupted
	}
	return nil
}

type runner struct {
	j       *Journal
	opts    Options
	logM    sync.Mutex
	mu      sync.Mutex
	stopped bool // BetweenSteps asked to stop
}

func (r *runner) isStopped() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.stopped
}

func (r *runner) logf(format string, args ...any) {
	if r.opts.Log == nil {
		return
	}
	r.logM.Lock()
	defer r.logM.Unlock()
	fmt.Fprintf(r.opts.Log, format+"\n", args...)
}

func (r *runner) setStatus(u *Unit, status, note string) {
	_ = r.j.update(func() { u.Status, u.Note = status, note })
}

// unit carries out one unit's unfinished steps and reports whether it is
// complete. A failed step stops the unit and, unless NoRollback, undoes
// its completed steps.
func (r *runner) unit(parent context.Context, u *Unit) bool {
	switch u.Status {
	case "moved", "done":
		return true
	case "rolled-back", "needs-person":
		return false
	}
	// pending, interrupted, failed (--no-rollback, or preconditions) and
	// not-started units go on from their first step not done.
	ctx := parent
	if r.opts.Timeout > 0 && u.Service != "" {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(parent, r.opts.Timeout)
		defer cancel()
	}
	c := r.opts.Clients(u.Region)
	for _, e := range u.Steps {
		if e.Status == "done" {
			continue
		}
		if parent.Err() != nil {
			r.setStatus(u, "interrupted", fmt.Sprintf("stopped before step %d; --resume goes on from there", e.N))
			return false
		}
		now := time.Now().UTC()
		_ = r.j.update(func() { e.Status, e.Started, e.Error = "started", &now, "" })
		r.logf("%s: step %d: %s", u.Name(), e.N, e.Title)
		state := u.State
		state.TargetGroupARNs = append([]string(nil), u.State.TargetGroupARNs...)
		st := &step{c: c, clients: r.opts.Clients, u: u, e: e, create: r.opts.CreatePrerequisites, poll: r.opts.poll(), state: &state}
		before, after, err := st.do(ctx)
		done := time.Now().UTC()
		if err != nil && parent.Err() != nil {
			// Ctrl-C or a crash-like stop: not the step's fault; leave it
			// started, to be run again on --resume.
			_ = r.j.update(func() {
				if len(e.Before) == 0 {
					e.Before = mustJSON(before)
				}
				e.Error = "interrupted: " + err.Error()
				u.Status, u.Note = "interrupted", fmt.Sprintf("stopped in step %d; --resume runs it again", e.N)
			})
			return false
		}
		_ = r.j.update(func() {
			// A step run again (after an interruption or a failure) keeps
			// the state found by its first attempt: that is what the
			// rollback must restore, not what the first attempt left.
			if len(e.Before) == 0 {
				e.Before = mustJSON(before)
			}
			e.Finished, e.After = &done, mustJSON(after)
			u.State = state
			if err != nil {
				e.Status, e.Error = "failed", err.Error()
			} else {
				e.Status = "done"
			}
		})
		if r.opts.BetweenSteps != nil && err == nil && r.opts.BetweenSteps(u, e) {
			r.mu.Lock()
			r.stopped = true
			r.mu.Unlock()
			r.setStatus(u, "interrupted", fmt.Sprintf("stopped after step %d; --resume goes on from there", e.N))
			return false
		}
		if err != nil {
			r.logf("%s: step %d failed: %v", u.Name(), e.N, err)
			if u.Service == "" || r.opts.NoRollback {
				r.setStatus(u, "failed", fmt.Sprintf("step %d (%s) failed: %v", e.N, e.Title, err))
				return false
			}
			r.rollback(parent, u, fmt.Sprintf("step %d (%s) failed: %v", e.N, e.Title, err))
			return false
		}
	}
	if u.Service == "" {
		r.setStatus(u, "done", "")
	} else {
		r.setStatus(u, "moved", "")
	}
	return true
}

// Rollback undoes the completed steps of every service unit of the
// journal, newest first (preconditions stay: see RollbackUnit).
func Rollback(ctx context.Context, j *Journal, opts Options) {
	r := &runner{j: j, opts: opts}
	for i := len(j.Units) - 1; i >= 0; i-- {
		u := j.Units[i]
		if u.Service == "" || u.Status == "rolled-back" || !started(u) {
			continue
		}
		r.rollback(ctx, u, "rolled back on request (--rollback)")
	}
}

// rollback undoes a unit's completed steps newest first. A step whose undo
// fails leaves the unit for a person, with the reason.
func (r *runner) rollback(ctx context.Context, u *Unit, why string) {
	c := r.opts.Clients(u.Region)
	var failed []string
	for i := len(u.Steps) - 1; i >= 0; i-- {
		e := u.Steps[i]
		// A failed update may have reached ECS (its response lost): undo
		// it too, if it got as far as reading the service (Before).
		failedUpdate := e.Status == "failed" && e.Action.Kind == runbook.KindUpdateService && len(e.Before) > 0 && string(e.Before) != "null"
		if e.Status != "done" && !failedUpdate && e.Status != "undo-failed" {
			continue
		}
		st := &step{c: c, clients: r.opts.Clients, u: u, e: e, poll: r.opts.poll(), state: &u.State}
		r.logf("%s: undo step %d: %s", u.Name(), e.N, e.Title)
		// Each undo is bounded like a step: waiting for the old tasks to
		// be healthy again may never end (their hosts gone, the old
		// revision broken), and a rollback that hangs helps nobody; past
		// the bound the step is left to a person.
		uctx, cancel := ctx, context.CancelFunc(func() {})
		if r.opts.Timeout > 0 {
			uctx, cancel = context.WithTimeout(ctx, r.opts.Timeout)
		}
		err := st.undo(uctx)
		cancel()
		_ = r.j.update(func() {
			if err != nil {
				e.Status, e.Error = "undo-failed", err.Error()
			} else {
				e.Status = "undone"
			}
		})
		if err != nil {
			failed = append(failed, fmt.Sprintf("undo of step %d (%s): %v", e.N, e.Title, err))
		}
	}
	if len(failed) > 0 {
		r.setStatus(u, "needs-person", why+"; "+fmt.Sprint(failed))
		return
	}
	r.setStatus(u, "rolled-back", why)
}

// Summary counts the units by status and lists what needs a person.
func Summary(w io.Writer, j *Journal) (moved, rolledBack, needsPerson int) {
	for _, u := range j.Units {
		if u.Service == "" {
			if u.Status == "failed" {
				needsPerson++
				fmt.Fprintf(w, "needs a person: %s: %s\n", u.Name(), u.Note)
			}
			continue
		}
		switch u.Status {
		case "moved":
			moved++
			fmt.Fprintf(w, "moved: %s (%s, %s)%s\n", u.Name(), u.Account, u.Region, oldGroups(u))
		case "rolled-back":
			rolledBack++
			fmt.Fprintf(w, "rolled back: %s: %s\n", u.Name(), u.Note)
		case "pending":
		default:
			needsPerson++
			fmt.Fprintf(w, "needs a person: %s (%s): %s\n", u.Name(), u.Status, u.Note)
		}
	}
	fmt.Fprintf(w, "%d moved, %d rolled back, %d need a person; journal: %s\n", moved, rolledBack, needsPerson, j.path)
	return
}

// oldGroups names the target groups left for the user to delete.
func oldGroups(u *Unit) string {
	var out string
	for _, e := range u.Steps {
		if e.Action.Kind == "forward-only" && e.Status == "done" {
			out += "; old target group left for you to delete: " + e.Action.OldTargetGroup
		}
	}
	return out
}

// started reports whether any of the unit's steps ran.
func started(u *Unit) bool {
	for _, e := range u.Steps {
		if e.Status != "pending" {
			return true
		}
	}
	return false
}
