package rewrite

import (
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/parallel"
)

// TaskDefinitions rewrites every task definition of f, on all CPUs.
// results[i] and errs[i] belong to f.TaskDefinitions[i]; one of them is nil.
func TaskDefinitions(f *fleet.Fleet, opts Options) (results []*Result, errs []error) {
	return TaskDefinitionsOf(f, f.TaskDefinitions, opts)
}

// TaskDefinitionsOf rewrites tds, members of f, on all CPUs. results[i]
// and errs[i] belong to tds[i]; one of them is nil.
func TaskDefinitionsOf(f *fleet.Fleet, tds []*fleet.TaskDefinition, opts Options) (results []*Result, errs []error) {
	return TaskDefinitionsAudited(f, tds, opts, nil)
}

// TaskDefinitionsEach rewrites tds, members of f, on all CPUs, and hands
// each outcome to yield in the order of tds (i indexes tds; one of res and
// err is nil) as soon as it and those before it are done. Only a few
// results per core are held at a time, so a caller that writes each result
// and drops it rewrites any number of task definitions in bounded memory
// (issue 17). known is as for TaskDefinitionsAudited (nil: audit each
// original). When yield returns false the rest is not rewritten.
func TaskDefinitionsEach(f *fleet.Fleet, tds []*fleet.TaskDefinition, opts Options, known *Audited, yield func(i int, res *Result, err error) bool) {
	type outcome struct {
		res *Result
		err error
	}
	parallel.Ordered(len(tds), func(i int) outcome {
		res, err := taskDefinition(f, tds[i], opts, known)
		return outcome{res, err}
	}, func(i int, o outcome) bool { return yield(i, o.res, o.err) })
}
