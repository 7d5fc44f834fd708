package fleet

import (
	"slices"
	"sort"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"
)

// Hosts is what the container instances of the clusters that run a task
// definition say about the machines it ran on.
type Hosts struct {
	Services  int             // services in the inputs that run the task definition
	Clusters  []string        // their clusters, sorted
	Instances int             // container instances seen in those clusters
	Archs     map[string]bool // "arm64", "x86_64"
	OSTypes   map[string]bool // "linux", "windows"
	Families  map[string]bool // ecs.os-family values, e.g. WINDOWS_SERVER_2019_FULL
	// OSSources says, per OS type, which evidence reported it
	// ("ecs.os-type windows", "EC2 Platform windows", "EC2 PlatformDetails Windows").
	OSSources map[string]map[string]bool
}

func newHosts() Hosts {
	return Hosts{Archs: map[string]bool{}, OSTypes: map[string]bool{}, Families: map[string]bool{}, OSSources: map[string]map[string]bool{}}
}

// HostsOf gathers the host evidence for td from the services that run it.
// The maps of what it returns may be shared with other task definitions'
// (those whose services run in the same single cluster, or in none):
// callers must not modify them.
func (f *Fleet) HostsOf(td *TaskDefinition) Hosts {
	if td == nil {
		return newHosts()
	}
	services := f.ServicesUsing(td)
	if len(services) == 0 {
		return noHosts
	}
	var clusters []*Cluster
	var names []string
	var seen map[*Cluster]bool // past a few clusters, where a search would be slow
	for _, svc := range services {
		cl := f.ClusterOf(svc)
		if seen == nil && len(clusters) >= 8 {
			seen = make(map[*Cluster]bool, 2*len(clusters))
			for _, c := range clusters {
				seen[c] = true
			}
		}
		if seen != nil && seen[cl] || seen == nil && slices.Contains(clusters, cl) {
			continue
		}
		if seen != nil {
			seen[cl] = true
		}
		clusters = append(clusters, cl)
		names = append(names, svc.Cluster)
	}
	sort.Strings(names)
	if len(clusters) == 1 && clusters[0] != nil {
		// The common case, and a big fleet's task definitions are many
		// (its old revisions): the cluster's own evidence, which merging
		// would only copy into maps of the task definition's own.
		h := *f.clusterHosts(clusters[0])
		h.Services, h.Clusters = len(services), names
		return h
	}
	h := newHosts()
	h.Services, h.Clusters = len(services), names
	for _, cl := range clusters {
		h.merge(f.clusterHosts(cl))
	}
	return h
}

// noHosts is the evidence of a task definition no service runs. Its maps
// are empty, and shared: nothing may add to them.
var noHosts = newHosts()

// clusterHosts is the host evidence of one cluster's container instances,
// gathered for every cluster at once, on first use: task definitions of a
// big fleet share clusters. Callers must not modify the result.
func (f *Fleet) clusterHosts(c *Cluster) *Hosts {
	idx := f.lookup()
	idx.hostsOnce.Do(func() {
		idx.clusterHosts = make(map[*Cluster]*Hosts, len(idx.clusters))
		for _, cl := range idx.clusters {
			h := newHosts()
			for _, ci := range cl.ContainerInstances {
				h.Instances++
				h.add(ci)
			}
			idx.clusterHosts[cl] = &h
		}
	})
	if h, ok := idx.clusterHosts[c]; ok {
		return h
	}
	return &Hosts{} // no such cluster: no instances, no attributes
}

// merge adds another set of hosts' instances and attributes to h.
func (h *Hosts) merge(o *Hosts) {
	h.Instances += o.Instances
	for _, pair := range [][2]map[string]bool{{h.Archs, o.Archs}, {h.OSTypes, o.OSTypes}, {h.Families, o.Families}} {
		for k := range pair[1] {
			pair[0][k] = true
		}
	}
	for os, srcs := range o.OSSources {
		for src := range srcs {
			h.addOS(os, src)
		}
	}
}

// addOS records that src reported the OS type os.
func (h *Hosts) addOS(os, src string) {
	h.OSTypes[os] = true
	if h.OSSources[os] == nil {
		h.OSSources[os] = map[string]bool{}
	}
	h.OSSources[os][src] = true
}

func (h *Hosts) add(ci *ContainerInstance) {
	for _, a := range ci.CI.Attributes {
		v := strings.TrimSpace(ptr.Value(a.Value))
		switch ptr.Value(a.Name) {
		case "ecs.cpu-architecture":
			h.Archs[NormArch(v)] = true
		case "ecs.os-type":
			h.addOS(strings.ToLower(v), "ecs.os-type "+strings.ToLower(v))
		case "ecs.os-family":
			h.Families[strings.ToUpper(v)] = true
		}
	}
	if ci.Instance != nil && ci.Instance.EC2.Architecture != "" {
		h.Archs[NormArch(string(ci.Instance.EC2.Architecture))] = true
	}
	if ci.Instance == nil {
		return
	}
	if strings.EqualFold(string(ci.Instance.EC2.Platform), "windows") {
		h.addOS("windows", "EC2 Platform windows")
	}
	switch d := ptr.Value(ci.Instance.EC2.PlatformDetails); {
	case strings.Contains(strings.ToLower(d), "windows"):
		h.addOS("windows", "EC2 PlatformDetails "+d)
	case strings.Contains(strings.ToLower(d), "linux"): // "Linux/UNIX", "Red Hat Enterprise Linux", "SUSE Linux", …
		h.addOS("linux", "EC2 PlatformDetails "+d)
	}
}

// NormArch folds the spellings of CPU architectures to "arm64" or "x86_64".
func NormArch(v string) string {
	switch strings.ToLower(v) {
	case "arm64", "aarch64", "arm64_mac":
		return "arm64"
	case "x86_64", "amd64", "x86_64_mac":
		return "x86_64"
	}
	return strings.ToLower(v)
}

// Sole returns the single key of m, or "" when m has none or several.
func Sole(m map[string]bool) string {
	if len(m) != 1 {
		return ""
	}
	for k := range m {
		return k
	}
	return ""
}

// IsWindows reports whether the container instance runs Windows, by its
// ECS attributes or its EC2 platform (the same evidence HostsOf reads).
func (ci *ContainerInstance) IsWindows() bool {
	h := newHosts()
	h.add(ci)
	if h.OSTypes["windows"] {
		return true
	}
	for fam := range h.Families {
		if strings.HasPrefix(fam, "WINDOWS") {
			return true
		}
	}
	return false
}
