package pricing

import (
	"strings"
	"testing"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// scopes lists a comparison's options in column order.
func scopes(l LikeForLike) map[string]LikeScope {
	return map[string]LikeScope{"on-demand": l.OnDemand, "spot": l.Spot, "arm": l.ARM, "sp1y": l.SavingsPlan1y, "sp3y": l.SavingsPlan3y}
}

// With every figure known, the comparison is the plain totals: the basic
// fleet's one cluster, EC2 $100.448 against on-demand $81.090225.
func TestLikeForLikeBasicFleet(t *testing.T) {
	o := DefaultOptions()
	o.CPUWeight = nine()
	c := compare(t, loadFleet(t, "testdata/fleet/basic"), o)
	l := c.Total.LikeForLike.OnDemand
	wantMoney(t, "like-for-like EC2", l.EC2, "100.448")
	wantMoney(t, "like-for-like Fargate", l.Fargate, "81.090225")
	wantMoney(t, "like-for-like saving", l.Saving(), "19.357775")
	if strings.Join(l.Clusters, ",") != "web" || l.Moving != 2 || len(l.LeftOut) != 0 || len(l.StayOnEC2) != 0 {
		t.Errorf("scope = %+v, want web with 2 moving services", l)
	}
	wantMoney(t, "like-for-like Spot", c.Total.LikeForLike.Spot.Fargate, c.Total.Fargate.Spot.Amount().String())
}

// addClusterWithoutInstances adds cluster "batch" with one service of
// 0.5 vCPU / 1 GB and no container instances: its EC2 cost is unknown.
func addClusterWithoutInstances(f *fleet.Fleet) {
	name, family, cpu, mem := "worker", "worker", "512", "1024"
	arn := "arn:aws:ecs:us-east-1:123456789012:service/batch/worker"
	td := &fleet.TaskDefinition{Def: ecstypes.TaskDefinition{Family: &family, Revision: 1, Cpu: &cpu, Memory: &mem}}
	svc := &fleet.Service{Svc: ecstypes.Service{ServiceName: &name, ServiceArn: &arn, DesiredCount: 3, RunningCount: 3}, Cluster: "batch", TaskDef: td}
	f.TaskDefinitions = append(f.TaskDefinitions, td)
	f.Services = append(f.Services, svc)
	f.Clusters = append([]*fleet.Cluster{{Name: "batch", Services: []*fleet.Service{svc}}}, f.Clusters...)
}

// A cluster with an unknown EC2 cost makes the plain totals unknown; the
// like-for-like comparison leaves it out, with the reason, and still
// compares the basic fleet's cluster web exactly as before.
func TestLikeForLikeLeavesOutClusterWithUnknownEC2(t *testing.T) {
	f := loadFleet(t, "testdata/fleet/basic")
	addClusterWithoutInstances(f)
	o := DefaultOptions()
	o.CPUWeight = nine()
	c := compare(t, f, o)
	if c.Total.EC2.Known() {
		t.Fatal("plain EC2 total must be unknown with a cluster of unknown cost")
	}
	// batch on Fargate: 3 × (0.5 × 0.04048 + 1 × 0.004445) × 730 = 54.06015.
	wantMoney(t, "plain on-demand total", c.Total.Fargate.OnDemand, "135.150375") // 81.090225 + 54.06015
	for name, l := range scopes(c.Total.LikeForLike) {
		if strings.Join(l.Clusters, ",") != "web" || len(l.LeftOut) != 1 {
			t.Fatalf("%s: clusters %v, left out %+v; want web compared and batch left out", name, l.Clusters, l.LeftOut)
		}
		out := l.LeftOut[0]
		if out.Cluster != "batch" || out.Services != 1 || len(out.Reasons) != 1 || !strings.Contains(out.Reasons[0], "no container instances of cluster batch") {
			t.Errorf("%s: left out %+v, want batch (1 service) for its missing container instances", name, out)
		}
		// Each option against EC2 under its own commitment: the Savings
		// Plan columns at withEC2Plans's 0.7 × and 0.5 × on-demand.
		wantMoney(t, name+" EC2", l.EC2, map[string]string{"sp1y": "70.3136", "sp3y": "50.224"}[name]+map[bool]string{true: "100.448"}[name != "sp1y" && name != "sp3y"])
	}
	l := c.Total.LikeForLike.OnDemand
	wantMoney(t, "on-demand Fargate", l.Fargate, "81.090225")
	wantMoney(t, "on-demand saving", l.Saving(), "19.357775")
}

// bigAPI turns the basic fleet into one whose api cannot move: one task of
// 16 vCPU / 124 GiB (the largest Fargate task has 120 GiB) on an
// r6i.8xlarge ($2.016/h) registering 32 vCPU / 252 GiB, beside the
// t3.medium ($0.0416/h, 2 vCPU / 3.5 GiB).
func bigAPI(t *testing.T) *fleet.Fleet {
	t.Helper()
	f := loadFleet(t, "testdata/fleet/basic")
	f.Instances[0].EC2.InstanceType = "r6i.8xlarge"
	rs := f.ContainerInstances[0].CI.RegisteredResources
	for i := range rs {
		switch *rs[i].Name {
		case "CPU":
			rs[i].IntegerValue = 32768
		case "MEMORY":
			rs[i].IntegerValue = 258048
		}
	}
	cpu, mem := "16384", "126976"
	for _, s := range f.Services {
		if s.Name() == "api" {
			s.Svc.DesiredCount, s.Svc.RunningCount = 1, 1
			s.TaskDef.Def.Cpu, s.TaskDef.Def.Memory = &cpu, &mem
		}
	}
	return f
}

// api stays on EC2, on both sides at its share plus its part of idle.
// The tests' Savings Plan columns use withEC2Plans's made-up EC2 rates.
// EC2 = (2.016 + 0.0416) × 730 = 1502.048. With 9 GB per vCPU, api
// reserves 9 × 16 + 124 = 268 units and tiny 9 × 0.25 + 0.5 = 2.75, so api
// costs 1502.048 × 268 / 270.75 = 1486.79 when it stays, and the saving is
// tiny's part, 1502.048 × 2.75 / 270.75 = 15.2563, less tiny on Fargate.
func TestLikeForLikeServiceStaysOnEC2(t *testing.T) {
	o := DefaultOptions()
	o.CPUWeight = nine()
	c := compare(t, bigAPI(t), o)
	api := service(t, c, "api")
	if !api.TooLarge || api.Fargate.OnDemand.Known() {
		t.Fatalf("api too large = %t, on-demand known = %t; want a service too large for Fargate", api.TooLarge, api.Fargate.OnDemand.Known())
	}
	wantCents(t, "api bare share", api.EC2(), "716.92")
	wantCents(t, "api cost if it stays", api.StayEC2, "1486.79")
	if !c.Total.Fargate.OnDemand.Known() {
		t.Error("the total after the move must be known: api, too large for Fargate, stays on EC2")
	}
	l := c.Total.LikeForLike.OnDemand
	if len(l.Clusters) != 1 || l.Moving != 1 || len(l.StayOnEC2) != 1 || l.StayOnEC2[0] != api {
		t.Fatalf("scope = %+v, want web compared with tiny moving and api staying", l)
	}
	wantMoney(t, "EC2", l.EC2, "1502.048")
	wantCents(t, "Fargate side", l.Fargate, "1495.80") // 9.010025 + 1486.7917
	wantCents(t, "on-demand saving", l.Saving(), "6.25")
	// tiny is a single task: not Spot-suitable, on-demand in the Spot column.
	wantCents(t, "Spot saving", c.Total.LikeForLike.Spot.Saving(), "6.25")
	wantCents(t, "total after the move", c.Total.Fargate.OnDemand, "1495.80")
}

// When nothing can move, the comparison shows no saving: the services that
// stay carry the whole cluster cost, idle included (their bare shares
// would have shown the idle cost as saved).
func TestLikeForLikeNothingMovesSavesNothing(t *testing.T) {
	f := bigAPI(t)
	cpu, mem := "16384", "126976"
	for _, s := range f.Services {
		if s.Name() == "tiny" {
			s.TaskDef.Def.Cpu, s.TaskDef.Def.Memory = &cpu, &mem
		}
	}
	c := compare(t, f, DefaultOptions())
	if idle := c.Clusters[0].Idle; !idle.Known() || !idle.Amount().IsPositive() {
		t.Fatalf("the cluster should have idle capacity for this test to mean anything; idle = %v", idle.Amount())
	}
	for name, l := range scopes(c.Total.LikeForLike) {
		if len(l.Clusters) != 1 || len(l.StayOnEC2) != 2 || l.Moving != 0 {
			t.Fatalf("%s: scope = %+v, want one cluster where both services stay", name, l)
		}
		wantCents(t, name+" saving", l.Saving(), "0.00")
	}
}

// Windows has no Savings Plan rate in the book: its cluster is compared
// for on-demand, Spot and ARM, and left out of both Savings Plan columns
// with the reason.
func TestLikeForLikePerOption(t *testing.T) {
	f := loadFleet(t, "testdata/fleet/basic")
	for _, td := range f.TaskDefinitions {
		td.Def.RuntimePlatform = &ecstypes.RuntimePlatform{OperatingSystemFamily: ecstypes.OSFamilyWindowsServer2022Core}
	}
	c := compare(t, f, DefaultOptions())
	for name, l := range scopes(c.Total.LikeForLike) {
		leftOut := name == "sp1y" || name == "sp3y" // Windows Spot and ARM are priced on-demand
		if got := len(l.LeftOut) == 1; got != leftOut {
			t.Errorf("%s: left out = %+v, want left out: %t", name, l.LeftOut, leftOut)
			continue
		}
		if leftOut && !strings.Contains(strings.Join(l.LeftOut[0].Reasons, "|"), "Savings Plan") {
			t.Errorf("%s: reasons %v do not name the missing Savings Plan rate", name, l.LeftOut[0].Reasons)
		}
		if leftOut && (!l.EC2.Known() || !l.EC2.Amount().IsZero()) {
			t.Errorf("%s: nothing compared, EC2 side = %v, want a known zero", name, l.EC2.Amount())
		}
	}
}

// A service already on Fargate is on neither side: it costs the same
// before and after, and its current purchase option is not known.
func TestLikeForLikeAlreadyOnFargateOnNeitherSide(t *testing.T) {
	f := loadFleet(t, "testdata/fleet/basic")
	for _, s := range f.Services {
		if s.Name() == "api" {
			s.Svc.LaunchType = "FARGATE"
		}
	}
	c := compare(t, f, DefaultOptions())
	l := c.Total.LikeForLike.OnDemand
	if l.Moving != 1 || l.OnFargate != 1 {
		t.Errorf("moving %d, on Fargate %d; want 1 and 1", l.Moving, l.OnFargate)
	}
	wantMoney(t, "Fargate side: tiny only", l.Fargate, "9.010025")
	wantMoney(t, "EC2 side: the whole cluster", l.EC2, "100.448")
}

// A service named in Options.StayOnEC2 (the report passes those the audit
// blocks) keeps its Fargate figures but stays on EC2 in the comparison.
// api reserves 22 of the 24.75 reserved units: it stays at
// 100.448 × 22 / 24.75 = 89.29, and the saving is tiny's part,
// 100.448 × 2.75 / 24.75 = 11.1609, less tiny on Fargate, 9.010025.
func TestLikeForLikeStayOnEC2Option(t *testing.T) {
	o := DefaultOptions()
	o.CPUWeight = nine()
	o.StayOnEC2 = map[string]string{StayKey("123456789012", "us-east-1", "web", "api"): "blocked by the audit: privileged"}
	c := compare(t, loadFleet(t, "testdata/fleet/basic"), o)
	api := service(t, c, "api")
	wantMoney(t, "api still priced on Fargate", api.Fargate.OnDemand, "72.0802")
	if api.StayReason != "blocked by the audit: privileged" {
		t.Errorf("stay reason = %q", api.StayReason)
	}
	wantCents(t, "api stays at", api.StayEC2, "89.29")
	l := c.Total.LikeForLike.OnDemand
	if l.Moving != 1 || len(l.StayOnEC2) != 1 {
		t.Errorf("moving %d, staying %d; want 1 and 1", l.Moving, len(l.StayOnEC2))
	}
	wantCents(t, "saving", l.Saving(), "2.15")
	wantCents(t, "total after the move: tiny on Fargate, api on EC2", c.Total.Fargate.OnDemand, "98.30") // 9.010025 + 89.287
}

// With no running task the cluster's cost cannot be apportioned to the
// service that stays: the cluster is left out, with that reason, rather
// than showing its whole cost as saved.
func TestLikeForLikeStayWithNothingReservedLeftOut(t *testing.T) {
	f := bigAPI(t)
	for _, s := range f.Services {
		s.Svc.RunningCount = 0
	}
	c := compare(t, f, DefaultOptions())
	l := c.Total.LikeForLike.OnDemand
	if len(l.Clusters) != 0 || len(l.LeftOut) != 1 || !strings.Contains(strings.Join(l.LeftOut[0].Reasons, "|"), "no running task of cluster web") {
		t.Errorf("compared %v, left out %+v; want web left out: nothing reserves capacity", l.Clusters, l.LeftOut)
	}
}
