package main

import (
	"unique"

	"github.com/ecs2fargate/ecs2fargate/rewrite"
)

// heldResult is a task definition's rewrite held while it waits for the
// rows of the rest of its services: the services of a shared task
// definition sit far apart in the report's order, so the preview holds
// tens of thousands of rewrites at once, and their changes, each a
// 104-byte Change with its path, values and message in allocations of
// their own, were up to 65 MB of the report's live heap at 100,000
// services (issue 17). The same paths, values and messages recur from
// one task definition to the next (on /tmp/fleet10k, 12.4 MB of them are
// 0.8 MB of distinct text), so a held change keeps each as a handle to
// its one canonical copy (unique.Make: a copy no longer held is freed).
// Each row is given a Result of its own, equal to the one held
// (heldResult.result).
type heldResult struct {
	res     rewrite.Result // the result without its changes
	changes []heldChange
	noList  bool // the result's change list was nil, not empty
}

// heldChange is a change of a held result.
type heldChange struct {
	ruleID                       string // one of the rules' few IDs, shared
	path, before, after, message unique.Handle[string]
	flags                        uint8
}

const (
	heldLossy uint8 = 1 << iota
	heldBeforeNil
	heldAfterNil
)

// holdResult is r held; the caller lets go of r.
func holdResult(r *rewrite.Result) *heldResult {
	h := &heldResult{res: *r, changes: make([]heldChange, len(r.Changes)), noList: r.Changes == nil}
	h.res.Changes = nil
	for i, c := range r.Changes {
		hc := heldChange{ruleID: c.RuleID, path: unique.Make(c.Path), before: unique.Make(string(c.Before)),
			after: unique.Make(string(c.After)), message: unique.Make(c.Message)}
		if c.Lossy {
			hc.flags |= heldLossy
		}
		if c.Before == nil {
			hc.flags |= heldBeforeNil
		}
		if c.After == nil {
			hc.flags |= heldAfterNil
		}
		h.changes[i] = hc
	}
	return h
}

// result is the held result, with a change list and values of its own.
func (h *heldResult) result() *rewrite.Result {
	r := h.res
	if h.noList {
		return &r
	}
	r.Changes = make([]rewrite.Change, len(h.changes))
	for i, hc := range h.changes {
		c := rewrite.Change{RuleID: hc.ruleID, Path: hc.path.Value(), Lossy: hc.flags&heldLossy != 0, Message: hc.message.Value()}
		if hc.flags&heldBeforeNil == 0 {
			c.Before = []byte(hc.before.Value())
		}
		if hc.flags&heldAfterNil == 0 {
			c.After = []byte(hc.after.Value())
		}
		r.Changes[i] = c
	}
	return &r
}
