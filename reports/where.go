package reports

import (
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/rewrite"
)

// placed is one row's account, region and the name a human reads it by
// (a cluster name, or a task definition's family:revision).
type placed struct{ account, region, name string }

// placeOf decides how the human formats name each row's place: with
// ACCOUNT/REGION/ in front when the rows span more than one account, or one
// name occurs in more than one account (prod-core in two accounts); with
// REGION/ in front when they are of one account but span more than one
// region (the account, the same on every row, is in JSON and CSV); else
// with the name alone. A row whose input named no account or region (a
// register-shaped task definition) tells nothing either way.
func placeOf(rows []placed) placer {
	accounts, regions := map[string]bool{}, map[string]bool{}
	where := map[string]fleet.Identity{}
	sameNameElsewhere := false
	for _, r := range rows {
		id := fleet.Identity{Account: r.account, Region: r.region}
		if r.account == "" || r.region == "" {
			continue
		}
		accounts[r.account], regions[r.region] = true, true
		if prev, ok := where[r.name]; ok && prev.Account != id.Account {
			sameNameElsewhere = true
		}
		where[r.name] = id
	}
	switch {
	case len(accounts) > 1 || sameNameElsewhere:
		return placeAccountRegion
	case len(regions) > 1:
		return placeRegion
	}
	return placeNone
}

// placer names subjects in the human formats (see placeOf).
type placer int

// How much of a row's place the human formats show.
const (
	placeNone placer = iota
	placeRegion
	placeAccountRegion
)

// name is name, REGION/name or ACCOUNT/REGION/name.
func (p placer) name(account, region, name string) string {
	switch p {
	case placeRegion:
		if region == "" {
			return name
		}
		return region + "/" + name
	case placeAccountRegion:
		return fleet.Identity{Account: account, Region: region}.String() + "/" + name
	}
	return name
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
	out := make([]placed, 0, len(c.Clusters)+c.ServiceCount())
	for _, cl := range c.Clusters {
		out = append(out, placed{cl.where.Account, cl.where.Region, cl.Cluster})
	}
	for _, s := range c.services.src {
		out = append(out, placed{s.Where().Account, s.Where().Region, s.Cluster})
	}
	return out
}

// clusterKey names a cluster within its account and region.
func clusterKey(where fleet.Identity, cluster string) string {
	return where.String() + "/" + cluster
}

// rewritePlacer decides placeOf for a rewrite's task definitions and
// services.
func rewritePlacer(r *rewrite.Report) placer {
	rows := make([]placed, 0, len(r.TaskDefinitions)+len(r.Services))
	for _, t := range r.TaskDefinitions {
		rows = append(rows, placed{t.Account, t.Region, "task definition " + t.Key})
	}
	for _, s := range r.Services {
		rows = append(rows, placed{s.Account, s.Region, s.Cluster})
	}
	return placeOf(rows)
}
