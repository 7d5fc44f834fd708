package pricing

import (
	"fmt"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	"github.com/shopspring/decimal"

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
	// EC2Side is the cluster's EC2 cost under each option's own kind of
	// commitment (hostPrices); IdleSide its idle part. Each option's saving
	// is EC2Side − Fargate.
	EC2Side, IdleSide Variants
	// Fargate is the cost after the move under each option: the services
	// that move on Fargate, the DAEMON services as their sidecars, the
	// services that stay at their stay cost on EC2. Services already on
	// Fargate are on neither side.
	Fargate Variants
	// Stranded is the monthly commitment (Reserved Instances, EC2 Instance
	// Savings Plan) still paid for the hosts the move shuts down, until the
	// term ends; zero when none is held.
	Stranded Money
	// EBS is what the container instances' EBS volumes cost a month (in
	// EC2 and every EC2Side: the volumes go with the hosts).
	EBS Money
	// committed is the monthly cost of the hosts under that commitment.
	committed Money
	// CPUUtilization and MemoryUtilization are the reserved share of each
	// registered resource; Binding names the higher one ("cpu" or
	// "memory"), which decides how many hosts the tasks need, and
	// BindingIdle is the EC2 cost the binding resource leaves unreserved.
	CPUUtilization, MemoryUtilization decimal.Decimal
	Binding                           string
	BindingIdle                       Money
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
	// HostsAverage is the window's average host count the EC2 cost is
	// priced at, where Container Insights gave one (nil: the snapshot's
	// hosts); HostsFrom says where it comes from.
	HostsAverage *decimal.Decimal
	HostsFrom    string
}

// InstanceCost is one container instance and its monthly price.
type InstanceCost struct {
	ID, ContainerInstanceARN, Type, Lifecycle, Region string
	CPU, MemoryMiB                                    int
	// Windows is true for a Windows host: it is priced at the Price
	// List's Windows (licence included) rates, which the Linux rate would
	// understate.
	Windows bool
	// Hourly and Monthly are the host as billed today.
	Hourly, Monthly Money
	// Side is the host's monthly cost under each option's commitment.
	Side Variants
	// committed is its monthly cost under a Reserved Instance or EC2
	// Instance Savings Plan the user holds (stranded by the move); zero
	// when none is held.
	committed Money
}

// resources is CPU units and MiB.
type resources struct {
	cpu, mem int64
	known    bool
}

