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
	results, errs = make([]*Result, len(tds)), make([]error, len(tds))
	Concurrently(f, len(tds), func(i int) {
		results[i], errs[i] = TaskDefinition(f, tds[i], opts)
	})
	return results, errs
}

// Concurrently calls do(0), …, do(n-1) on every CPU (parallel.For) and
// returns when all have returned. It first builds f's lazy lookups, so
// that rewrites of f's task definitions and services inside do only read
// f; do must not write anything else that calls share.
func Concurrently(f *fleet.Fleet, n int, do func(i int)) {
	if n == 0 {
		return
	}
	warm(f)
	parallel.For(n, do)
}

// warm builds the fleet's lazy lookups before workers share it: the
// indexes, and the host evidence HostsOf gathers per cluster on first use
// (one task definition of each cluster's services fills it).
func warm(f *fleet.Fleet) {
	f.ServicesUsing(nil)
	f.Image("")
	f.Cluster("")
	seen := map[string]bool{}
	for _, s := range f.Services {
		if s.TaskDef != nil && !seen[s.Cluster] {
			seen[s.Cluster] = true
			f.HostsOf(s.TaskDef)
		}
	}
}
