package pricing

import (
	"fmt"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	"github.com/shopspring/decimal"

	"github.com/ecs2fargate/ecs2fargate/internal/fargate"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// ServiceCost is one service's monthly cost on Fargate (each option), its
// share of its cluster's EC2 cost, and the hidden deltas of the move.
type ServiceCost struct {
	Cluster, Service, TaskDefinition, Region string
	// Account is the service's (see fleet.Identity); Region above is the
	// region it is priced in: --region, else its own.
	Account  string
	Platform Platform
	// where is the service's own account and region, which name it
	// whatever region it is priced in.
	where                      fleet.Identity
	DesiredCount, RunningCount int
	// Tasks is the task count Fargate is priced at: the window's average
	// running tasks where CloudWatch (Container Insights) gave one, else
	// desiredCount, a snapshot; TasksFrom says which.
	Tasks     decimal.Decimal
	TasksFrom string
	// Need is what the task definition asks for (with memory headroom);
	// Size is the Fargate size the rewrite chooses for it.
	Need, Size fargate.Size
	// StorageGiB is the ephemeral storage requested (20 when unset).
	StorageGiB int
	// Fargate is the service's Fargate price under each option, shared by
	// every service of its shape (shape.go) and never modified: held
	// whole it was 120 bytes a service (issue 17).
	Fargate *Variants
	// ARMCondition says under what condition the ARM figure holds.
	ARMCondition string
	// ec2 is the service's share of its cluster's EC2 cost (by
	// reservation) as billed and under each option's commitment: EC2 and
	// EC2Side give them (service_ec2share.go).
	ec2 ec2Share
	// After is what the service costs after the move under each option:
	// its Fargate price if it moves, its sidecars' price if it is a DAEMON,
	// its stay cost on EC2 if it stays. Its saving is EC2Side − After.
	// A service that moves shares its Fargate price's (never modified);
	// one in no cluster has the shared zero (noVariants).
	After  *Variants
	Deltas []Delta
	// DaemonPlan says what a DAEMON service (Daemon, below) becomes on
	// Fargate: a sidecar in each task of the cluster's moving services, or
	// a managed feature.
	DaemonPlan DaemonPlan
	// SpotShare is the share of its tasks the Spot column puts on Fargate
	// Spot; SpotOnDemand says why it is 0 when the service is not
	// Spot-suitable (SpotRisks).
	SpotShare    decimal.Decimal
	SpotOnDemand string
	// OnFargate is true when the service already runs on Fargate: its
	// tasks reserve nothing on the cluster's instances.
	OnFargate bool
	// TooLarge is true when no Fargate task is large enough.
	TooLarge bool
	// Daemon marks a DAEMON service. (The three flags sit together: apart,
	// their padding made the struct 520 bytes, a 576-byte allocation; 512
	// now, issue 17.)
	Daemon bool
	// StayReason says why the service stays on EC2 in the like-for-like
	// comparison (too large, or Options.StayOnEC2); empty when it moves.
	StayReason string
	// StayEC2 is what a service that stays costs on EC2 once the others
	// have moved: its share with the cluster's idle apportioned by
	// reservation. Zero for the services that move.
	StayEC2 Money
	// SpotRisks say why Spot interruptions (two minutes' warning) would
	// hurt: "single task", "stateful: …", "daemon".
	SpotRisks []string
	// Rightsized is the service at the size measured from its use, where
	// CloudWatch data gave one; RightsizeWithheld says why not where the
	// service has metrics but no usage size.
	Rightsized        *Rightsized
	RightsizeWithheld []string
	// reserved is the weighted capacity the running tasks reserve on EC2.
	reserved resources
	// daemonNeed is a DAEMON's cpu and memory, the size of its sidecar.
	daemonNeed fargate.Size
}

// Moves reports whether the service is priced on Fargate in the
// like-for-like comparison: not already there and with no StayReason.
func (s *ServiceCost) Moves() bool { return !s.OnFargate && s.StayReason == "" }

// freeStorageGiB is the ephemeral storage every Fargate task gets free.
const freeStorageGiB = 20

func (m *model) service(s *fleet.Service) *ServiceCost {
	sc := &ServiceCost{
		Cluster: s.Cluster, Service: s.Name(), TaskDefinition: s.TaskDefinitionKey(), Account: s.Identity.Account, where: s.Identity,
		DesiredCount: int(s.Svc.DesiredCount), RunningCount: int(s.Svc.RunningCount),
		StorageGiB: freeStorageGiB, Platform: LinuxX86, After: noVariants,
	}
	sc.Region = m.regionOf(ptr.Value(s.Svc.ServiceArn), ptr.Value(s.Svc.ClusterArn), ptr.Value(s.Svc.TaskDefinition))
	sc.Tasks, sc.TasksFrom = tasksOf(s)
	if s.TaskDef == nil {
		u := UnknownFill(fmt.Sprintf("task definition %s of service %s/%s is not among the inputs", sc.TaskDefinition, sc.Cluster, sc.Service), "add aws ecs describe-task-definition output")
		sc.Fargate = &Variants{u, u, u, u, u}
		sc.ARMCondition = "task definition unknown"
		return sc
	}
	td := &s.TaskDef.Def
	sc.Daemon = s.IsDaemon()
	if sc.Daemon {
		sc.DaemonPlan = m.o.Daemons[StayKey(sc.where.Account, sc.where.Region, sc.Cluster, sc.Service)]
	}
	sc.Platform = platformOf(m.f.Platform(s.TaskDef))
	sc.reserved = reservationOf(td, sc.RunningCount)
	if sc.OnFargate = s.OnFargate(); sc.OnFargate {
		sc.reserved = resources{known: true}
	}
	if td.EphemeralStorage != nil && int(td.EphemeralStorage.SizeInGiB) > freeStorageGiB {
		sc.StorageGiB = int(td.EphemeralStorage.SizeInGiB)
	}
	need := fargate.NeedOf(td, m.o.MemoryHeadroom)
	sc.Need = need.Size
	if sc.Daemon {
		sc.daemonNeed = fargate.NeedOf(td, 0).Size
	}
	size, ok := fargate.Fit(need.Size, sc.Platform == Windows)
	if !ok {
		u := Unknown(fmt.Sprintf("service %s/%s needs %d CPU units and %d MiB, more than the largest Fargate task", sc.Cluster, sc.Service, need.CPU, need.Memory))
		sc.Fargate = &Variants{u, u, u, u, u}
		sc.TooLarge = true
		return sc
	}
	sc.Size = size
	sc.SpotRisks = spotRisks(s, td)
	m.spotShare(sc, m.clusterOf[s])
	sc.Fargate = m.variants(sc)
	m.rightsized(s, sc)
	sc.ARMCondition = armCondition(m.f, s.TaskDef, sc.Platform)
	sc.Deltas = m.deltas(s, sc)
	return sc
}

// tasksOf is the task count to price a service at: the average running
// tasks over the CloudWatch window when live discovery read one (a
// snapshot's desiredCount misses scaling), else desiredCount.
func tasksOf(s *fleet.Service) (decimal.Decimal, string) {
	if m := s.Metrics; m != nil && m.TasksAverage != nil {
		return decimal.NewFromFloat(*m.TasksAverage), fmt.Sprintf("average running tasks over %d days (CloudWatch)", m.Days)
	}
	return countOf(s.Svc.DesiredCount), "desiredCount"
}

// smallCounts are the decimals of the task counts most services run at,
// made once and shared (a decimal is never modified): a big.Int of its
// own for each service's count was 3.7 MB of the comparison at 100,000
// services (issue 17).
var smallCounts = func() (d [256]decimal.Decimal) {
	for i := range d {
		d[i] = decimal.NewFromInt(int64(i))
	}
	return d
}()

// countOf is n as a decimal, the same as decimal.NewFromInt gives.
func countOf(n int32) decimal.Decimal {
	if n >= 0 && int(n) < len(smallCounts) {
		return smallCounts[n]
	}
	return decimal.NewFromInt(int64(n))
}

// variants prices the chosen size under each purchase option, once per
// shape (shape.go): the services of a shape share the one price, which
// nothing modifies.
func (m *model) variants(sc *ServiceCost) *Variants {
	if sc.Region == "" {
		u := noRegion("service " + sc.Cluster + "/" + sc.Service)
		return &Variants{u, u, u, u, u}
	}
	k, ok := shapeOf(sc)
	if !ok {
		v := m.price(sc)
		return &v
	}
	return remembered(&m.prices.mu, m.prices.byShape, k, func() *Variants { v := m.price(sc); return &v })
}

// noVariants is the zero cost under every option, shared by the services
// whose cost after the move no cluster sets (a service in no cluster).
var noVariants = &Variants{}

// price prices sc's shape under each purchase option.
func (m *model) price(sc *ServiceCost) Variants {
	rs := m.ratesFor(sc.Region, sc.Platform)
	taskHours := sc.Tasks.Mul(m.hours)
	perTask := func(rt Rates) Money { return m.taskCost(sc, rt).Mul(taskHours) }
	onDemand := perTask(rs.onDemand)
	v := Variants{OnDemand: onDemand}
	v.Spot = m.spotMix(onDemand, perTask(rs.spot), sc)
	switch sc.Platform {
	case Windows:
		// Windows runs on x86 only: the ARM column keeps it there, so the
		// column still totals "everything that can move to ARM, moved".
		v.ARM = onDemand.WithCaveat("Windows tasks have no ARM option; the ARM column prices them on x86")
	default:
		v.ARM = perTask(rs.arm)
	}
	v.SavingsPlan1y = perTask(rs.sp1y)
	v.SavingsPlan3y = perTask(rs.sp3y)
	return v
}

// platformRates are every rate set a service on one platform in one
// region needs; the model looks them up once per pair, not per service.
type platformRates struct {
	onDemand, spot, arm, sp1y, sp3y Rates
}

func (m *model) ratesFor(region string, p Platform) platformRates {
	key := region + "|" + string(p)
	m.mu.Lock()
	defer m.mu.Unlock()
	if r, ok := m.rates[key]; ok {
		return r
	}
	b := m.book
	r := platformRates{
		onDemand: OnDemandRates(b, region, p),
		spot:     SpotRates(b, region, p, m.spotDiscount()),
		arm:      OnDemandRates(b, region, LinuxARM),
		sp1y:     SavingsPlanRates(b, region, p, Term1y),
		sp3y:     SavingsPlanRates(b, region, p, Term3y),
	}
	m.rates[key] = r
	return r
}

// spotShare sets the share of the service's tasks the Spot column puts on
// Fargate Spot: none for a service an interruption hurts (SpotRisks), else
// --spot-share, else the share of its cluster's capacity on EC2 Spot hosts
// (like for like: Fargate Spot against the Spot the hosts have).
func (m *model) spotShare(sc *ServiceCost, cl *fleet.Cluster) {
	switch {
	case len(sc.SpotRisks) > 0:
		sc.SpotShare = decimal.Zero
		sc.SpotOnDemand = "not Spot-suitable: " + strings.Join(sc.SpotRisks, ", ")
	case m.o.SpotShare != nil:
		sc.SpotShare = *m.o.SpotShare
	default:
		sc.SpotShare = m.spotShares[cl] // zero for a service in no cluster
	}
}

// spotMix blends on-demand and Spot by the service's Spot share; a share
// of 0 or 1 does not need the other price at all.
func (m *model) spotMix(onDemand, spot Money, sc *ServiceCost) Money {
	s := sc.SpotShare
	if sc.Platform == Windows {
		return onDemand.WithCaveat("Windows tasks have no Fargate Spot; the Spot column prices them on-demand")
	}
	switch {
	case s.IsZero():
		return onDemand
	case s.Equal(one):
		return spot
	}
	return onDemand.Mul(one.Sub(s)).Add(spot.Mul(s))
}

// taskCost is one task's hourly cost at the chosen size: vCPU × rate +
// GB × rate + GB of storage above the free 20 × rate. Storage is priced
// only when there is some, so a missing storage rate does not make every
// task unknown.
func (m *model) taskCost(sc *ServiceCost, r Rates) Money {
	vcpu, gb := units(sc.Size.CPU), units(sc.Size.Memory)
	c := r.VCPU.Mul(vcpu).Add(r.GB.Mul(gb))
	if extra := sc.StorageGiB - freeStorageGiB; extra > 0 {
		c = c.Add(r.Storage.Mul(decimal.NewFromInt(int64(extra))))
	}
	return c
}

// platformOf is the Fargate rate platform of the fleet's platform decision
// (fleet.Platform), the one the audit and the rewrite use: Windows (no
// Spot, no ARM), ARM64 (declared, or from arm64 hosts, which the rewrite
// declares), else x86 (Fargate's default, also where the architecture is
// unknown).
func platformOf(p fleet.Platform) Platform {
	switch {
	case p.IsWindows():
		return Windows
	case p.IsARM():
		return LinuxARM
	}
	return LinuxX86
}

// perUnit is 1/1024 exactly: multiplying by it converts CPU units to vCPU
// or MiB to GB without a (slower) decimal division.
var perUnit = decimal.RequireFromString("0.0009765625")

// units converts CPU units or MiB to vCPU or GB, exactly.
func units(n int) decimal.Decimal { return decimal.NewFromInt(int64(n)).Mul(perUnit) }

// spotDiscount is --fargate-spot-discount, else the book's default; either
// way an estimate, used only where the book has no Spot price.
func (m *model) spotDiscount() Entry {
	if m.o.FargateSpotDiscount != nil {
		return Entry{Value: *m.o.FargateSpotDiscount, Unit: "fraction", Source: "--fargate-spot-discount", Estimated: true}
	}
	return m.book.Defaults().FargateSpotDiscount
}

// Where is the service's own account and region (Region is the one it is
// priced in, which --region may override).
func (s *ServiceCost) Where() fleet.Identity { return s.where }
