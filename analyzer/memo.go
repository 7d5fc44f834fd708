package analyzer

import (
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// memo keeps what the subjects of one audit share and would otherwise
// recompute per service: with 10,000 services, "which services share these
// subnets" asked per service is 10⁸ steps. newMemo fills it before the
// subjects are checked concurrently; afterwards it is only read. A nil or
// empty memo (a Subject built outside Audit) computes everything afresh,
// with the same results. (Its verdicts, which the checks fill as they
// go, guard themselves: see verdictShare.)
type memo struct {
	network   map[*fleet.Cluster]instanceNetwork
	demand    map[string]subnetDemand // by subnetSetKey
	hosts     map[*fleet.TaskDefinition]fleet.Hosts
	platforms map[*fleet.TaskDefinition]fleet.Platform
	verdicts  *verdictShare
}

type instanceNetwork struct{ subnets, sgs []string }

// subnetDemand is the peak IP need of the services that share a subnet set.
type subnetDemand struct{ need, sharing int }

// newMemo computes, once per audit, every cluster's instance network, the
// demand on every subnet set and every task definition's hosts.
func newMemo(f *fleet.Fleet) *memo {
	m := &memo{
		network:   map[*fleet.Cluster]instanceNetwork{},
		hosts:     make(map[*fleet.TaskDefinition]fleet.Hosts, len(f.TaskDefinitions)),
		platforms: make(map[*fleet.TaskDefinition]fleet.Platform, len(f.TaskDefinitions)),
		verdicts:  newVerdictShare(),
	}
	for _, svc := range f.Services {
		cl := f.ClusterOf(svc)
		if _, ok := m.network[cl]; !ok {
			var n instanceNetwork
			n.subnets, n.sgs = f.InstanceNetworkOf(cl)
			m.network[cl] = n
		}
	}
	m.demand = subnetDemands(f, m)
	for _, td := range f.TaskDefinitions {
		h := f.HostsOf(td)
		m.hosts[td] = h
		m.platforms[td] = f.PlatformWithHosts(td, h)
	}
	return m
}

// verdictShare is the audit's sharing of verdict lists and texts; nil
// (share nothing) for a Subject built outside Audit.
func (m *memo) verdictShare() *verdictShare {
	if m == nil {
		return nil
	}
	return m.verdicts
}

// instanceNetwork is the subnets and security groups of the EC2 instances
// behind svc's cluster (see fleet.Cluster.InstanceNetwork), computed once
// per cluster, by the fleet when no memo has it (a Subject built outside
// Audit: the report's preview asks for each service). Callers must not
// modify the slices.
func (m *memo) instanceNetwork(f *fleet.Fleet, svc *fleet.Service) (subnets, sgs []string) {
	cl := f.ClusterOf(svc)
	if m != nil {
		if n, ok := m.network[cl]; ok {
			return n.subnets, n.sgs
		}
	}
	return f.InstanceNetworkOf(cl)
}

// taskSubnets is the subnet set a service's Fargate tasks will use: its
// awsvpc subnets, or for bridge/host services the subnets of its cluster's
// instances. fromService says which.
func (m *memo) taskSubnets(f *fleet.Fleet, svc *fleet.Service) (subnets []string, fromService bool) {
	if cfg := awsvpcConfig(&svc.Svc); cfg != nil && len(cfg.Subnets) > 0 {
		return sortedSet(cfg.Subnets), true
	}
	subnets, _ = m.instanceNetwork(f, svc)
	return subnets, false
}

// subnetDemand is the demand on the subnet set key, summed over the
// services whose task subnets are that set.
func (m *memo) subnetDemand(f *fleet.Fleet, key string) subnetDemand {
	if m == nil || m.demand == nil {
		return subnetDemands(f, m)[key]
	}
	return m.demand[key]
}

// subnetDemands sums peakIPs over the services of each task subnet set, in
// one pass over the fleet.
func subnetDemands(f *fleet.Fleet, m *memo) map[string]subnetDemand {
	out := map[string]subnetDemand{}
	for _, svc := range f.Services {
		subnets, _ := m.taskSubnets(f, svc)
		k := subnetSetKey(svc, subnets)
		d := out[k]
		d.need += peakIPs(svc)
		d.sharing++
		out[k] = d
	}
	return out
}

// hostsOf is fleet.HostsOf, computed once per task definition (rules read
// it many times). Callers must not modify the result.
func (m *memo) hostsOf(f *fleet.Fleet, td *fleet.TaskDefinition) fleet.Hosts {
	if m != nil {
		if h, ok := m.hosts[td]; ok {
			return h
		}
	}
	return f.HostsOf(td)
}

// platform is fleet.Platform, computed once per task definition.
func (m *memo) platform(f *fleet.Fleet, td *fleet.TaskDefinition) fleet.Platform {
	if m != nil {
		if p, ok := m.platforms[td]; ok {
			return p
		}
	}
	return f.Platform(td)
}

// subnetSetKey names a service's subnet set within its account and region:
// subnet ids are only unique there.
func subnetSetKey(svc *fleet.Service, subnets []string) string {
	return svc.Identity.String() + "|" + strings.Join(subnets, ",")
}
