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

// rewriteSink takes a rewrite's outcomes as they are produced (see
// rewriteEach). An error stops the rewrite.
type rewriteSink struct {
	taskDefinition func(td *fleet.TaskDefinition, res *rewrite.Result) error
	failed         func(err error) // a task definition that could not be rewritten
	service        func(res *rewrite.ServiceResult) error
}

// rewriteFleet rewrites every task definition, then every service, and
// keeps every result: for the callers that need them all at once (a diff,
// the one document on standard output, Terraform and CloudFormation
// edits, migrate). rewrite --out streams them instead (rewriteEach).
func rewriteFleet(f *fleet.Fleet, opts rewriteOptions) *rewriteRun {
	run := &rewriteRun{report: &rewrite.Report{}, original: map[string]fleet.Doc{}}
	rewriteEach(f, opts, rewriteSink{ //nolint:errcheck // the sink never fails
		taskDefinition: func(td *fleet.TaskDefinition, res *rewrite.Result) error {
			run.original[res.Key] = td.Doc
			run.report.TaskDefinitions = append(run.report.TaskDefinitions, *res)
			return nil
		},
		failed: func(err error) { run.report.Errors = append(run.report.Errors, err.Error()) },
		service: func(res *rewrite.ServiceResult) error {
			run.report.Services = append(run.report.Services, *res)
			return nil
		},
	})
	return run
}

// rewriteEach rewrites every task definition, then every service whose
// task definition was rewritten (or is absent from the inputs), each on
// all CPUs, and hands each outcome to sink in input order as soon as it is
// produced: what it keeps is up to the sink (issue 17: rewrite --out
// writes each result's files and drops it). It returns the sink's first
// error, after which nothing more is rewritten.
func rewriteEach(f *fleet.Fleet, opts rewriteOptions, sink rewriteSink) error {
	// Whether each task definition got a document: all a service needs of
	// it (a blocked one's services have no revision to move to).
	rewritten := make(map[*fleet.TaskDefinition]bool, len(f.TaskDefinitions))
	var stop error
	rewrite.TaskDefinitionsEach(f, f.TaskDefinitions, opts.td, nil, func(i int, res *rewrite.Result, err error) bool {
		td := f.TaskDefinitions[i]
		if err != nil {
			sink.failed(err)
			return true
		}
		res.Source = td.Doc.Source.File
		rewritten[td] = res.Document != nil
		stop = sink.taskDefinition(td, res)
		return stop == nil
	})
	if stop != nil {
		return stop
	}
	parallel.Ordered(len(f.Services), func(i int) *rewrite.ServiceResult {
		return rewriteService(f, f.Services[i], rewritten, opts)
	}, func(_ int, res *rewrite.ServiceResult) bool {
		if res != nil {
			stop = sink.service(res)
		}
		return stop == nil
	})
	return stop
}

// rewriteService moves one service to the new revision of its task
// definition's family. A service whose task definition stayed blocked
// gets no request: the family's latest revision would still be the EC2 one.
// A service already on Fargate gets none either way (rewrite.Service says
// so in its result).
func rewriteService(f *fleet.Fleet, s *fleet.Service, rewritten map[*fleet.TaskDefinition]bool, opts rewriteOptions) *rewrite.ServiceResult {
	family, _ := fleet.SplitTaskDefinitionKey(s.TaskDefinitionKey())
	notRewritten := false
	if s.TaskDef != nil {
		notRewritten = !rewritten[s.TaskDef]
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