func (m *model) cluster(cl *fleet.Cluster, services []*ServiceCost) *ClusterCost {
	cc := &ClusterCost{Cluster: cl.Name, Account: cl.Identity.Account, where: cl.Identity, EC2: Zero, EC2Side: allOf(Zero), committed: Zero, BindingIdle: Zero}
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
		cc.EC2Side = cc.EC2Side.add(ic.Side)
		cc.committed = cc.committed.Add(ic.committed)
		capacity.cpu += int64(ic.CPU)
		capacity.mem += int64(ic.MemoryMiB)
	}
	if cc.EBS = m.ebs(cc, cl); cc.EBS.Known() {
		cc.EC2 = cc.EC2.Add(cc.EBS)
		cc.EC2Side = cc.EC2Side.add(allOf(cc.EBS))
	} else if len(cc.Instances) > 0 {
		cc.Notes = append(cc.Notes, "EBS volumes not in the EC2 cost: "+strings.Join(cc.EBS.Missing(), "; "))
	}
	if len(cc.Instances) > 0 {
		cc.averageHosts(cl)
	}
	if len(cc.Instances) == 0 {
		cc.EC2 = UnknownFill(fmt.Sprintf("no container instances of cluster %s among the inputs", cl.Name), "add aws ecs describe-container-instances output")
		cc.EC2Side = allOf(cc.EC2)
	}
	// A service already on Fargate is not on the EC2 side (it reserves
	// nothing there), so allocate keeps it off the Fargate side too: the
	// sums compare what runs on EC2 now with what it costs after the move.
	m.allocate(cc, services, capacity)
	cc.Breakeven = breakeven(cc, services)
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
		arns = append(arns, ptr.Value(ci.CI.ContainerInstanceArn))
	}
	if cl.Detail != nil {
		arns = append(arns, ptr.Value(cl.Detail.ClusterArn))
	}
	for _, s := range cl.Services {
		arns = append(arns, ptr.Value(s.Svc.ClusterArn), ptr.Value(s.Svc.ServiceArn))
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
	ic := InstanceCost{ContainerInstanceARN: ptr.Value(ci.CI.ContainerInstanceArn), ID: ptr.Value(ci.CI.Ec2InstanceId), Lifecycle: "on-demand"}
	ic.Region = m.regionOf(ic.ContainerInstanceARN)
	if ic.Region == "" {
		ic.Region = clusterRegion
	}
	ic.Windows = ci.IsWindows()
	ic.CPU, ic.MemoryMiB = registered(ci.CI.RegisteredResources)
	ic.Type = attribute(ci.CI.Attributes, "ecs.instance-type")
	if ci.Instance != nil {
		ic.Type = string(ci.Instance.EC2.InstanceType)
		if lc := string(ci.Instance.EC2.InstanceLifecycle); lc != "" {
			ic.Lifecycle = lc
		}
	}
	var onDemand Money
	switch {
	case ic.Type == "":
		onDemand = UnknownFill(fmt.Sprintf("instance type of container instance %s is unknown", nonEmpty(ic.ID, ic.ContainerInstanceARN)), "add aws ec2 describe-instances output")
	case ic.Region == "":
		onDemand = noRegion("container instance " + nonEmpty(ic.ID, ic.ContainerInstanceARN))
	default:
		onDemand = m.book.Price(ic.Region, ic.onDemandItem())
	}
	m.hostPrices(&ic, onDemand)
	ic.Monthly = ic.Hourly.Mul(m.hours)
	ic.Side = ic.Side.times(m.hours)
	ic.committed = ic.committed.Mul(m.hours)
	return ic
}

// onDemandItem is the host's on-demand item: Windows (licence included)
// for a Windows host, else Linux.
func (ic *InstanceCost) onDemandItem() Item {
	if ic.Windows {
		return EC2WindowsItem(ic.Type)
	}
	return EC2Item(ic.Type)
}

// savingsPlanItem is the host's EC2 Compute Savings Plan item for a term,
// on its operating system.
func (ic *InstanceCost) savingsPlanItem(t Term) Item {
	if ic.Windows {
		return EC2WindowsSavingsPlanItem(t, ic.Type)
	}
	return EC2SavingsPlanItem(t, ic.Type)
}

func registered(rs []ecstypes.Resource) (cpu, mem int) {
	for _, r := range rs {
		switch strings.ToUpper(ptr.Value(r.Name)) {
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
		if ptr.Value(a.Name) == name {
			return ptr.Value(a.Value)
		}
	}
	return ""
}

// reservationOf is what count running tasks of td reserve on a container
// instance, as the ECS scheduler counts it (fleet.Reservation).
func reservationOf(td *ecstypes.TaskDefinition, count int) resources {
	r := fleet.Reservation(td)
	return resources{cpu: int64(r.CPU) * int64(count), mem: int64(r.Memory) * int64(count), known: true}
}

// perResource sets the utilisation of CPU and memory apart, and the idle
// cost of the binding one (the higher utilisation: the resource that runs
// out first decides how many hosts the tasks need).
func (cc *ClusterCost) perResource(reserved, capacity resources) {
	ratio := func(a, b int64) decimal.Decimal {
		if b <= 0 {
			return decimal.Zero
		}
		return decimal.NewFromInt(a).Div(decimal.NewFromInt(b))
	}
	cc.CPUUtilization, cc.MemoryUtilization = ratio(reserved.cpu, capacity.cpu), ratio(reserved.mem, capacity.mem)
	binding := cc.CPUUtilization
	cc.Binding = "cpu"
	if cc.MemoryUtilization.GreaterThan(binding) {
		binding, cc.Binding = cc.MemoryUtilization, "memory"
	}
	if binding.GreaterThan(one) {
		binding = one
	}
	cc.BindingIdle = cc.EC2.Mul(one.Sub(binding))
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
