package pricing

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// averageHosts prices the cluster's hosts at the window's average count
// where Container Insights gave one (ContainerInstanceCount, Average): the
// describe-container-instances list is one moment, and a cluster that
// scales its hosts is billed for the hours they ran. The snapshot's hosts
// stand for the mix (types, Spot share, volumes): EC2, each option's EC2
// and the committed part are scaled by average ÷ snapshot count. The
// per-host lines stay the snapshot's.
func (cc *ClusterCost) averageHosts(cl *fleet.Cluster) {
	m := cl.Metrics
	if m == nil || m.InstancesAverage == nil || *m.InstancesAverage <= 0 {
		return
	}
	avg := decimal.NewFromFloat(*m.InstancesAverage)
	n := decimal.NewFromInt(int64(len(cc.Instances)))
	f := avg.Div(n)
	cc.EC2, cc.EC2Side, cc.committed = cc.EC2.Mul(f), cc.EC2Side.times(f), cc.committed.Mul(f)
	cc.HostsAverage = &avg
	cc.HostsFrom = fmt.Sprintf("average container instances over %d days (CloudWatch Container Insights)", m.Days)
	cc.Notes = append(cc.Notes, fmt.Sprintf("EC2 priced at %s hosts, the %s, not the %s in the snapshot (the snapshot's hosts stand for the mix)",
		avg.String(), cc.HostsFrom, n.String()))
}
