package reports

import (
	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/rewrite"
)

// UnusedTaskDefinition is a task definition that no service among the
// inputs runs — a scheduled task, a RunTask job, batch work — with the
// audit's verdict on it (added within schemaVersion 1).
type UnusedTaskDefinition struct {
	Account        string   `json:"account"`
	Region         string   `json:"region"`
	TaskDefinition string   `json:"taskDefinition"` // family:revision
	Verdict        string   `json:"verdict"`
	Blockers       []string `json:"blockers"`
	Fixable        []string `json:"fixable"`
	Warnings       []string `json:"warnings"`
	Fallback       string   `json:"fallback,omitempty"`
	// FargateSize is the size the rewrite gives it; null when it was not
	// rewritten (blocked, or the rewrite failed: RewriteError says why).
	FargateSize   *TaskSize        `json:"fargateSize"`
	Changes       []rewrite.Change `json:"changes"`
	ChangeSummary string           `json:"changeSummary"`
	RewriteError  string           `json:"rewriteError,omitempty"`
	// Cost says what it costs, or why that is unknown: a task that runs on
	// a schedule or on demand costs its Fargate price per task-hour times
	// hours run, and the inputs (describe-* output) hold no schedule or
	// run count.
	Cost       string   `json:"cost"`
	NotChecked []string `json:"notChecked"`
	label      string
}

// Label is the task definition as the human formats name it: with REGION/
// or ACCOUNT/REGION/ in front when the report spans several (placeOf).
func (u UnusedTaskDefinition) Label() string { return u.label }

// unusedCost is the cost line of every unused task definition: no input
// the tool reads says how often or how long such a task runs.
const unusedCost = "unknown: no schedule or run count in the inputs (Fargate bills each task's vCPU and memory per second while it runs)"

// unusedRow makes the row of the j-th task definition no service runs
// (fleet.ServicesUsing decides), in the audit's order.
func (p *reportPlan) unusedRow(j int) UnusedTaskDefinition {
	plan := &p.unused[j]
	v := p.a.Verdicts[plan.verdict]
	pv := p.rw.TaskDefinition(v, plan.td)
	u := UnusedTaskDefinition{Account: v.Account, Region: v.Region, TaskDefinition: v.TaskDefinition, Verdict: v.Verdict,
		Blockers: nonNil(v.Blockers), Fixable: nonNil(v.Fixable), Warnings: nonNil(v.Warnings), Fallback: v.Fallback,
		Changes: []rewrite.Change{}, Cost: unusedCost, NotChecked: plan.notChecked, RewriteError: pv.Error,
		label: p.a.place().name(v.Account, v.Region, v.TaskDefinition)}
	if td := pv.TaskDefinition; td != nil {
		u.Changes = joinChanges(td.Changes, nil)
		if !td.Blocked {
			u.FargateSize = &TaskSize{CPU: td.Size.CPU, Memory: td.Size.Memory}
		}
	}
	u.ChangeSummary = changeSummary(u.Changes)
	return u
}

// unusedTaskDefinition reports whether a task-definition verdict is of
// one that no service runs, and which. Without the fleet (a report read
// back from JSON) nothing can be said, and every task definition counts
// as used.
func unusedTaskDefinition(f *fleet.Fleet, v analyzer.Verdict) (*fleet.TaskDefinition, bool) {
	if f == nil {
		return nil, false
	}
	td := f.TaskDefinition(fleet.Identity{Account: v.Account, Region: v.Region}, v.TaskDefinition)
	return td, td != nil && len(f.ServicesUsing(td)) == 0
}
