package reports

import (
	"sort"

	"github.com/ecs2fargate/ecs2fargate/pricing"
)

// UnknownPart is one thing missing from the totals: what is missing, the
// command or input that fills it, and the clusters, services and figures
// it keeps out of the totals.
type UnknownPart struct {
	Missing  string   `json:"missing"`
	Fill     string   `json:"fill"`
	Clusters []string `json:"clusters"`
	Services []string `json:"services"`
	// Figures are the totals it keeps a cluster out of: "EC2 now" and the
	// option labels (on-demand, Spot, ARM, SP 1y, SP 3y).
	Figures []string `json:"figures"`
}

// unknownParts lists, reason by reason, what keeps a cluster out of a
// total: its EC2 cost, or an option's EC2 side or cost after the move.
// Clusters and services are named as the human formats name them (place).
func unknownParts(cmp *pricing.Comparison, byCluster map[string][]*pricing.ServiceCost, place placer) []UnknownPart {
	parts := map[string]*partNames{}
	var order []string
	// names are the cluster's services' names, each made once for every
	// part that names it: the Savings Plan 1y and 3y parts name the same
	// services (5 MB of copies at 100,000 services; issue 17).
	var names []string
	note := func(reason, cluster, figure string, services []*pricing.ServiceCost, has func(*pricing.ServiceCost, string) bool) {
		p, ok := parts[reason]
		if !ok {
			what, fill := pricing.SplitReason(reason)
			p = &partNames{UnknownPart: UnknownPart{Missing: what, Fill: fill, Clusters: []string{}, Services: []string{}, Figures: []string{}},
				clusters: map[string]bool{}, services: map[string]bool{}}
			parts[reason] = p
			order = append(order, reason)
		}
		p.Clusters = addNew(p.Clusters, p.clusters, cluster)
		p.Figures = addOnce(p.Figures, figure)
		for j, s := range services {
			if has(s, reason) {
				if names[j] == "" {
					names[j] = place.name(s.Where().Account, s.Where().Region, s.Cluster+"/"+s.Service)
				}
				p.Services = addNew(p.Services, p.services, names[j])
			}
		}
	}
	labels := []string{"on-demand", "Spot", "ARM", "SP 1y", "SP 3y"}
	for _, cl := range cmp.Clusters {
		services := byCluster[clusterKey(cl.Where(), cl.Cluster)]
		names = make([]string, len(services))
		name := place.name(cl.Where().Account, cl.Where().Region, cl.Cluster)
		for _, r := range cl.EC2.Missing() {
			note(r, name, "EC2 now", services, func(s *pricing.ServiceCost, r string) bool { return has(s.EC2(), r) })
		}
		if len(cl.Instances) > 0 && cl.EC2.Known() {
			for _, r := range cl.EBS.Missing() {
				note(r, name, "EBS in EC2 now", nil, nil)
			}
		}
		for i, label := range labels {
			ec2, after := cl.EC2Side.List()[i], cl.Fargate.List()[i]
			for _, r := range ec2.Add(after).Missing() {
				note(r, name, label, services, func(s *pricing.ServiceCost, r string) bool {
					return has(s.EC2SideOption(i), r) || has(s.After.List()[i], r)
				})
			}
		}
	}
	out := make([]UnknownPart, 0, len(order))
	sort.Strings(order)
	for _, r := range order {
		p := parts[r]
		sort.Strings(p.Services)
		out = append(out, p.UnknownPart)
	}
	return out
}

func has(m pricing.Money, reason string) bool {
	for _, r := range m.Missing() {
		if r == reason {
			return true
		}
	}
	return false
}

// partNames is an unknown part being gathered, with the clusters and
// services already named in it: a reason such as a missing Savings Plan
// rate for one instance type can name thousands of services, and looking
// each up in the list made the gathering quadratic (issue 17).
type partNames struct {
	UnknownPart
	clusters, services map[string]bool
}

// addNew appends s to list unless seen has it, and notes it in seen.
func addNew(list []string, seen map[string]bool, s string) []string {
	if seen[s] {
		return list
	}
	seen[s] = true
	return append(list, s)
}

func addOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
