package reports

import (
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/rewrite"
)

// placed is one row's account, region and the name a human reads it by
// (a cluster name, or a task definition's family:revision).
type placed struct{ account, region, name string }

// needsPlace decides whether the human formats name each row's account and
// region: when the rows span more than one account, or one name occurs in
// more than one account or region (prod-core in us-east-1 and us-west-2).
// A fleet of one account whose names are unique across its regions (the
// demo fleet) reads as before. JSON and CSV always carry both fields. A
// row whose input named no account or region (a register-shaped task
// definition) tells nothing either way.
func needsPlace(rows []placed) bool {
	accounts := map[string]bool{}
	where := map[string]fleet.Identity{}
	for _, r := range rows {
		id := fleet.Identity{Account: r.account, Region: r.region}
		if r.account == "" || r.region == "" {
			continue
		}
		accounts[r.account] = true
		if prev, ok := where[r.name]; ok && prev != id {
			return true
		}
		where[r.name] = id
	}
	return len(accounts) > 1
}

// placer names subjects in the human formats, with "ACCOUNT/REGION/" in
// front when the report needs it (see needsPlace).
type placer bool

// name is name, or ACCOUNT/REGION/name.
func (p placer) name(account, region, name string) string {
	if !p {
		return name
	}
	return fleet.Identity{Account: account, Region: region}.String() + "/" + name
}

// subject names a service as [ACCOUNT/REGION/]cluster/service and a task
// definition as [ACCOUNT/REGION/]family:revision.
func (p placer) subject(account, region, cluster, service, taskDefinition string) string {
	return p.name(account, region, subjectLabel(cluster, service, taskDefinition))
}

// auditPlaces lists the places of an audit's verdicts.
func auditPlaces(a *Audit) []placed {
	out := make([]placed, 0, len(a.Verdicts))
	for _, v := range a.Verdicts {
		name := v.Cluster
		if v.Service == "" {
			name = "task definition " + v.TaskDefinition
		}
		out = append(out, placed{v.Account, v.Region, name})
	}
	return out
}

// costPlaces lists the places of a cost report's clusters and services.
func costPlaces(c *Cost) []placed {
	out := make([]placed, 0, len(c.Clusters)+len(c.Services))
	for _, cl := range c.Clusters {
		out = append(out, placed{cl.where.Account, cl.where.Region, cl.Cluster})
	}
	for _, s := range c.Services {
		out = append(out, placed{s.where.Account, s.where.Region, s.Cluster})
	}
	return out
}

// clusterKey names a cluster within its account and region.
func clusterKey(where fleet.Identity, cluster string) string {
	return where.String() + "/" + cluster
}

// rewritePlacer decides needsPlace for a rewrite's task definitions and
// services.
func rewritePlacer(r *rewrite.Report) placer {
	rows := make([]placed, 0, len(r.TaskDefinitions)+len(r.Services))
	for _, t := range r.TaskDefinitions {
		rows = append(rows, placed{t.Account, t.Region, "task definition " + t.Key})
	}
	for _, s := range r.Services {
		rows = append(rows, placed{s.Account, s.Region, s.Cluster})
	}
	return placer(needsPlace(rows))
}
