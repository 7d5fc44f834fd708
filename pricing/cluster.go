package pricing

import (
	"fmt"
	"strings"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	"github.com/shopspring/decimal"

	"github.com/ecs2fargate/ecs2fargate/internal/fargate"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// ClusterCost is one cluster's EC2 cost, how it splits over services and
// idle capacity, and what its services would cost on Fargate.
type ClusterCost struct {
	Cluster, Region string
	// Account is the cluster's (see fleet.Identity); Region above is the
	// region it is priced in.
	Account   string
	where     fleet.Identity
	Instances []InstanceCost
	// EC2 is the monthly cost of all container instances; Idle the part no
	// task reserves. EC2 = Idle + Σ services' EC2.
	EC2, Idle Money
	Fargate   Variants
	// CPUWeight is the GB-equivalent of one vCPU used to split the cost.
	CPUWeight decimal.Decimal
	// Utilization is the reserved share of registered capacity (weighted);
	// UtilizationKnown is false when a reservation or capacity is unknown.
	Utilization      decimal.Decimal
	UtilizationKnown bool
	// Breakeven is the utilization at which EC2 would cost the same as
	// Fargate on-demand; nil when a figure is unknown. Above 1 means EC2
	// costs more even fully packed.
	Breakeven *decimal.Decimal
	Notes     []string
	// Deltas are the cluster's hidden deltas (its hosts' public IPv4).
	Deltas []Delta
}

// InstanceCost is one container instance and its monthly price.
type InstanceCost struct {
	ID, ContainerInstanceARN, Type, Lifecycle, Region string
	CPU, MemoryMiB                                    int
	Hourly, Monthly                                   Money
}

// resources is CPU units and MiB.
type resources struct {
	cpu, mem int64
	known    bool
}

func (m *model) cluster(cl *fleet.Cluster, services []*ServiceCost) *ClusterCost {
	cc := &ClusterCost{Cluster: cl.Name, Account: cl.Identity.Account, where: cl.Identity, EC2: Zero}
	cc.Region = m.clusterRegion(cl)
	cc.CPUWeight = m.cpuWeight(cc)
	capacity := resources{known: true}
	for _, ci := range cl.ContainerInstances {
		if ci.CI.Status != nil && *ci.CI.Status == "INACTIVE" {
			continue
		}
		ic := m.instance(ci, cc.Region)
		cc.Instances = append(cc.Instances, ic)
		cc.EC2 = cc.EC2.Add(ic.Monthly)
		capacity.cpu += int64(ic.CPU)
		capacity.mem += int64(ic.MemoryMiB)
	}
	if len(cc.Instances) == 0 {
		cc.EC2 = Unknown(fmt.Sprintf("no container instances of cluster %s among the inputs (add aws ecs describe-container-instances output)", cl.Name))
	}
	for _, s := range services {
		// A service already on Fargate is not on the EC2 side (it reserves
		// nothing there), so it stays off the Fargate side too: the sums
		// compare what runs on EC2 now with what it would cost on Fargate.
		if !s.OnFargate {
			cc.Fargate = cc.Fargate.add(s.Fargate)
		}
	}
	m.allocate(cc, services, capacity)
	cc.Breakeven = breakeven(cc)
	if d := m.hostPublicIPv4(cl, cc.Region); d != nil {
		cc.Deltas = append(cc.Deltas, *d)
	}
	return cc
}

// clusterRegion is the region of the cluster's instances, else of its
// services, else the default.
func (m *model) clusterRegion(cl *fleet.Cluster) string {
	var arns []string
	for _, ci := range cl.ContainerInstances {
		arns = append(arns, deref(ci.CI.ContainerInstanceArn))
	}
	if cl.Detail != nil {
		arns = append(arns, deref(cl.Detail.ClusterArn))
	}
	for _, s := range cl.Services {
		arns = append(arns, deref(s.Svc.ClusterArn), deref(s.Svc.ServiceArn))
	}
	return m.regionOf(arns...)
}

// cpuWeight is --cpu-weight, else the region's Fargate vCPU:GB price
// ratio, else AWS's split-cost-allocation 9:1.
func (m *model) cpuWeight(cc *ClusterCost) decimal.Decimal {
	if m.o.CPUWeight != nil {
		return *m.o.CPUWeight
	}
	v, g := m.book.Price(cc.Region, FargateVCPU), m.book.Price(cc.Region, FargateGB)
	if v.Known() && g.Known() && g.Amount().IsPositive() {
		return v.Amount().Div(g.Amount())
	}
	cc.Notes = append(cc.Notes, "no Fargate prices for "+cc.Region+": EC2 cost split with AWS's 9:1 vCPU:GB weight")
	return decimal.NewFromInt(9)
}

// instance prices one container instance: on-demand less --ec2-discount,
// or Spot (lifecycle "spot") less the Spot discount.
func (m *model) instance(ci *fleet.ContainerInstance, clusterRegion string) InstanceCost {
	ic := InstanceCost{ContainerInstanceARN: deref(ci.CI.ContainerInstanceArn), ID: deref(ci.CI.Ec2InstanceId), Lifecycle: "on-demand"}
	ic.Region = m.regionOf(ic.ContainerInstanceARN)
	if ic.Region == "" {
		ic.Region = clusterRegion
	}
	ic.CPU, ic.MemoryMiB = registered(ci.CI.RegisteredResources)
	ic.Type = attribute(ci.CI.Attributes, "ecs.instance-type")
	if ci.Instance != nil {
		ic.Type = string(ci.Instance.EC2.InstanceType)
		if lc := string(ci.Instance.EC2.InstanceLifecycle); lc != "" {
			ic.Lifecycle = lc
		}
	}
	switch {
	case ic.Type == "":
		ic.Hourly = Unknown(fmt.Sprintf("instance type of container instance %s is unknown (add aws ec2 describe-instances output)", nonEmpty(ic.ID, ic.ContainerInstanceARN)))
	case ic.Region == "":
		ic.Hourly = noRegion("container instance " + nonEmpty(ic.ID, ic.ContainerInstanceARN))
	case ci.IsWindows():
		// The book holds Linux on-demand EC2 rates only; a Windows host
		// also pays the licence, so its Linux rate would understate it.
		ic.Hourly = Unknown(fmt.Sprintf("no Windows price for EC2 instance type %s in %s (the price book holds Linux rates only)", ic.Type, ic.Region))
	default:
		ic.Hourly = m.instanceHourly(ic)
	}
	ic.Monthly = ic.Hourly.Mul(m.hours)
	return ic
}

func (m *model) instanceHourly(ic InstanceCost) Money {
	od := m.book.Price(ic.Region, EC2Item(ic.Type))
	if ic.Lifecycle != "spot" {
		return od.Mul(one.Sub(m.o.EC2Discount))
	}
	if m.o.EC2SpotDiscount != nil {
		return od.Mul(one.Sub(*m.o.EC2SpotDiscount))
	}
	return discounted(od, m.book.Defaults().EC2SpotDiscount, "EC2 Spot price of "+ic.Type+" in "+ic.Region)
}

func registered(rs []ecstypes.Resource) (cpu, mem int) {
	for _, r := range rs {
		switch strings.ToUpper(deref(r.Name)) {
		case "CPU":
			cpu = int(r.IntegerValue)
		case "MEMORY":
			mem = int(r.IntegerValue)
		}
	}
	return cpu, mem
}

func attribute(as []ecstypes.Attribute, name string) string {
	for _, a := range as {
		if deref(a.Name) == name {
			return deref(a.Value)
		}
	}
	return ""
}

// reservationOf is what count running tasks of td reserve on an instance:
// the need before any Fargate rounding or headroom.
func reservationOf(td *ecstypes.TaskDefinition, count int) resources {
	n := fargate.NeedOf(td, 0)
	return resources{cpu: int64(n.CPU) * int64(count), mem: int64(n.Memory) * int64(count), known: true}
}

func nonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// Where is the cluster's own account and region (Region is the one it is
// priced in, which --region may override).
func (cc *ClusterCost) Where() fleet.Identity { return cc.where }
