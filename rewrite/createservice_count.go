package rewrite

import (
	"strconv"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// sideBySideCount is the new service's desired count: the old one's; for
// a DAEMON service (whose desired count ECS sets to the number of
// instances it runs on) that count, else the number of container
// instances in its cluster, else 1.
func (p *servicePlan) sideBySideCount() int32 {
	if p.svc.SchedulingStrategy != ecstypes.SchedulingStrategyDaemon || p.svc.DesiredCount > 0 {
		return p.svc.DesiredCount
	}
	if n := p.clusterInstanceCount(); n > 0 {
		return int32(n)
	}
	return 1
}

func (p *servicePlan) clusterInstanceCount() int {
	if c := p.f.ClusterOf(p.s); c != nil {
		return len(c.ContainerInstances)
	}
	return 0
}

func (p *servicePlan) daemonCountMessage() string {
	n := strconv.Itoa(int(p.sideBySideCount()))
	switch {
	case p.svc.DesiredCount > 0:
		return n + " tasks, one per instance the daemon ran on (its desired count); decide how many the workload needs without hosts"
	case p.clusterInstanceCount() > 0:
		return n + " tasks, one per container instance in the cluster; decide how many the workload needs without hosts"
	}
	return "1 task: the inputs show neither a desired count nor container instances; decide how many the workload needs"
}
