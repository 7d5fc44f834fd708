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
