package pricing

import (
	"fmt"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	"github.com/shopspring/decimal"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// Delta is a cost that changes with the move and is not in the Fargate
// compute figures: listed separately so it is never buried.
type Delta struct {
	Kind    string // stable id: "public-ipv4", "nat-image-pulls", "host-public-ipv4"
	Title   string
	Monthly Money
	Note    string
}

// Delta kinds.
const (
	DeltaPublicIPv4 = "public-ipv4"
	DeltaNATPulls   = "nat-image-pulls"
)

// gib is the size of the GB AWS bills data transfer in.
var gib = decimal.NewFromInt(1 << 30)

func (m *model) deltas(s *fleet.Service, sc *ServiceCost) []Delta {
	if sc.Region == "" {
		return nil
	}
	if publicIP(s) {
		return []Delta{{Kind: DeltaPublicIPv4, Title: "public IPv4 per task",
			Monthly: m.publicIPv4(sc.Region, int64(sc.DesiredCount)),
			Note:    "assignPublicIp is ENABLED: on Fargate every task holds its own public IPv4 address"}}
	}
	if m.o.TaskStartsPerMonth == 0 {
		return natPullsUnknown
	}
	return []Delta{m.natPulls(s, sc)}
}

// natPullsUnknown is the deltas of every private service when
// --task-starts-per-month is not given (the default): one list shared by
// them all, as its amount is (taskStartsUnknown), instead of a list made
// per service (issue 17: 8 MB of the comparison at 100,000 services).
// Nothing modifies or appends to a service's deltas; its capacity is its
// length, so an append would copy it anyway.
var natPullsUnknown = []Delta{natPullsDelta(taskStartsUnknown)}

// natPullsDelta is the NAT pulls delta at monthly.
func natPullsDelta(monthly Money) Delta {
	return Delta{Kind: DeltaNATPulls, Title: "NAT processing of image pulls", Monthly: monthly,
		Note: "private tasks pull every image on every start; VPC endpoints for ECR and S3 avoid this"}
}

// publicIPv4 is what n public IPv4 addresses cost a month in region (AWS
// bills each by the hour); negative n prices addresses given up.
func (m *model) publicIPv4(region string, n int64) Money {
	return m.book.Price(region, PublicIPv4Hour).Mul(decimal.NewFromInt(n)).Mul(m.hours)
}

// taskStartsUnknown is every service's NAT pull cost when
// --task-starts-per-month is not given (the default): one amount shared
// by them all (amounts are never modified) instead of a reason made per
// service (issue 17).
var taskStartsUnknown = UnknownFill("task starts per month not given", "--task-starts-per-month N")

// natPulls prices image pulls through a NAT gateway: a private Fargate task
// pulls its images on every start (there is no host cache), so each start
// costs the image size × the NAT data processing rate, unless VPC endpoints
// for ECR and S3 exist.
func (m *model) natPulls(s *fleet.Service, sc *ServiceCost) Delta {
	d := natPullsDelta(taskStartsUnknown)
	if m.o.TaskStartsPerMonth == 0 {
		return d
	}
	bytes, missing := int64(0), []string{}
	for _, c := range s.TaskDef.Def.ContainerDefinitions {
		img := m.f.Image(ptr.Value(c.Image))
		if img == nil || img.Detail.ImageSizeInBytes == nil {
			missing = append(missing, ptr.Value(c.Image))
			continue
		}
		bytes += *img.Detail.ImageSizeInBytes
	}
	if len(missing) > 0 {
		d.Monthly = UnknownFill(fmt.Sprintf("image size unknown for %v", missing), "add aws ecr describe-images output")
		return d
	}
	gb := decimal.NewFromInt(bytes).Div(gib)
	pulls := decimal.NewFromInt(int64(m.o.TaskStartsPerMonth) * int64(sc.DesiredCount))
	d.Monthly = m.book.Price(sc.Region, NATGB).Mul(gb).Mul(pulls)
	return d
}

func publicIP(s *fleet.Service) bool {
	nc := s.Svc.NetworkConfiguration
	return nc != nil && nc.AwsvpcConfiguration != nil && nc.AwsvpcConfiguration.AssignPublicIp == ecstypes.AssignPublicIpEnabled
}
