package main

import (
	"sync"
	"sync/atomic"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/pricing"
	"github.com/ecs2fargate/ecs2fargate/reports"
	"github.com/ecs2fargate/ecs2fargate/rewrite"
)

// reportPreview is the report's rewrite preview, made a row at a time as
// the report makes its rows (reports.Preview), writing nothing and not
// even writing out the service requests, which the report does not show.
// A service's task definition is rewritten when the first of its services
// asks for it, once however many services run it, and let go when the
// last has (issue 17: held together, the preview's results were the
// report's largest part). A blocked task definition's services are not
// rewritten. A rewrite that fails is reported on its service and the rest
// still goes ahead. The rewrites only read the fleet, so the report asks
// on every core. The original definitions' findings, and the services'
// that their rewrites' fixes act on, come from the report's audit (known),
// which the rewrite would otherwise find again.
// What the preview holds is made when the first row asks (prepare), not
// when the preview is made: the report writes the cost document first,
// while the price comparison is live, which is where a large estate's
// report peaks (issue 17: 21 MB at 100,000 services it need not hold
// then).
type reportPreview struct {
	f     *fleet.Fleet
	opts  rewrite.Options
	audit *analyzer.Result
	ready sync.Once // prepare, once, on the first row's core
	known *rewrite.Audited
	tds   map[*fleet.TaskDefinition]*previewedTaskDefinition // those services run; read-only once made
}

// previewedTaskDefinition is the rewrite of a task definition some
// service runs, made once, held until each of its services has asked:
// held compactly (heldResult) when more than one service runs it.
type previewedTaskDefinition struct {
	once sync.Once
	res  *rewrite.Result // the rewrite of a task definition one service runs
	held *heldResult     // or of one several services run
	err  error
	left atomic.Int32 // services that have not asked yet
}

// newReportPreview is the preview of f; audit is the report's audit of f
// (or nil). Neither is read until a row asks (prepare).
func newReportPreview(f *fleet.Fleet, opts rewrite.Options, audit *analyzer.Result) *reportPreview {
	return &reportPreview{f: f, opts: opts, audit: audit}
}

// prepare gathers the audit's findings of each task definition and
// service and counts the services of each task definition, once, before
// the first row is previewed.
func (p *reportPreview) prepare() {
	p.known = rewrite.AuditedBy(p.audit, p.f)
	p.audit = nil
	p.tds = map[*fleet.TaskDefinition]*previewedTaskDefinition{}
	for _, s := range p.f.Services {
		if s.TaskDef == nil {
			continue
		}
		td := p.tds[s.TaskDef]
		if td == nil {
			td = &previewedTaskDefinition{}
			p.tds[s.TaskDef] = td
		}
		td.left.Add(1)
	}
}

// taskDefinition rewrites td, without its document, which the report does
// not show.
func (p *reportPreview) taskDefinition(td *fleet.TaskDefinition) (*rewrite.Result, error) {
	res, err := rewrite.TaskDefinitionAudited(p.f, td, p.opts, p.known)
	if res != nil {
		res.DropDocument()
	}
	return res, err
}

// Service is the preview of s (the service v judges): its task
// definition's rewrite and its own. The report asks once per service.
func (p *reportPreview) Service(_ analyzer.Verdict, s *fleet.Service) reports.SubjectPreview {
	if s == nil || s.TaskDef == nil {
		return reports.SubjectPreview{}
	}
	p.ready.Do(p.prepare)
	td := p.tds[s.TaskDef]
	var res *rewrite.Result // the rewrite, when this row made it
	td.once.Do(func() {
		res, td.err = p.taskDefinition(s.TaskDef)
		switch {
		case res == nil:
		case td.left.Load() > 1: // the first of its services to ask: none has let go yet
			td.held = holdResult(res)
		default:
			td.res = res
		}
	})
	err := td.err
	switch {
	case res != nil:
	case td.held != nil:
		res = td.held.result()
	default:
		res = td.res
	}
	if td.left.Add(-1) == 0 {
		td.res, td.held = nil, nil // the last of its services: the report's row holds it until written
	}
	switch {
	case err != nil:
		return reports.SubjectPreview{Error: err.Error()}
	case res.Blocked:
		return reports.SubjectPreview{TaskDefinition: res}
	}
	svc, err := rewrite.ServiceAudited(p.f, s, aws.ToString(s.TaskDef.Def.Family), rewrite.ServiceOptions{Preview: true}, p.known)
	if err != nil {
		return reports.SubjectPreview{TaskDefinition: res, Error: err.Error()}
	}
	return reports.SubjectPreview{TaskDefinition: res, Service: svc}
}

// TaskDefinition is the preview of td, which no service runs.
func (p *reportPreview) TaskDefinition(_ analyzer.Verdict, td *fleet.TaskDefinition) reports.SubjectPreview {
	if td == nil {
		return reports.SubjectPreview{}
	}
	p.ready.Do(p.prepare)
	res, err := p.taskDefinition(td)
	if err != nil {
		return reports.SubjectPreview{Error: err.Error()}
	}
	return reports.SubjectPreview{TaskDefinition: res}
}

// Missing is empty: there is always a preview.
func (p *reportPreview) Missing() string { return "" }

// previewOptions are the rewrite options of the report's preview: the
// cost options' memory headroom and rightsizing headrooms, so the change
// list and the prices agree.
func previewOptions(o pricing.Options) rewrite.Options {
	td := rewrite.Options{MemoryHeadroomPct: o.MemoryHeadroom}
	if o.Rightsize != nil {
		td.Rightsize = *o.Rightsize
	}
	return td
}
