package pricing

import (
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// The basic cluster's two hosts cost $100.448 a month as listed; over the
// CloudWatch window Container Insights counted 1.5 on average, so the
// bill saw 100.448 × 1.5 / 2 = $75.336, and the output says which count
// it is.
func TestEC2AtTheWindowsAverageHostCount(t *testing.T) {
	f := loadFleet(t, "testdata/fleet/basic")
	avg := 1.5
	f.Clusters[0].Metrics = &fleet.ClusterMetrics{ClusterArn: "arn:aws:ecs:us-east-1:123456789012:cluster/web", Days: 14, InstancesAverage: &avg}
	c := compare(t, f, DefaultOptions())
	cl := c.Clusters[0]
	wantMoney(t, "cluster EC2", cl.EC2, "75.336")
	if cl.HostsAverage == nil || cl.HostsAverage.String() != "1.5" ||
		cl.HostsFrom != "average container instances over 14 days (CloudWatch Container Insights)" {
		t.Errorf("hosts %v from %q", cl.HostsAverage, cl.HostsFrom)
	}
	if len(cl.Instances) != 2 || !strings.Contains(strings.Join(cl.Notes, "\n"), "EC2 priced at 1.5 hosts") {
		t.Errorf("instances %d, notes %q", len(cl.Instances), cl.Notes)
	}
	// Without the figure: the snapshot's hosts, said by its absence.
	c = compare(t, loadFleet(t, "testdata/fleet/basic"), DefaultOptions())
	if cl := c.Clusters[0]; cl.HostsAverage != nil || cl.HostsFrom != "" {
		t.Errorf("snapshot cluster: %v %q", cl.HostsAverage, cl.HostsFrom)
	}
	wantMoney(t, "snapshot EC2", c.Clusters[0].EC2, "100.448")
}
