package main

import (
	"unsafe"

	"github.com/ecs2fargate/ecs2fargate/rewrite"
)

// heldResult is a task definition's rewrite packed while it waits for the
// rows of the rest of its services: the services of a shared task
// definition sit far apart in the report's order, so the preview holds
// tens of thousands of rewrites at once, and their changes, each a
// 104-byte Change with its path, values and message in allocations of
// their own, were up to 65 MB of the report's live heap at 100,000
// services (issue 17). Packed, a change is a 40-byte record and its bytes
// one run of a buffer the rewrite shares. Each row is given a Result of
// its own, equal to the one packed (heldResult.result).
type heldResult struct {
	res     rewrite.Result // the result without its changes
	bytes   []byte         // each change's path, before, after and message in turn; never modified
	changes []heldChange
	noList  bool // the result's change list was nil, not empty
}

// heldChange is a change of a held result: its rule and where its parts
// are in the held bytes (their lengths; the parts follow one another).
type heldChange struct {
	ruleID                       string // one of the rules' few IDs, shared
	path, before, after, message uint32
	flags                        uint8
}

const (
	heldLossy uint8 = 1 << iota
	heldBeforeNil
	heldAfterNil
)

// holdResult packs r, which the caller lets go of.
func holdResult(r *rewrite.Result) *heldResult {
	n := 0
	for _, c := range r.Changes {
		n += len(c.Path) + len(c.Before) + len(c.After) + len(c.Message)
	}
	h := &heldResult{res: *r, bytes: make([]byte, 0, n), changes: make([]heldChange, len(r.Changes))}
	h.res.Changes, h.noList = nil, r.Changes == nil
	for i, c := range r.Changes {
		hc := heldChange{ruleID: c.RuleID, path: uint32(len(c.Path)), before: uint32(len(c.Before)),
			after: uint32(len(c.After)), message: uint32(len(c.Message))}
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
		h.bytes = append(append(append(append(h.bytes, c.Path...), c.Before...), c.After...), c.Message...)
	}
	return h
}

// result is the held result, with a change list of its own whose paths,
// values and messages are the held bytes (read-only, as every report's
// change list is).
func (h *heldResult) result() *rewrite.Result {
	r := h.res
	if h.noList {
		return &r
	}
	r.Changes = make([]rewrite.Change, len(h.changes))
	at := 0
	next := func(n uint32) []byte {
		b := h.bytes[at : at+int(n) : at+int(n)]
		at += int(n)
		return b
	}
	for i, hc := range h.changes {
		c := rewrite.Change{RuleID: hc.ruleID, Path: heldString(next(hc.path)), Lossy: hc.flags&heldLossy != 0}
		c.Before, c.After = next(hc.before), next(hc.after)
		if hc.flags&heldBeforeNil != 0 {
			c.Before = nil
		}
		if hc.flags&heldAfterNil != 0 {
			c.After = nil
		}
		c.Message = heldString(next(hc.message))
		r.Changes[i] = c
	}
	return &r
}

// heldString is b as a string without a copy: the held bytes are never
// modified once packed, so the string stays what it was.
func heldString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}
