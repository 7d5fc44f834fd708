package pricing

import (
	"fmt"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	"github.com/shopspring/decimal"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// hoursPerGBMonth is the month EBS prices its GB-month in: 730 hours, the
// AWS Pricing Calculator's month, so a volume costs its GB-month rate ×
// hours ÷ 730 over --hours-per-month (https://aws.amazon.com/ebs/pricing/).
var hoursPerGBMonth = decimal.NewFromInt(730)

// gp3 includes 3,000 IOPS and 125 MiB/s; above that is billed apart and
// not in the book.
const (
	gp3FreeIOPS       = 3000
	gp3FreeThroughput = 125
)

// ebs prices the EBS volumes attached to the cluster's active container
// instances, per month: size in GB × the volume type's GB-month rate, in
// the host's region. The volumes go with the hosts, so the cost is on the
// EC2 side of every option. Without describe-volumes output the cost is
// unknown and left out of the EC2 cost, with a note, rather than making
// every cluster unknown; so is a volume type the book has no rate for
// (both are listed as unknown parts of the totals).
func (m *model) ebs(cc *ClusterCost, cl *fleet.Cluster) Money {
	if len(m.f.Volumes) == 0 {
		return UnknownFill("EBS volumes of cluster "+cl.Name+" not among the inputs", "add aws ec2 describe-volumes output")
	}
	total := Zero
	for _, ic := range cc.Instances {
		if ic.ID == "" {
			continue
		}
		for _, v := range m.f.VolumesOf(cl.Identity, ic.ID) {
			total = total.Add(m.volume(v, ic.Region))
		}
	}
	return total
}

// volume prices one volume's storage for a month.
func (m *model) volume(v *fleet.Volume, region string) Money {
	typ, id := string(v.EC2.VolumeType), ptr.Value(v.EC2.VolumeId)
	size := decimal.NewFromInt(int64(ptr.Value(v.EC2.Size)))
	item, ok := ebsItem(typ)
	if !ok {
		return UnknownFill(fmt.Sprintf("no price for EBS volume type %s (volume %s): the price book holds gp3 and gp2", typ, id), "add the volume's cost by hand")
	}
	p := m.book.Price(region, item).Mul(size).Mul(m.hours).Div(hoursPerGBMonth)
	if typ == "gp3" && (ptr.Value(v.EC2.Iops) > gp3FreeIOPS || ptr.Value(v.EC2.Throughput) > gp3FreeThroughput) {
		p = p.WithCaveat(fmt.Sprintf("gp3 IOPS or throughput of EBS volume %s above the included 3,000 IOPS and 125 MiB/s are not priced", id))
	}
	return p
}

// ebsItem is the book's GB-month item for a volume type; the book (and the
// Price List query behind pricing update) holds gp3 and gp2 only.
func ebsItem(volumeType string) (Item, bool) {
	switch volumeType {
	case "gp3":
		return EBSGp3GBMonth, true
	case "gp2":
		return EBSGp2GBMonth, true
	}
	return "", false
}
