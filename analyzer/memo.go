package analyzer

import (
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// memo keeps what the subjects of one audit share and would otherwise
// recompute per service: with 10,000 services, "which services share these
// subnets" asked per service is 10⁸ steps. A nil memo (a Subject built
// outside Audit) computes everything afresh, with the same results.
type memo struct {
	network map[string]instanceNetwork // by cluster name
	demand  map[string]subnetDemand    // by comma-joined sorted subnet ids
	hosts   map[*fleet.TaskDefinition]fleet.Hosts
	windows map[*fleet.TaskDefinition]bool
}

type instanceNetwork struct{ subnets, sgs []string }

// subnetDemand is the peak IP need of the services that share a subnet set.
type subnetDemand struct{ need, sharing int }

// instanceNetwork is clusterInstanceNetwork, computed once per cluster.
// Callers must not modify the slices.
func (m *memo) instanceNetwork(f *fleet.Fleet, cluster string) (subnets, sgs []string) {
	if m == nil {
		return clusterInstanceNetwork(f, cluster)
	}
	if m.network == nil {
		m.network = map[string]instanceNetwork{}
	}
	n, ok := m.network[cluster]
	if !ok {
		n.subnets, n.sgs = clusterInstanceNetwork(f, cluster)
		m.network[cluster] = n
	}
	return n.subnets, n.sgs
}

// taskSubnets is the subnet set a service's Fargate tasks will use: its
// awsvpc subnets, or for bridge/host services the subnets of its cluster's
// instances. fromService says which.
func (m *memo) taskSubnets(f *fleet.Fleet, svc *fleet.Service) (subnets []string, fromService bool) {
	if cfg := awsvpcConfig(&svc.Svc); cfg != nil && len(cfg.Subnets) > 0 {
		return sortedSet(cfg.Subnets), true
	}
	subnets, _ = m.instanceNetwork(f, svc.Cluster)
	return subnets, false
}

// subnetDemand sums peakIPs over the services whose task subnets are the
// set key, in one pass over the fleet per audit.
func (m *memo) subnetDemand(f *fleet.Fleet, key string) subnetDemand {
	if m == nil {
		m = &memo{}
	}
	if m.demand == nil {
		m.demand = map[string]subnetDemand{}
		for _, svc := range f.Services {
			subnets, _ := m.taskSubnets(f, svc)
			k := strings.Join(subnets, ",")
			d := m.demand[k]
			d.need += peakIPs(svc)
			d.sharing++
			m.demand[k] = d
		}
	}
	return m.demand[key]
}

// hostsOf is fleet.HostsOf, computed once per task definition (rules read
// it many times). Callers must not modify the result.
func (m *memo) hostsOf(f *fleet.Fleet, td *fleet.TaskDefinition) fleet.Hosts {
	if m == nil {
		return f.HostsOf(td)
	}
	if m.hosts == nil {
		m.hosts = map[*fleet.TaskDefinition]fleet.Hosts{}
	}
	h, ok := m.hosts[td]
	if !ok {
		h = f.HostsOf(td)
		m.hosts[td] = h
	}
	return h
}

// isWindows is fleet.IsWindows, computed once per task definition.
func (m *memo) isWindows(f *fleet.Fleet, td *fleet.TaskDefinition) bool {
	if m == nil {
		return f.IsWindows(td)
	}
	if m.windows == nil {
		m.windows = map[*fleet.TaskDefinition]bool{}
	}
	w, ok := m.windows[td]
	if !ok {
		w = f.IsWindows(td)
		m.windows[td] = w
	}
	return w
}
