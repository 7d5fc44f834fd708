package rewrite

import (
	"fmt"
	"slices"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// NetworkSelector names the clusters a subnets or security groups value is
// for. An empty field matches any: {} is every cluster, {Cluster: "web"}
// every cluster called web, with Account and Region one cluster, and with
// Account and Region alone every cluster of that account and region.
type NetworkSelector struct {
	Account, Region, Cluster string
}

// matches reports whether the selector names s's cluster.
func (n NetworkSelector) matches(s *fleet.Service) bool {
	return (n.Cluster == "" || n.Cluster == s.Cluster) &&
		(n.Account == "" || n.Account == s.Identity.Account) &&
		(n.Region == "" || n.Region == s.Identity.Region)
}

// specificity ranks selectors: one cluster of one account and region, then
// every cluster of one account and region, then a cluster name, then every
// cluster.
func (n NetworkSelector) specificity() int {
	where := n.Account != "" || n.Region != ""
	switch {
	case where && n.Cluster != "":
		return 3
	case where:
		return 2
	case n.Cluster != "":
		return 1
	}
	return 0
}

func (n NetworkSelector) String() string {
	switch {
	case n.Account != "" || n.Region != "":
		return n.Account + "/" + n.Region + "/" + orAll(n.Cluster)
	case n.Cluster != "":
		return n.Cluster
	}
	return "every cluster"
}

func orAll(cluster string) string {
	if cluster == "" {
		return "*"
	}
	return cluster
}

// NetworkChoice is one value of --subnets or --security-groups (or one
// entry of a network file): the ids for the clusters Sel names, and where
// the value came from, for the change list.
type NetworkChoice struct {
	Sel    NetworkSelector
	IDs    []string
	Origin string
}

// NetworkChoices are the subnets and security groups chosen per cluster. A
// service takes the most specific choice that names its cluster; with none
// they come from the service, then its cluster's instances (subnets only).
// A security group or subnet exists in one VPC of one region, so a fleet of
// several regions needs one choice per cluster (or per account and region).
type NetworkChoices struct {
	Subnets, SecurityGroups []NetworkChoice
}

// ParseNetworkSelector reads "CLUSTER", "ACCOUNT/REGION/CLUSTER" or
// "ACCOUNT/REGION/*" (every cluster there); "" is every cluster.
func ParseNetworkSelector(s string) (NetworkSelector, error) {
	parts := strings.Split(s, "/")
	switch {
	case s == "":
		return NetworkSelector{}, nil
	case len(parts) == 1:
		return NetworkSelector{Cluster: s}, nil
	case len(parts) == 3 && parts[0] != "" && parts[1] != "" && parts[2] != "":
		sel := NetworkSelector{Account: parts[0], Region: parts[1], Cluster: parts[2]}
		if sel.Cluster == "*" {
			sel.Cluster = ""
		}
		return sel, nil
	}
	return NetworkSelector{}, fmt.Errorf("%q: want CLUSTER, ACCOUNT/REGION/CLUSTER or ACCOUNT/REGION/*", s)
}

// ParseNetworkChoice reads one occurrence of a network flag: "ID,ID"
// (every cluster), "CLUSTER=ID,ID" or "ACCOUNT/REGION/CLUSTER=ID,ID". prefix
// is what every id must start with ("subnet-", "sg-").
func ParseNetworkChoice(flag, value, prefix string) (NetworkChoice, error) {
	c := NetworkChoice{Origin: "the " + flag + " option"}
	ids := value
	if sel, rest, ok := strings.Cut(value, "="); ok {
		s, err := ParseNetworkSelector(strings.TrimSpace(sel))
		if err != nil || s == (NetworkSelector{}) {
			return c, fmt.Errorf("%s %q: the part before = must name clusters (CLUSTER, ACCOUNT/REGION/CLUSTER or ACCOUNT/REGION/*)", flag, value)
		}
		c.Sel, ids = s, rest
		c.Origin += " for " + s.String()
	}
	for _, id := range strings.Split(ids, ",") {
		if id = strings.TrimSpace(id); id != "" {
			c.IDs = append(c.IDs, id)
		}
	}
	if err := checkIDs(c.IDs, prefix); err != nil {
		return c, fmt.Errorf("%s %q: %w", flag, value, err)
	}
	return c, nil
}

// checkIDs wants at least one id, each starting with prefix.
func checkIDs(ids []string, prefix string) error {
	if len(ids) == 0 {
		return fmt.Errorf("no %s ids", strings.TrimSuffix(prefix, "-"))
	}
	for _, id := range ids {
		if !strings.HasPrefix(id, prefix) {
			return fmt.Errorf("%q is not a %s id (%s…)", id, strings.TrimSuffix(prefix, "-"), prefix)
		}
	}
	return nil
}

// choose is the most specific choice in list that names s's cluster; nil
// when none does.
func choose(list []NetworkChoice, s *fleet.Service) *NetworkChoice {
	var best *NetworkChoice
	for i := range list {
		c := &list[i]
		if c.Sel.matches(s) && (best == nil || c.Sel.specificity() > best.Sel.specificity()) {
			best = c
		}
	}
	return best
}

// Check verifies the choices against the fleet before anything is
// written: each selector names a cluster among the inputs, no selector is
// given twice, and no subnet or security group is one the inputs place in
// another VPC than the cluster's instances, or only in another account or
// region. Ids the inputs say nothing about pass: they may be new.
func (n NetworkChoices) Check(f *fleet.Fleet) error {
	for _, k := range []struct {
		list []NetworkChoice
		kind string
		vpc  func(fleet.Identity, string) string
	}{{n.Subnets, "subnet", f.SubnetVPC}, {n.SecurityGroups, "security group", f.SecurityGroupVPC}} {
		if err := checkChoices(f, k.list, k.kind, k.vpc); err != nil {
			return err
		}
	}
	return nil
}

func checkChoices(f *fleet.Fleet, list []NetworkChoice, kind string, vpcOf func(fleet.Identity, string) string) error {
	for i, c := range list {
		for _, d := range list[:i] {
			if d.Sel == c.Sel {
				return fmt.Errorf("%s and %s both give the %ss of %s", d.Origin, c.Origin, kind, c.Sel)
			}
		}
		named := false
		for _, cl := range f.Clusters {
			if !c.Sel.matchesCluster(cl) {
				continue
			}
			named = true
			if chosen := chosenFor(list, cl); chosen != nil && chosen.Sel != c.Sel {
				continue // a more specific choice serves this cluster
			}
			for _, id := range c.IDs {
				if err := checkOne(f, cl, c, kind, id, vpcOf); err != nil {
					return err
				}
			}
		}
		if !named && c.Sel != (NetworkSelector{}) {
			return fmt.Errorf("%s: no cluster %s among the inputs", c.Origin, c.Sel)
		}
	}
	return nil
}

// matchesCluster reports whether the selector names cl.
func (n NetworkSelector) matchesCluster(cl *fleet.Cluster) bool {
	return (n.Cluster == "" || n.Cluster == cl.Name) &&
		(n.Account == "" || n.Account == cl.Identity.Account) &&
		(n.Region == "" || n.Region == cl.Identity.Region)
}

// chosenFor is the choice that serves cl's services (see choose).
func chosenFor(list []NetworkChoice, cl *fleet.Cluster) *NetworkChoice {
	return choose(list, &fleet.Service{Cluster: cl.Name, Identity: cl.Identity})
}

func checkOne(f *fleet.Fleet, cl *fleet.Cluster, c NetworkChoice, kind, id string, vpcOf func(fleet.Identity, string) string) error {
	where := fmt.Sprintf("cluster %s (%s)", cl.Name, cl.Identity)
	if vpc := vpcOf(cl.Identity, id); vpc != "" {
		if vpcs := cl.VPCs(); len(vpcs) > 0 && !slices.Contains(vpcs, vpc) {
			return fmt.Errorf("%s: %s %s is in %s, but %s runs in %s; give it %ss of its own VPC (CLUSTER=IDS)",
				c.Origin, kind, id, vpc, where, strings.Join(vpcs, ", "), kind)
		}
		return nil
	}
	if homes := f.NetworkHomes(cl.Identity, id); len(homes) > 0 {
		names := make([]string, len(homes))
		for i, h := range homes {
			names[i] = h.String()
		}
		return fmt.Errorf("%s: %s %s is in %s, not in the account and region of %s; give each cluster its own (CLUSTER=IDS or ACCOUNT/REGION/CLUSTER=IDS)",
			c.Origin, kind, id, strings.Join(names, ", "), where)
	}
	return nil
}
