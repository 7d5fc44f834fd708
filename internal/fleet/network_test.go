package fleet

import (
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
)

// The cluster's instance subnets and groups come out distinct and sorted;
// container instances without an EC2 instance, and empty ids, add nothing.
func TestInstanceNetwork(t *testing.T) {
	host := func(subnet string, sgs ...string) *ContainerInstance {
		in := &Instance{EC2: ec2types.Instance{SubnetId: aws.String(subnet)}}
		for _, g := range sgs {
			in.EC2.SecurityGroups = append(in.EC2.SecurityGroups, ec2types.GroupIdentifier{GroupId: aws.String(g)})
		}
		return &ContainerInstance{Instance: in}
	}
	c := &Cluster{ContainerInstances: []*ContainerInstance{
		host("subnet-b", "sg-2", "sg-1"), {}, host("subnet-a", "sg-2"), host("", ""), host("subnet-b"),
	}}
	subnets, sgs := c.InstanceNetwork()
	if want := []string{"subnet-a", "subnet-b"}; !slices.Equal(subnets, want) {
		t.Errorf("subnets = %q, want %q", subnets, want)
	}
	if want := []string{"sg-1", "sg-2"}; !slices.Equal(sgs, want) {
		t.Errorf("security groups = %q, want %q", sgs, want)
	}
	var none *Cluster
	if s, g := none.InstanceNetwork(); s != nil || g != nil {
		t.Errorf("a nil cluster gave %q, %q", s, g)
	}
	if s, g := (&Cluster{ContainerInstances: []*ContainerInstance{host("")}}).InstanceNetwork(); s != nil || g != nil {
		t.Errorf("empty ids gave %q, %q; want nil", s, g)
	}
}
