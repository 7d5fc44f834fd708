package pricing

import (
	"fmt"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// DeltaHostPublicIPv4 is the public IPv4 addresses of a cluster's
// container instances, released when its hosts are shut down.
const DeltaHostPublicIPv4 = "host-public-ipv4"

// hostPublicIPv4 prices the public IPv4 addresses the cluster's active
// container instances hold: AWS bills every public IPv4 by the hour, and
// the addresses go with the hosts, so moving the cluster saves them (a
// negative delta). Like idle capacity, only moving the whole cluster
// saves them. Nil when no active instance has one; unknown when an
// instance's addresses are not among the inputs.
func (m *model) hostPublicIPv4(cl *fleet.Cluster, region string) *Delta {
	d := &Delta{Kind: DeltaHostPublicIPv4, Title: "public IPv4 of the container instances",
		Note: "released when the cluster's hosts are shut down after the move (negative: a saving)"}
	var withIP int64
	var unknown []string
	for _, ci := range cl.ContainerInstances {
		switch {
		case ci.CI.Status != nil && *ci.CI.Status == "INACTIVE":
		case ci.Instance == nil:
			unknown = append(unknown, nonEmpty(ptr.Value(ci.CI.Ec2InstanceId), ptr.Value(ci.CI.ContainerInstanceArn)))
		case ci.Instance.EC2.PublicIpAddress != nil:
			withIP++
		}
	}
	switch {
	case len(unknown) > 0:
		d.Monthly = UnknownFill(fmt.Sprintf("public IPv4 of container instances %s not known", strings.Join(unknown, ", ")), "add aws ec2 describe-instances output")
	case withIP == 0:
		return nil
	case region == "":
		d.Monthly = noRegion("the container instances of cluster " + cl.Name)
	default:
		d.Monthly = m.publicIPv4(region, -withIP)
	}
	return d
}
