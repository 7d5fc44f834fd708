package main

import (
	"strings"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/pricing"
)

// applyAudit tells the cost model what the audit decided, so that `cost`
// and `report` price the same move: the services the audit blocks stay on
// EC2 (with their blocking rules), and each DAEMON service becomes what
// the audit recommends on Fargate (a sidecar or a managed feature) instead
// of staying.
func applyAudit(o *pricing.Options, f *fleet.Fleet, res *analyzer.Result) {
	o.StayOnEC2 = map[string]string{}
	for _, v := range res.Verdicts {
		if v.Service != "" && v.Verdict == analyzer.Blocked {
			o.StayOnEC2[pricing.StayKey(v.Account, v.Region, v.Cluster, v.Service)] = "blocked by the audit: " + strings.Join(v.Blockers, ", ")
		}
	}
	o.Daemons = map[string]pricing.DaemonPlan{}
	for _, s := range f.Services {
		if !s.IsDaemon() {
			continue
		}
		r := analyzer.DaemonReplacementOf(nil)
		if s.TaskDef != nil {
			r = analyzer.DaemonReplacementOf(&s.TaskDef.Def)
		}
		o.Daemons[pricing.StayKey(s.Identity.Account, s.Identity.Region, s.Cluster, s.Name())] = pricing.DaemonPlan{Feature: r.Feature, Why: r.Why}
	}
}
