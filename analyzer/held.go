package analyzer

import "github.com/ecs2fargate/ecs2fargate/internal/fleet"

// heldPerSubject is about how many bytes an audit keeps live a subject
// (task definition or service) while it runs and until its results are
// written: the verdict, the findings' records, texts and subjects, and
// the lookups the rules share (memo). The generated 100,000-service fleet
// (167,000 subjects) grew the live heap from 397 to 668–699 MB during
// its audit (`GODEBUG=gctrace=1`), 1.7–1.8 KB a subject; this is a little
// under that, so a collector told of it (heapgoal.Reserve) does not let
// the heap grow past where the audit takes it anyway.
const heldPerSubject = 1536

// HeldBytes is about how much an audit of f keeps live above the loaded
// fleet (see heldPerSubject).
func HeldBytes(f *fleet.Fleet) uint64 {
	return uint64(len(f.TaskDefinitions)+len(f.Services)) * heldPerSubject
}
