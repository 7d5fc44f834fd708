package rewrite

import (
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
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
