package main

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/ecs2fargate/ecs2fargate/internal/parallel"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/reports"
	"github.com/ecs2fargate/ecs2fargate/rewrite"
)

// previewRewrites is the report's rewrite preview made whole, as the
// report made it before it made each row's part as it wrote the row
// (reportPreview, issue 17): the reference reportPreview is compared with.
//
// It rewrites every task definition (those no service runs
// too, for the report's own section of them) and every service for the report's change lists and next steps, writing nothing (and
// not even writing out the service requests, which the report does not show).
// Each task definition is rewritten once however many services run it; a
// blocked one is not rewritten, nor are its services. A rewrite that fails
// is reported on its service and the rest still goes ahead. The rewrites
// only read the fleet, so they run on every core. audit, the report's
// audit of f (or nil), gives the original definitions' findings, which
// the rewrite would otherwise find again.
func previewRewrites(f *fleet.Fleet, opts rewrite.Options, audit *analyzer.Result) reports.RewritePreview {
	rw := reports.RewritePreview{TaskDefinitions: map[string]*rewrite.Result{},
		Services: map[string]*rewrite.ServiceResult{}, Errors: map[string]string{}, TaskDefinitionErrors: map[string]string{}}
	var tds []*fleet.TaskDefinition
	index := map[*fleet.TaskDefinition]int{}
	for _, s := range f.Services {
		if _, seen := index[s.TaskDef]; s.TaskDef != nil && !seen {
			index[s.TaskDef] = len(tds)
			tds = append(tds, s.TaskDef)
		}
	}
	services := len(tds) // the task definitions before this one are run by a service
	for _, td := range f.TaskDefinitions {
		if _, seen := index[td]; !seen && len(f.ServicesUsing(td)) == 0 {
			index[td] = len(tds)
			tds = append(tds, td)
		}
	}
	// The results are kept without their documents, which the report
	// does not show: held together they were its largest part (issue 17).
	tdRes, tdErr := make([]*rewrite.Result, len(tds)), make([]error, len(tds))
	rewrite.TaskDefinitionsEach(f, tds, opts, rewrite.AuditedBy(audit, f), func(i int, res *rewrite.Result, err error) bool {
		if res != nil {
			res.DropDocument()
		}
		tdRes[i], tdErr[i] = res, err
		return true
	})
	svcRes, svcErr := make([]*rewrite.ServiceResult, len(f.Services)), make([]error, len(f.Services))
	parallel.For(len(f.Services), func(i int) {
		s := f.Services[i]
		if s.TaskDef == nil || tdErr[index[s.TaskDef]] != nil || tdRes[index[s.TaskDef]].Blocked {
			return
		}
		svcRes[i], svcErr[i] = rewrite.Service(f, s, aws.ToString(s.TaskDef.Def.Family), rewrite.ServiceOptions{Preview: true})
	})
	for i, s := range f.Services {
		if s.TaskDef == nil {
			continue
		}
		key, td := reports.ServiceKey(s.Identity.Account, s.Identity.Region, s.Cluster, s.Name()), index[s.TaskDef]
		tdKey := reports.TaskDefinitionKey(s.Identity.Account, s.Identity.Region, s.TaskDefinitionKey())
		switch {
		case tdErr[td] != nil:
			rw.Errors[key] = tdErr[td].Error()
		case svcErr[i] != nil:
			rw.TaskDefinitions[tdKey] = tdRes[td]
			rw.Errors[key] = svcErr[i].Error()
		default:
			rw.TaskDefinitions[tdKey] = tdRes[td]
			if svcRes[i] != nil {
				rw.Services[key] = svcRes[i]
			}
		}
	}
	for i, td := range tds[services:] {
		key := reports.TaskDefinitionKey(td.Identity.Account, td.Identity.Region, td.Key())
		if err := tdErr[services+i]; err != nil {
			rw.TaskDefinitionErrors[key] = err.Error()
		} else {
			rw.TaskDefinitions[key] = tdRes[services+i]
		}
	}
	return rw
}
