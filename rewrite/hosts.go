package rewrite

import (
	"strings"
	"sync"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// evidenceCache holds, per cluster, the reduced copy hostEvidence builds.
var evidenceCache sync.Map // *fleet.Cluster → *fleet.Cluster

// hostEvidence returns a copy of c with one container instance per
// distinct host signature (architecture, OS type, OS family, EC2
// architecture and platform): all the task rules learn from hosts, at a
// fraction of the cost on clusters with hundreds of instances.
func hostEvidence(c *fleet.Cluster) *fleet.Cluster {
	if v, ok := evidenceCache.Load(c); ok {
		return v.(*fleet.Cluster)
	}
	out := &fleet.Cluster{Name: c.Name, Identity: c.Identity, Detail: c.Detail, DetailDoc: c.DetailDoc}
	seen := map[string]bool{}
	for _, ci := range c.ContainerInstances {
		if sig := hostSignature(ci); !seen[sig] {
			seen[sig] = true
			out.ContainerInstances = append(out.ContainerInstances, ci)
		}
	}
	v, _ := evidenceCache.LoadOrStore(c, out)
	return v.(*fleet.Cluster)
}

func hostSignature(ci *fleet.ContainerInstance) string {
	var b strings.Builder
	for _, a := range ci.CI.Attributes {
		switch n := ptr.Value(a.Name); n {
		case "ecs.cpu-architecture", "ecs.os-type", "ecs.os-family":
			b.WriteString(n + "=" + ptr.Value(a.Value) + ";")
		}
	}
	if ci.Instance != nil {
		b.WriteString(string(ci.Instance.EC2.Architecture) + ";" + string(ci.Instance.EC2.Platform) + ";" + ptr.Value(ci.Instance.EC2.PlatformDetails))
	}
	return b.String()
}
