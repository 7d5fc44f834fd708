package pricing

import "testing"

// A service's EC2 share is worked out of its cluster's costs each time it
// is asked for (ec2Share): each time the same decimal, written the same
// way, option by option as in the whole, and with the cluster's idle it
// adds up to the cluster's cost exactly, as the shares the comparison
// held did. It would fail were a cluster's costs changed after its
// services' shares were taken (the idle is worked out then).
func TestEC2ShareIsTheSameEachTimeAndAddsUp(t *testing.T) {
	for _, dir := range []string{"testdata/fleet/basic", "../examples/demo-fleet"} {
		c := compare(t, loadFleet(t, dir), DefaultOptions())
		byCluster := map[string][]*ServiceCost{}
		for _, s := range c.Services {
			byCluster[s.Cluster] = append(byCluster[s.Cluster], s)
		}
		for _, cl := range c.Clusters {
			sum, sides := cl.Idle, cl.IdleSide
			for _, s := range byCluster[cl.Cluster] {
				if a, b := s.EC2(), s.EC2(); a.KnownPart().String() != b.KnownPart().String() || a.KnownPart().Exponent() != b.KnownPart().Exponent() {
					t.Errorf("%s/%s: EC2 share %s, then %s", dir, s.Service, a.KnownPart(), b.KnownPart())
				}
				for i, whole := range s.EC2Side().List() {
					one := s.EC2SideOption(i)
					if one.KnownPart().String() != whole.KnownPart().String() || one.KnownPart().Exponent() != whole.KnownPart().Exponent() || one.Known() != whole.Known() {
						t.Errorf("%s/%s option %d: alone %s, in the whole %s", dir, s.Service, i, one.KnownPart(), whole.KnownPart())
					}
				}
				sum, sides = sum.Add(s.EC2()), sides.add(s.EC2Side())
			}
			if !sum.KnownPart().Equal(cl.EC2.KnownPart()) {
				t.Errorf("%s %s: shares + idle = %s, cluster EC2 = %s", dir, cl.Cluster, sum.KnownPart(), cl.EC2.KnownPart())
			}
			for i, want := range cl.EC2Side.List() {
				if got := sides.List()[i]; !got.KnownPart().Equal(want.KnownPart()) {
					t.Errorf("%s %s option %d: shares + idle = %s, cluster = %s", dir, cl.Cluster, i, got.KnownPart(), want.KnownPart())
				}
			}
		}
	}
}

// An unknown share stays unknown, with its reason, in every option.
func TestEC2ShareUnknownStaysUnknown(t *testing.T) {
	var s ServiceCost
	if !s.EC2().Known() || !s.EC2().Amount().IsZero() || !s.EC2SideOption(2).Known() {
		t.Errorf("a service in no cluster: EC2 share %v, want a known zero", s.EC2())
	}
	u := Unknown("no EC2 price for m9.large")
	s.SetEC2(u, allOf(u))
	for i, m := range append(s.EC2Side().List(), s.EC2(), s.EC2SideOption(4)) {
		if m.Known() || len(m.Missing()) != 1 || m.Missing()[0] != "no EC2 price for m9.large" {
			t.Errorf("amount %d: known %t, missing %v", i, m.Known(), m.Missing())
		}
	}
}
