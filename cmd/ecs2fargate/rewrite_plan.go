package main

import (
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/parallel"
	"github.com/ecs2fargate/ecs2fargate/rewrite"
)

// rewriteRun is a rewrite of the whole fleet: the report and, for each
// result, the original document the diff compares with.
type rewriteRun struct {
	report   *rewrite.Report
	original map[string]fleet.Doc // by task definition key (its Bytes are read only for a diff)
}

// rewriteFleet rewrites every task definition, then every service whose
// task definition was rewritten (or is absent from the inputs), each on
// all CPUs.
func rewriteFleet(f *fleet.Fleet, opts rewriteOptions) *rewriteRun {
	run := &rewriteRun{report: &rewrite.Report{}, original: map[string]fleet.Doc{}}
	byTD := map[*fleet.TaskDefinition]*rewrite.Result{}
	results, errs := rewrite.TaskDefinitions(f, opts.td)
	for i, td := range f.TaskDefinitions {
		res, err := results[i], errs[i]
		if err != nil {
			run.report.Errors = append(run.report.Errors, err.Error())
			continue
		}
		res.Source = td.Doc.Source.File
		run.original[res.Key] = td.Doc
		byTD[td] = res
		run.report.TaskDefinitions = append(run.report.TaskDefinitions, *res)
	}
	services := make([]*rewrite.ServiceResult, len(f.Services))
	parallel.For(len(f.Services), func(i int) {
		services[i] = rewriteService(f, f.Services[i], byTD, opts)
	})
	for _, res := range services {
		if res != nil {
			run.report.Services = append(run.report.Services, *res)
		}
	}
	return run
}

// rewriteService moves one service to the new revision of its task
// definition's family. A service whose task definition stayed blocked
// gets no request: the family's latest revision would still be the EC2 one.
// A service already on Fargate gets none either way (rewrite.Service says
// so in its result).
func rewriteService(f *fleet.Fleet, s *fleet.Service, byTD map[*fleet.TaskDefinition]*rewrite.Result, opts rewriteOptions) *rewrite.ServiceResult {
	family, _ := fleet.SplitTaskDefinitionKey(s.TaskDefinitionKey())
	notRewritten := false
	if s.TaskDef != nil {
		td := byTD[s.TaskDef]
		notRewritten = td == nil || td.Document == nil
		family = aws.ToString(s.TaskDef.Def.Family)
	}
	res, err := rewrite.Service(f, s, family, opts.svc)
	switch {
	case err != nil:
		return &rewrite.ServiceResult{Account: s.Identity.Account, Region: s.Identity.Region, Cluster: s.Cluster, Service: s.Name(), Changes: []rewrite.Change{}, NotInPlace: err.Error()}
	case notRewritten && !res.AlreadyOnFargate:
		return &rewrite.ServiceResult{Account: s.Identity.Account, Region: s.Identity.Region, Cluster: s.Cluster, Service: s.Name(), Changes: []rewrite.Change{},
			NotInPlace: fmt.Sprintf("task definition %s was not rewritten (see its remaining blockers), so the service has no Fargate revision to move to", s.TaskDefinitionKey())}
	}
	return res
}
