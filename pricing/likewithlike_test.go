package pricing

import (
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

func byName(t *testing.T, c *Comparison, name string) *ServiceCost {
	t.Helper()
	return service(t, c, name)
}

// gpuDaemonFleet: two m5.xlarge hosts ($0.20/h, 4 vCPU and 16 GiB each:
// 10 × 4 + 16 = 56 units, 112 in all), a web service (2 tasks of 0.5 vCPU
// / 1 GB: 12 units), a GPU worker the audit blocks (1 task of 1 vCPU /
// 4 GB: 14 units) and a DAEMON agent (2 tasks of 0.25 vCPU / 0.5 GB:
// 6 units). 100-hour months: EC2 = 2 × 0.20 × 100 = 40.00.
func gpuDaemonFleet(t *testing.T) string {
	return writeFleet(t, []host{{typ: "m5.xlarge"}, {typ: "m5.xlarge"}}, []svc{
		{name: "web", tasks: 2, cpu: 512, mem: 1024, taskLevel: true},
		{name: "gpu", tasks: 1, cpu: 1024, mem: 4096, taskLevel: true},
		{name: "agent", tasks: 2, cpu: 256, mem: 512, taskLevel: true, daemon: true},
	})
}

func gpuBlocked() map[string]string {
	return map[string]string{StayKey("123456789012", "us-east-1", "c", "gpu"): "blocked by the audit: gpu"}
}

// The GPU worker stays on EC2 at 40 × 14 / 26 (its units over all but the
// daemon's: the agent keeps running on the hosts left) = 21.54; web moves
// at 2 tasks × 100 h × (0.5 × 0.04 + 1 × 0.004) = 4.80; the agent becomes
// a sidecar in each web task: 0.5 vCPU / 1 GB + 0.25 vCPU / 0.5 GB fits
// 1 vCPU / 2 GB, 200 × 0.048 = 9.60, so the sidecar costs 9.60 − 4.80 =
// 4.80. After the move 4.80 + 21.54 + 4.80 = 31.14; saving 8.86.
func TestBlockedGPUStaysAndDaemonBecomesSidecar(t *testing.T) {
	o := DefaultOptions()
	o.StayOnEC2 = gpuBlocked()
	c := compareWith(t, gpuDaemonFleet(t), o)
	cl := c.Clusters[0]
	wantCents(t, "EC2", cl.EC2, "40.00")
	gpu, agent, web := byName(t, c, "gpu"), byName(t, c, "agent"), byName(t, c, "web")
	if gpu.StayReason == "" || agent.StayReason != "" || !agent.Daemon {
		t.Fatalf("gpu stay %q, agent stay %q daemon %v", gpu.StayReason, agent.StayReason, agent.Daemon)
	}
	wantCents(t, "gpu after (stays)", gpu.After.OnDemand, "21.54")
	wantCents(t, "web after", web.After.OnDemand, "4.80")
	wantCents(t, "agent sidecar", agent.After.OnDemand, "4.80")
	wantCents(t, "cluster after", cl.Fargate.OnDemand, "31.14")
	wantCents(t, "saving", cl.EC2Side.OnDemand.Sub(cl.Fargate.OnDemand), "8.86")
	// The blocked service's Fargate price is in no total.
	if l := c.Total.LikeForLike.OnDemand; len(l.StayOnEC2) != 1 || l.Moving != 2 {
		t.Errorf("like-for-like: %d stay, %d move; want 1 and 2 (web and the agent's sidecars)", len(l.StayOnEC2), l.Moving)
	}
	wantCents(t, "fleet after", c.Total.Fargate.OnDemand, "31.14")
}

// Where the audit recommends a managed feature (Container Insights), the
// agent takes no room in the tasks: after = 4.80 + 21.54 = 26.34.
func TestDaemonReplacedByManagedFeature(t *testing.T) {
	o := DefaultOptions()
	o.StayOnEC2 = gpuBlocked()
	o.Daemons = map[string]DaemonPlan{StayKey("123456789012", "us-east-1", "c", "agent"): {Feature: "Container Insights"}}
	c := compareWith(t, gpuDaemonFleet(t), o)
	wantCents(t, "agent", byName(t, c, "agent").After.OnDemand, "0.00")
	wantCents(t, "cluster after", c.Clusters[0].Fargate.OnDemand, "26.34")
}

// Compute Savings Plan against EC2 under the same plan: the hosts at the
// 1-year EC2 rate, 2 × 0.14 × 100 = 28.00; web 200 × (0.5 × 0.032 + 1 ×
// 0.0032) = 3.84, its sidecars 3.84 more; the GPU worker 28 × 14 / 26 =
// 15.08. After 22.76, saving 5.24. The 3-year plan: 20.00 against 2.64 +
// 2.64 + 10.77 = 16.05, saving 3.95.
func TestComputeSavingsPlanAgainstEC2UnderTheSamePlan(t *testing.T) {
	o := DefaultOptions()
	o.StayOnEC2 = gpuBlocked()
	c := compareWith(t, gpuDaemonFleet(t), o)
	cl := c.Clusters[0]
	wantCents(t, "EC2 under SP 1y", cl.EC2Side.SavingsPlan1y, "28.00")
	wantCents(t, "after SP 1y", cl.Fargate.SavingsPlan1y, "22.76")
	wantCents(t, "saving SP 1y", cl.EC2Side.SavingsPlan1y.Sub(cl.Fargate.SavingsPlan1y), "5.24")
	wantCents(t, "EC2 under SP 3y", cl.EC2Side.SavingsPlan3y, "20.00")
	wantCents(t, "after SP 3y", cl.Fargate.SavingsPlan3y, "16.05")
	wantCents(t, "EC2 now (no commitment held)", cl.EC2, "40.00")
	wantCents(t, "nothing stranded", cl.Stranded, "0.00")
	// Holding the plan today: the bill is the plan's, nothing is stranded.
	o.EC2Commitment = Commitment{Kind: CommitmentComputeSP1y}
	cl = compareWith(t, gpuDaemonFleet(t), o).Clusters[0]
	wantCents(t, "EC2 now under a held Compute SP", cl.EC2, "28.00")
	wantCents(t, "Compute SP moves with the workload", cl.Stranded, "0.00")
}

// A Reserved Instance at 40 % off: the hosts cost 2 × 0.12 × 100 = 24.00
// under every option, and the move strands what the GPU worker does not
// keep: 24 × (1 − 14 / 26) = 11.08 a month until the term ends.
func TestReservedInstanceIsStranded(t *testing.T) {
	o := DefaultOptions()
	o.StayOnEC2 = gpuBlocked()
	var err error
	if o.EC2Commitment, err = ParseCommitment("reserved:40"); err != nil {
		t.Fatal(err)
	}
	c := compareWith(t, gpuDaemonFleet(t), o)
	cl := c.Clusters[0]
	wantCents(t, "EC2 now", cl.EC2, "24.00")
	for i, m := range cl.EC2Side.List() {
		wantCents(t, "EC2 side "+[]string{"od", "spot", "arm", "sp1y", "sp3y"}[i], m, "24.00")
	}
	wantCents(t, "stranded", cl.Stranded, "11.08")
	wantCents(t, "fleet stranded", c.Total.Stranded, "11.08")
	for _, bad := range []string{"reserved", "reserved:100", "instance-sp:x", "compute-sp-1y:20", "savings"} {
		if _, err := ParseCommitment(bad); err == nil {
			t.Errorf("ParseCommitment(%q) accepted", bad)
		}
	}
}

// One on-demand and one Spot m5.xlarge (Spot at 70 % off: $0.06/h). The
// bill is 20.00 + 6.00 = 26.00; on-demand is set against both hosts
// on-demand (40.00), Spot against the hosts as they are (26.00), with
// half the Spot-suitable web tasks on Fargate Spot: 0.5 × 4.80 + 0.5 ×
// 200 × (0.5 × 0.012 + 1 × 0.0012) = 2.40 + 0.72 = 3.12. The single-task
// service stays on-demand in the Spot column (2.40), and says why.
// Savings: on-demand 40 − 7.20 = 32.80; Spot 26 − 5.52 = 20.48.
func TestMixedOnDemandAndSpotHosts(t *testing.T) {
	dir := writeFleet(t, []host{{typ: "m5.xlarge"}, {typ: "m5.xlarge", lifecycle: "spot"}}, []svc{
		{name: "web", tasks: 2, cpu: 512, mem: 1024, taskLevel: true},
		{name: "single", tasks: 1, cpu: 512, mem: 1024, taskLevel: true},
	})
	o := DefaultOptions()
	o.EC2SpotDiscount = ptr.To(dec("0.7"))
	c := compareWith(t, dir, o)
	cl := c.Clusters[0]
	wantCents(t, "EC2 now", cl.EC2, "26.00")
	wantCents(t, "EC2 on-demand side", cl.EC2Side.OnDemand, "40.00")
	wantCents(t, "EC2 Spot side", cl.EC2Side.Spot, "26.00")
	web, single := byName(t, c, "web"), byName(t, c, "single")
	if !web.SpotShare.Equal(dec("0.5")) {
		t.Errorf("web Spot share = %s, want the hosts' 0.5", web.SpotShare)
	}
	wantCents(t, "web Spot", web.Fargate.Spot, "3.12")
	wantCents(t, "single Spot", single.Fargate.Spot, "2.40")
	if !strings.Contains(single.SpotOnDemand, "single task") {
		t.Errorf("single left on on-demand with reason %q", single.SpotOnDemand)
	}
	wantCents(t, "on-demand saving", cl.EC2Side.OnDemand.Sub(cl.Fargate.OnDemand), "32.80")
	wantCents(t, "Spot saving", cl.EC2Side.Spot.Sub(cl.Fargate.Spot), "20.48")
	// --spot-share 100 is a what-if for the suitable services only.
	o.SpotShare = ptr.To(dec("1"))
	c = compareWith(t, dir, o)
	wantCents(t, "web all Spot", byName(t, c, "web").Fargate.Spot, "1.44")
	wantCents(t, "single still on-demand", byName(t, c, "single").Fargate.Spot, "2.40")
}

// A container with memory 4096 and memoryReservation 1024 and no
// task-level size reserves 1024 MiB on the host (the scheduler counts the
// soft limit) but needs 4 GB on Fargate (the hard limit). Two tasks of
// 1 vCPU on one 4 vCPU / 16 GiB host: CPU 2048 / 4096 = 50 %, memory
// 2048 / 16384 = 12.5 %; CPU binds, and leaves 20.00 × 50 % = 10.00 idle.
// The weighted blend is (10 × 2 + 2) / (10 × 4 + 16) = 22 / 56.
func TestMemoryReservationAndPerResourceUtilisation(t *testing.T) {
	dir := writeFleet(t, []host{{typ: "m5.xlarge"}}, []svc{{name: "m", tasks: 2, cpu: 1024, mem: 4096, memRes: 1024}})
	c := compareWith(t, dir, DefaultOptions())
	cl, m := c.Clusters[0], byName(t, c, "m")
	if m.Size.Memory != 4096 {
		t.Errorf("Fargate memory = %d, want the hard limit 4096", m.Size.Memory)
	}
	if !cl.CPUUtilization.Equal(dec("0.5")) || !cl.MemoryUtilization.Equal(dec("0.125")) || cl.Binding != "cpu" {
		t.Errorf("utilisation cpu %s memory %s binding %s; want 0.5, 0.125, cpu", cl.CPUUtilization, cl.MemoryUtilization, cl.Binding)
	}
	wantCents(t, "binding idle", cl.BindingIdle, "10.00")
	if !cl.Utilization.Equal(dec("22").Div(dec("56"))) {
		t.Errorf("blended utilisation = %s, want 22/56", cl.Utilization)
	}
	wantCents(t, "share", m.EC2(), "7.86") // 20 × 22 / 56
}

// A missing price names the command that fills it.
func TestUnknownPriceNamesItsFill(t *testing.T) {
	dir := writeFleet(t, []host{{typ: "x9.mega"}}, []svc{{name: "web", tasks: 2, cpu: 512, mem: 1024, taskLevel: true}})
	c := compareWith(t, dir, DefaultOptions())
	missing := c.Clusters[0].EC2.Missing()
	if len(missing) != 1 {
		t.Fatalf("missing = %v", missing)
	}
	what, fill := SplitReason(missing[0])
	if !strings.HasPrefix(what, "no price for EC2 instance type x9.mega in us-east-1") || fill != "ecs2fargate pricing update --region us-east-1, or --price-file FILE" {
		t.Errorf("what %q, fill %q", what, fill)
	}
}

// With CloudWatch's average running tasks (1.5 over the window) Fargate is
// priced at 1.5 × 100 h × (0.5 × 0.04 + 1 × 0.004) = 3.60, not at the
// desiredCount snapshot of 2 (4.80), and says so.
func TestTasksPricedAtTheWindowsAverage(t *testing.T) {
	f := loadFleet(t, writeFleet(t, []host{{typ: "m5.xlarge"}}, []svc{{name: "web", tasks: 2, cpu: 512, mem: 1024, taskLevel: true}}))
	avg := 1.5
	f.Services[0].Metrics = &fleet.ServiceMetrics{Days: 14, TasksAverage: &avg}
	o := DefaultOptions()
	o.HoursPerMonth = dec("100")
	c, err := Compare(f, testBook(), o)
	if err != nil {
		t.Fatal(err)
	}
	web := byName(t, c, "web")
	wantCents(t, "web on-demand", web.Fargate.OnDemand, "3.60")
	if !strings.Contains(web.TasksFrom, "average running tasks over 14 days") {
		t.Errorf("tasks from %q", web.TasksFrom)
	}
}
