package main

import (
	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/reports"
	"github.com/ecs2fargate/ecs2fargate/rewrite"
)

// previewRewrites rewrites every service's task definition and the service
// itself for the report's change lists and next steps, writing nothing.
// Each task definition is rewritten once however many services run it; a
// blocked one is not rewritten, nor are its services. A rewrite that fails
// is reported on its service and the rest still goes ahead.
func previewRewrites(f *fleet.Fleet, memoryHeadroom int) reports.RewritePreview {
	rw := reports.RewritePreview{TaskDefinitions: map[string]*rewrite.Result{},
		Services: map[string]*rewrite.ServiceResult{}, Errors: map[string]string{}}
	done := map[*fleet.TaskDefinition]*rewrite.Result{}
	failed := map[*fleet.TaskDefinition]error{}
	for _, s := range f.Services {
		key := reports.ServiceKey(s.Cluster, s.Name())
		if s.TaskDef == nil {
			continue
		}
		if _, seen := done[s.TaskDef]; !seen && failed[s.TaskDef] == nil {
			res, err := rewrite.TaskDefinition(f, s.TaskDef, rewrite.Options{MemoryHeadroomPct: memoryHeadroom})
			done[s.TaskDef], failed[s.TaskDef] = res, err
		}
		if err := failed[s.TaskDef]; err != nil {
			rw.Errors[key] = err.Error()
			continue
		}
		td := done[s.TaskDef]
		rw.TaskDefinitions[s.TaskDefinitionKey()] = td
		if td.Blocked {
			continue
		}
		svc, err := rewrite.Service(f, s, aws.ToString(s.TaskDef.Def.Family), rewrite.ServiceOptions{})
		if err != nil {
			rw.Errors[key] = err.Error()
			continue
		}
		rw.Services[key] = svc
	}
	return rw
}
