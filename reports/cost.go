package reports

import (
	"github.com/shopspring/decimal"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// CostSchemaVersion is the version of the cost JSON contract (docs/cost.md).
const CostSchemaVersion = 1

// Cost is the neutral cost report every cost format renders. Amounts are
// per month, rounded to cents so that every displayed sum adds up: a
// cluster's service shares plus idle equal its EC2 cost, and totals are
// the sums of the displayed cluster figures.
type Cost struct {
	SchemaVersion int             `json:"schemaVersion"`
	Tool          Tool            `json:"tool"`
	Inputs        []string        `json:"inputs"`
	Assumptions   CostAssumptions `json:"assumptions"`
	// services are the rows of the "services" member, made one at a time
	// as a renderer asks for them (Services, Service): a large estate's
	// rows are never all in memory at once (issue 17).
	services    costServices
	Clusters    []ClusterCostRow   `json:"clusters"`
	Totals      CostTotals         `json:"totals"`
	Unknown     []string           `json:"unknown"`
	Diagnostics []fleet.Diagnostic `json:"diagnostics"`
	// place says how human formats name a row's account and region (placeOf).
	place placer
}

// FargateAmounts are the monthly Fargate costs of each purchase option.
type FargateAmounts struct {
	OnDemand      Amount `json:"onDemand"`
	Spot          Amount `json:"spot"`
	ARM           Amount `json:"arm"`
	SavingsPlan1y Amount `json:"savingsPlan1y"`
	SavingsPlan3y Amount `json:"savingsPlan3y"`
}

// list is the five options in the order of every table's columns.
func (f FargateAmounts) list() []Amount {
	return []Amount{f.OnDemand, f.Spot, f.ARM, f.SavingsPlan1y, f.SavingsPlan3y}
}

func (f FargateAmounts) plus(o FargateAmounts) FargateAmounts {
	return FargateAmounts{f.OnDemand.plus(o.OnDemand), f.Spot.plus(o.Spot), f.ARM.plus(o.ARM),
		f.SavingsPlan1y.plus(o.SavingsPlan1y), f.SavingsPlan3y.plus(o.SavingsPlan3y)}
}

// savings is what each option saves against ec2 (negative: Fargate costs more).
func (f FargateAmounts) savings(ec2 Amount) FargateAmounts {
	return FargateAmounts{ec2.minus(f.OnDemand), ec2.minus(f.Spot), ec2.minus(f.ARM),
		ec2.minus(f.SavingsPlan1y), ec2.minus(f.SavingsPlan3y)}
}

func (f FargateAmounts) times(n int64) FargateAmounts {
	return FargateAmounts{f.OnDemand.times(n), f.Spot.times(n), f.ARM.times(n), f.SavingsPlan1y.times(n), f.SavingsPlan3y.times(n)}
}

var zeroFargate = FargateAmounts{zeroAmount, zeroAmount, zeroAmount, zeroAmount, zeroAmount}

// TaskSize is a Fargate task size.
type TaskSize struct {
	CPU    int `json:"cpu"`    // CPU units, 1024 = 1 vCPU
	Memory int `json:"memory"` // MiB
}

// ServiceCostRow is one service.
type ServiceCostRow struct {
	// Account is the service's account; Region below the region it is
	// priced in (its own, unless --region says otherwise).
	Account        string `json:"account"`
	Cluster        string `json:"cluster"`
	Service        string `json:"service"`
	TaskDefinition string `json:"taskDefinition"`
	Region         string `json:"region"`
	Platform       string `json:"platform"`
	DesiredCount   int    `json:"desiredCount"`
	// TasksPriced is the task count Fargate is priced at and TasksFrom
	// where it comes from: "desiredCount", or the CloudWatch window's
	// average running tasks (added within schemaVersion 1).
	TasksPriced         string    `json:"tasksPriced"`
	TasksFrom           string    `json:"tasksFrom"`
	RunningCount        int       `json:"runningCount"`
	FargateSize         *TaskSize `json:"fargateSize"`
	EphemeralStorageGiB int       `json:"ephemeralStorageGiB"`
	EC2Monthly          Amount    `json:"ec2Monthly"`
	// EC2ByOptionMonthly is its EC2 share under each option's own kind of
	// commitment (on-demand, the hosts' Spot, an EC2 Compute Savings Plan).
	EC2ByOptionMonthly FargateAmounts `json:"ec2ByOptionMonthly"`
	// FargateMonthly is what it would cost on Fargate (informative for a
	// service that stays); AfterMoveMonthly what it costs after the move:
	// its Fargate price if it moves, its sidecars' if it is a DAEMON, its
	// stay cost on EC2 if it stays.
	FargateMonthly   FargateAmounts `json:"fargateMonthly"`
	AfterMoveMonthly FargateAmounts `json:"afterMoveMonthly"`
	// SavingsMonthly is the service's EC2 share less its cost after the
	// move, option by option: idle capacity is saved only by the cluster,
	// so it is not in here. Zero for a service already on Fargate.
	SavingsMonthly FargateAmounts `json:"savingsMonthly"`
	EC2Yearly      Amount         `json:"ec2Yearly"`
	FargateYearly  FargateAmounts `json:"fargateYearly"`
	SavingsYearly  FargateAmounts `json:"savingsYearly"`
	ARMCondition   string         `json:"armCondition"`
	Deltas         []DeltaRow     `json:"deltas"`
	// OnFargate marks a service that already runs on Fargate (no EC2 share).
	OnFargate bool `json:"onFargate"`
	// StaysOnEC2 is why the service stays on EC2 (blocked by the audit,
	// too large for Fargate); empty when it moves.
	StaysOnEC2 string `json:"staysOnEC2"`
	// Daemon is, for a DAEMON service, what it becomes on Fargate: "a
	// sidecar in each task" or the managed feature; empty otherwise.
	Daemon string `json:"daemon"`
	// SpotShare is the share of its tasks in the Spot column on Fargate
	// Spot; SpotOnDemand says why it is 0 when it is not Spot-suitable.
	SpotShare    string `json:"spotShare"`
	SpotOnDemand string `json:"spotOnDemand"`
	// SpotRisks says why Spot interruptions would hurt this service.
	SpotRisks []string `json:"spotRisks"`
	Unknown   []string `json:"unknown"`
	Caveats   []string `json:"caveats"`
	// The size measured from use (added within schemaVersion 1; present
	// only where CloudWatch data give one): RightsizedSize, the service
	// priced at it under each option, and what that saves beside the
	// move (fargateMonthly less fargateMonthlyRightsized).
	RightsizedSize            *TaskSize       `json:"rightsizedSize,omitempty"`
	FargateMonthlyRightsized  *FargateAmounts `json:"fargateMonthlyRightsized,omitempty"`
	RightsizingSavingsMonthly *FargateAmounts `json:"rightsizingSavingsMonthly,omitempty"`
	// RightsizeFlags are the usage size's risks; RightsizeWithheld why a
	// service with metrics has no usage size.
	RightsizeFlags    []string `json:"rightsizeFlags,omitempty"`
	RightsizeWithheld []string `json:"rightsizeWithheld,omitempty"`
	// MeasuredUse is the per-task use the usage size rests on, beside what
	// a task reserves on EC2 (added within schemaVersion 1, with it).
	MeasuredUse *MeasuredUse `json:"measuredUse,omitempty"`
	where       fleet.Identity
}

// MeasuredUse is one task's CPU (units) and memory (MiB) over the window:
// p99 and maximum where CloudWatch had them (null otherwise), and what the
// task reserves on EC2.
type MeasuredUse struct {
	Source         string   `json:"source"`
	Days           int      `json:"days"`
	CPUP99         *float64 `json:"cpuP99"`
	CPUMax         *float64 `json:"cpuMax"`
	MemoryP99      *float64 `json:"memoryP99"`
	MemoryMax      *float64 `json:"memoryMax"`
	ReservedCPU    int      `json:"reservedCpu"`
	ReservedMemory int      `json:"reservedMemory"`
}

// DeltaRow is a hidden cost of the move, not included in the Fargate figures.
type DeltaRow struct {
	Kind    string `json:"kind"`
	Title   string `json:"title"`
	Monthly Amount `json:"monthly"`
	Note    string `json:"note,omitempty"`
	Unknown string `json:"unknown,omitempty"`
}

// InstanceRow is one container instance.
type InstanceRow struct {
	ID        string `json:"id"`
	Type      string `json:"type"`
	Lifecycle string `json:"lifecycle"`
	Region    string `json:"region"`
	CPU       int    `json:"cpu"`
	MemoryMiB int    `json:"memoryMiB"`
	// Hourly is the exact hourly price after discounts, as a decimal string.
	Hourly  *string `json:"hourly"`
	Monthly Amount  `json:"monthly"`
}

// ClusterCostRow is one cluster.
type ClusterCostRow struct {
	// Account is the cluster's account; Region below the region it is
	// priced in (its own, unless --region says otherwise).
	Account     string        `json:"account"`
	Cluster     string        `json:"cluster"`
	Region      string        `json:"region"`
	Instances   []InstanceRow `json:"instances"`
	EC2Monthly  Amount        `json:"ec2Monthly"`
	IdleMonthly Amount        `json:"idleMonthly"`
	// EBSMonthly is what the container instances' EBS volumes cost (in
	// ec2Monthly); null when a volume's price is unknown.
	EBSMonthly Amount `json:"ebsMonthly"`
	// EC2ByOptionMonthly is the EC2 cost under each option's commitment;
	// FargateMonthly the cost after the move (services that stay at their
	// stay cost on EC2); SavingsMonthly their difference, option by option.
	EC2ByOptionMonthly FargateAmounts `json:"ec2ByOptionMonthly"`
	FargateMonthly     FargateAmounts `json:"fargateMonthly"`
	SavingsMonthly     FargateAmounts `json:"savingsMonthly"`
	// KnownPart is the sum of the known parts of ec2Monthly and of each
	// fargateMonthly (equal to them where they are known), so a cluster
	// with one unpriced host still shows what the rest cost.
	KnownPart ClusterKnownPart `json:"knownPart"`
	// StrandedMonthly is the Reserved Instance or EC2 Instance Savings
	// Plan commitment still paid for the hosts the move shuts down, until
	// its term ends; 0.00 when none is held (--ec2-commitment).
	StrandedMonthly Amount         `json:"strandedMonthly"`
	EC2Yearly       Amount         `json:"ec2Yearly"`
	IdleYearly      Amount         `json:"idleYearly"`
	FargateYearly   FargateAmounts `json:"fargateYearly"`
	SavingsYearly   FargateAmounts `json:"savingsYearly"`
	// Utilization is the reserved share of registered capacity (0–1),
	// weighted by CPUWeight; null when unknown.
	Utilization *string `json:"utilization"`
	// CPUUtilization and MemoryUtilization are each resource's reserved
	// share; Binding the higher one, and BindingIdleMonthly the EC2 cost
	// it leaves unreserved. Null when unknown.
	CPUUtilization     *string `json:"cpuUtilization"`
	MemoryUtilization  *string `json:"memoryUtilization"`
	Binding            string  `json:"binding"`
	BindingIdleMonthly Amount  `json:"bindingIdleMonthly"`
	// BreakevenUtilization is the utilization at which EC2 would cost what
	// Fargate on-demand does; above 1 means Fargate is cheaper even at
	// full packing. Null when unknown.
	BreakevenUtilization *string `json:"breakevenUtilization"`
	CPUWeight            string  `json:"cpuWeight"`
	// Deltas are the cluster's own hidden deltas (its hosts' public IPv4).
	Deltas  []DeltaRow `json:"deltas"`
	Notes   []string   `json:"notes"`
	Unknown []string   `json:"unknown"`
	// HostsPriced is the host count ec2Monthly is priced at where it is
	// the CloudWatch window's average (a decimal string), and HostsFrom
	// says so; both absent when it is the snapshot's instances (added
	// within schemaVersion 1).
	HostsPriced string `json:"hostsPriced,omitempty"`
	HostsFrom   string `json:"hostsFrom,omitempty"`
	where       fleet.Identity
}

// ClusterKnownPart is a cluster's known part (ClusterCostRow.KnownPart).
type ClusterKnownPart struct {
	EC2Monthly     Amount         `json:"ec2Monthly"`
	FargateMonthly FargateAmounts `json:"fargateMonthly"`
}

// CostTotals are the fleet totals. Every yearly figure in the report is
// 12 × the monthly figure as displayed, so yearly columns add up too.
type CostTotals struct {
	// EC2Monthly and IdleMonthly are the known part: the EC2Clusters
	// clusters whose EC2 cost is known. Each option's EC2ByOptionMonthly,
	// FargateMonthly (after the move) and SavingsMonthly cover the clusters
	// where both sides of that option are known (likeForLike). What is left
	// out is listed in UnknownParts, with what fills it.
	EC2Monthly         Amount         `json:"ec2Monthly"`
	IdleMonthly        Amount         `json:"idleMonthly"`
	EC2Clusters        int            `json:"ec2Clusters"`
	EC2ByOptionMonthly FargateAmounts `json:"ec2ByOptionMonthly"`
	FargateMonthly     FargateAmounts `json:"fargateMonthly"`
	SavingsMonthly     FargateAmounts `json:"savingsMonthly"`
	// StrandedMonthly is the commitment the move strands, summed over the
	// clusters where it is known.
	StrandedMonthly Amount         `json:"strandedMonthly"`
	StrandedYearly  Amount         `json:"strandedYearly"`
	UnknownParts    []UnknownPart  `json:"unknownParts"`
	EC2Yearly       Amount         `json:"ec2Yearly"`
	IdleYearly      Amount         `json:"idleYearly"`
	FargateYearly   FargateAmounts `json:"fargateYearly"`
	SavingsYearly   FargateAmounts `json:"savingsYearly"`
	Deltas          []DeltaRow     `json:"deltas"`
	// LikeForLike stays known where the sums above are unknown: each
	// option compares only the clusters where both sides are known.
	LikeForLike LikeForLikeRows `json:"likeForLike"`
	// RightsizingSavingsMonthly is the sum of the moving services'
	// rightsizingSavingsMonthly, over RightsizedServices services, a saving
	// apart from the move's (added within schemaVersion 1; present only
	// where a service has a usage size).
	RightsizingSavingsMonthly *FargateAmounts `json:"rightsizingSavingsMonthly,omitempty"`
	RightsizedServices        int             `json:"rightsizedServices,omitempty"`
}

// CostAssumptions are printed with every table and carried in the JSON.
type CostAssumptions struct {
	PriceDate             string   `json:"priceDate"`
	PriceSource           string   `json:"priceSource"`
	PriceFile             string   `json:"priceFile"`
	Regions               []string `json:"regions"`
	HoursPerMonth         string   `json:"hoursPerMonth"`
	SpotShare             string   `json:"spotShare"`
	FargateSpotDiscount   string   `json:"fargateSpotDiscount"`
	SavingsPlan1yDiscount string   `json:"savingsPlan1yDiscount"`
	SavingsPlan3yDiscount string   `json:"savingsPlan3yDiscount"`
	EC2Discount           string   `json:"ec2Discount"`
	EC2Commitment         string   `json:"ec2Commitment"`
	EC2SpotDiscount       string   `json:"ec2SpotDiscount"`
	CPUWeight             string   `json:"cpuWeight"`
	MemoryHeadroomPercent int      `json:"memoryHeadroomPercent"`
	TaskStartsPerMonth    int      `json:"taskStartsPerMonth"`
	Caveats               []string `json:"caveats"`
}

func decString(d *decimal.Decimal, places int32) *string {
	if d == nil {
		return nil
	}
	s := d.Round(places).String()
	return &s
}
