package pricing

import (
	"path/filepath"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleettest"
)

// prod-core in two regions and two accounts is three clusters, each priced
// in its own region with its own six hosts: nothing is merged.
func TestEachClusterPricedInItsOwnRegion(t *testing.T) {
	dir := fleettest.MultiRegion(t)
	c := compare(t, loadFleet(t, dir), DefaultOptions())
	one := compare(t, loadFleet(t, filepath.Join(dir, "original")), DefaultOptions())
	if len(c.Clusters) != 3 || len(c.Services) != 45 {
		t.Fatalf("%d clusters, %d services; want 3 and 45", len(c.Clusters), len(c.Services))
	}
	seen := map[[2]string]bool{}
	for _, cl := range c.Clusters {
		where := [2]string{cl.Account, cl.Region}
		if _, ok := fleettest.Copies[copyName(where)]; !ok || seen[where] {
			t.Errorf("cluster %s priced as %v: not one of the copies, or twice", cl.Cluster, where)
		}
		seen[where] = true
		if len(cl.Instances) != 6 {
			t.Errorf("cluster %s in %v: %d hosts, want its own 6", cl.Cluster, where, len(cl.Instances))
		}
		for _, in := range cl.Instances {
			if in.Region != cl.Region {
				t.Errorf("host %s of %v priced in %s", in.ID, where, in.Region)
			}
		}
		wantMoney(t, "EC2 of prod-core in "+cl.Account+"/"+cl.Region, cl.EC2, one.Clusters[0].EC2.Amount().String())
	}
	for _, s := range c.Services {
		if s.Region != s.where.Region || s.Account != s.where.Account {
			t.Errorf("service %s of %v priced as %s/%s", s.Service, s.where, s.Account, s.Region)
		}
	}
	wantMoney(t, "fleet EC2", c.Total.EC2, one.Total.EC2.Amount().Mul(dec("3")).String())
}

// copyName is the fleettest copy at account and region where.
func copyName(where [2]string) string {
	for name, w := range fleettest.Copies {
		if w == where {
			return name
		}
	}
	return ""
}
