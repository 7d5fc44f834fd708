package fleet

import (
	"context"
	"slices"
	"strings"
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

// A subnet's and a security group's VPC come from describe-subnets, else
// the instances; an id known only in another account or region says where.
func TestNetworkVPCsAndHomes(t *testing.T) {
	east, west := Identity{"1", "us-east-1"}, Identity{"1", "us-west-2"}
	inst := func(where Identity, vpc, subnet, sg string) *Instance {
		return &Instance{Identity: where, EC2: ec2types.Instance{VpcId: aws.String(vpc), SubnetId: aws.String(subnet),
			SecurityGroups: []ec2types.GroupIdentifier{{GroupId: aws.String(sg)}}}}
	}
	a, b := inst(east, "vpc-e", "subnet-e1", "sg-e"), inst(west, "vpc-w", "subnet-w1", "sg-w")
	f := &Fleet{Instances: []*Instance{a, b},
		Subnets: []*Subnet{{EC2: ec2types.Subnet{SubnetId: aws.String("subnet-e2"), VpcId: aws.String("vpc-e2"),
			SubnetArn: aws.String("arn:aws:ec2:us-east-1:1:subnet/subnet-e2")}}},
		Clusters: []*Cluster{{Name: "c", Identity: east, ContainerInstances: []*ContainerInstance{{Instance: a}}}}}
	if got := f.Clusters[0].VPCs(); !slices.Equal(got, []string{"vpc-e"}) {
		t.Errorf("VPCs = %q", got)
	}
	for _, c := range []struct{ got, want string }{
		{f.SubnetVPC(east, "subnet-e1"), "vpc-e"},  // from an instance
		{f.SubnetVPC(east, "subnet-e2"), "vpc-e2"}, // from describe-subnets
		{f.SubnetVPC(east, "subnet-w1"), ""},       // another region's
		{f.SecurityGroupVPC(east, "sg-e"), "vpc-e"},
		{f.SecurityGroupVPC(east, "sg-w"), ""},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	if got := f.NetworkHomes(east, "sg-w"); !slices.Equal(got, []Identity{west}) {
		t.Errorf("NetworkHomes(sg-w) = %v, want us-west-2", got)
	}
	if got := f.NetworkHomes(east, "subnet-e1"); len(got) != 0 {
		t.Errorf("NetworkHomes of a subnet of the cluster's own region = %v", got)
	}
}

// The fleet's memo of the instance network is made once the clusters are
// merged: a service read without an ARN, whose cluster mergeClusters joins
// to the one its container instances name, gets the merged cluster's
// subnets and groups, the same as Cluster.InstanceNetwork of that cluster;
// asked again it gives the same lists; a cluster that is not the fleet's
// is worked out afresh.
func TestInstanceNetworkOfMergedCluster(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "services.json", `{"services":[{"serviceName":"api","clusterArn":"web","taskDefinition":"api","launchType":"EC2"}]}`)
	writeFile(t, dir, "ci.json", `{"containerInstances":[`+
		`{"containerInstanceArn":"arn:aws:ecs:us-east-1:111111111111:container-instance/web/a","ec2InstanceId":"i-1"},`+
		`{"containerInstanceArn":"arn:aws:ecs:us-east-1:111111111111:container-instance/web/b","ec2InstanceId":"i-2"}]}`)
	writeFile(t, dir, "instances.json", `{"Reservations":[{"OwnerId":"111111111111","Instances":[`+
		`{"InstanceId":"i-1","SubnetId":"subnet-b","Placement":{"AvailabilityZone":"us-east-1a"},"SecurityGroups":[{"GroupId":"sg-2"},{"GroupId":"sg-1"}]},`+
		`{"InstanceId":"i-2","SubnetId":"subnet-a","Placement":{"AvailabilityZone":"us-east-1b"},"SecurityGroups":[{"GroupId":"sg-2"}]}]}]}`)
	f, _ := LoadWith(context.Background(), []string{dir}, strings.NewReader(""), LoadOptions{Default: Identity{Region: "us-east-1"}})
	if len(f.Clusters) != 1 || len(f.Services) != 1 {
		t.Fatalf("%d clusters and %d services, want one of each (merged)", len(f.Clusters), len(f.Services))
	}
	cl := f.ClusterOf(f.Services[0])
	if cl != f.Clusters[0] {
		t.Fatalf("the service's cluster is not the merged one")
	}
	subnets, sgs := f.InstanceNetworkOf(cl)
	if want := []string{"subnet-a", "subnet-b"}; !slices.Equal(subnets, want) {
		t.Errorf("subnets = %q, want %q", subnets, want)
	}
	if want := []string{"sg-1", "sg-2"}; !slices.Equal(sgs, want) {
		t.Errorf("security groups = %q, want %q", sgs, want)
	}
	direct, directSGs := cl.InstanceNetwork()
	if !slices.Equal(subnets, direct) || !slices.Equal(sgs, directSGs) {
		t.Errorf("memo %q %q, Cluster.InstanceNetwork %q %q", subnets, sgs, direct, directSGs)
	}
	again, _ := f.InstanceNetworkOf(cl)
	if &again[0] != &subnets[0] {
		t.Errorf("asked again, the subnets were worked out again")
	}
	other := &Cluster{Name: "elsewhere", ContainerInstances: cl.ContainerInstances[:1]}
	if s, _ := f.InstanceNetworkOf(other); !slices.Equal(s, []string{"subnet-b"}) {
		t.Errorf("a cluster outside the fleet gave %q, want its own subnet-b", s)
	}
	if s, g := f.InstanceNetworkOf(nil); s != nil || g != nil {
		t.Errorf("a nil cluster gave %q, %q", s, g)
	}
}
