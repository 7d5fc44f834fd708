package fleet

import (
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// InstanceNetwork lists the subnets and security groups, distinct and
// sorted, of the EC2 instances behind c's container instances (those
// describe-instances output covered). A nil cluster has none.
func (c *Cluster) InstanceNetwork() (subnets, sgs []string) {
	if c == nil {
		return nil, nil
	}
	for _, ci := range c.ContainerInstances {
		if ci.Instance == nil {
			continue
		}
		subnets = append(subnets, aws.ToString(ci.Instance.EC2.SubnetId))
		for _, g := range ci.Instance.EC2.SecurityGroups {
			sgs = append(sgs, aws.ToString(g.GroupId))
		}
	}
	return sortedSet(subnets), sortedSet(sgs)
}

// sortedSet returns the distinct non-empty strings of items, sorted (nil
// when there are none); it reuses items.
func sortedSet(items []string) []string {
	out := slices.DeleteFunc(items, func(s string) bool { return s == "" })
	if len(out) == 0 {
		return nil
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// VPCs lists the VPCs, distinct and sorted, of the EC2 instances behind c's
// container instances (those describe-instances output covered); nil when
// none is known. A nil cluster has none.
func (c *Cluster) VPCs() []string {
	if c == nil {
		return nil
	}
	var vpcs []string
	for _, ci := range c.ContainerInstances {
		if ci.Instance != nil {
			vpcs = append(vpcs, aws.ToString(ci.Instance.EC2.VpcId))
		}
	}
	return sortedSet(vpcs)
}

// SubnetVPC is the VPC of subnet in the account and region id: from
// describe-subnets output, else from an EC2 instance in that subnet; ""
// when the inputs do not say.
func (f *Fleet) SubnetVPC(id Identity, subnet string) string {
	if sn := f.Subnet(id, subnet); sn != nil && sn.EC2.VpcId != nil {
		return *sn.EC2.VpcId
	}
	for _, in := range f.Instances {
		if aws.ToString(in.EC2.SubnetId) == subnet && sameOrUnknown(in.Identity, id) && in.EC2.VpcId != nil {
			return *in.EC2.VpcId
		}
	}
	return ""
}

// SecurityGroupVPC is the VPC of security group sg in the account and
// region id, known from the EC2 instances that carry it; "" when no
// instance of the inputs does.
func (f *Fleet) SecurityGroupVPC(id Identity, sg string) string {
	for _, in := range f.Instances {
		if !sameOrUnknown(in.Identity, id) || in.EC2.VpcId == nil {
			continue
		}
		for _, g := range in.EC2.SecurityGroups {
			if aws.ToString(g.GroupId) == sg {
				return *in.EC2.VpcId
			}
		}
	}
	return ""
}

// NetworkHomes lists the accounts and regions, other than id, where the
// inputs place a subnet or security group with this id (describe-subnets
// output or EC2 instances): a subnet or group lives in one region of one
// account, so an id found only elsewhere cannot serve id.
func (f *Fleet) NetworkHomes(id Identity, resource string) []Identity {
	seen := map[Identity]bool{}
	var out []Identity
	add := func(where Identity) {
		if where.Account == "" || where.Region == "" || sameOrUnknown(where, id) || seen[where] {
			return
		}
		seen[where] = true
		out = append(out, where)
	}
	for _, sn := range f.Subnets {
		if aws.ToString(sn.EC2.SubnetId) == resource {
			add(sn.Identity)
		}
	}
	for _, in := range f.Instances {
		if aws.ToString(in.EC2.SubnetId) == resource {
			add(in.Identity)
		}
		for _, g := range in.EC2.SecurityGroups {
			if aws.ToString(g.GroupId) == resource {
				add(in.Identity)
			}
		}
	}
	return out
}

// sameOrUnknown reports whether a and b could be the same account and
// region: equal where both are known.
func sameOrUnknown(a, b Identity) bool {
	return (a.Account == "" || b.Account == "" || a.Account == b.Account) && (a.Region == "" || b.Region == "" || a.Region == b.Region)
}

// instanceNetwork is what Cluster.InstanceNetwork returns.
type instanceNetwork struct{ subnets, sgs []string }

// InstanceNetworkOf is c.InstanceNetwork(), worked out for every cluster
// of f at once on first use and kept: the report's preview and the
// analyzer ask for each service, and a big cluster's container instances
// are many (issue 17: 40 MB allocated at 10,000 services, asked for a
// service at a time). It is built from the index, which Load makes once
// the clusters are linked and merged (mergeClusters), so no later change
// to a cluster's container instances can leave it stale; a cluster that is
// not f's (one assembled by hand outside it) is worked out afresh. Callers
// must not modify the slices.
func (f *Fleet) InstanceNetworkOf(c *Cluster) (subnets, sgs []string) {
	if c == nil {
		return nil, nil
	}
	idx := f.lookup()
	idx.networkOnce.Do(func() {
		idx.clusterNetwork = make(map[*Cluster]instanceNetwork, len(idx.clusters))
		for _, cl := range idx.clusters {
			var n instanceNetwork
			n.subnets, n.sgs = cl.InstanceNetwork()
			idx.clusterNetwork[cl] = n
		}
	})
	if n, ok := idx.clusterNetwork[c]; ok {
		return n.subnets, n.sgs
	}
	return c.InstanceNetwork()
}
