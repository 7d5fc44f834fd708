package pricing

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// host is a container instance of the test fleets: 4 vCPU and 16 GiB
// registered, of the given type and lifecycle ("" or "spot").
type host struct{ typ, lifecycle string }

// svc is a service of the test fleets; mem is the container's hard limit
// and memRes its soft limit (0 = unset); no task-level cpu or memory when
// taskLevel is false. stateful adds a Docker volume.
type svc struct {
	name              string
	tasks             int
	cpu, mem, memRes  int
	daemon, taskLevel bool
	stateful          bool
}

// writeFleet writes one us-east-1 cluster "c" of hosts running services.
func writeFleet(t *testing.T, hosts []host, services []svc) string {
	t.Helper()
	dir := t.TempDir()
	var cis, insts, svcs []string
	for i, h := range hosts {
		id := fmt.Sprintf("i-%017d", i)
		cis = append(cis, fmt.Sprintf(`{"containerInstanceArn": "arn:aws:ecs:us-east-1:123456789012:container-instance/c/%032d", "ec2InstanceId": %q,
			"status": "ACTIVE", "registeredResources": [{"name": "CPU", "type": "INTEGER", "integerValue": 4096}, {"name": "MEMORY", "type": "INTEGER", "integerValue": 16384}]}`, i, id))
		lc := ""
		if h.lifecycle != "" {
			lc = fmt.Sprintf(`, "InstanceLifecycle": %q`, h.lifecycle)
		}
		insts = append(insts, fmt.Sprintf(`{"InstanceId": %q, "InstanceType": %q%s}`, id, h.typ, lc))
	}
	write(t, dir, "container-instances.json", `{"containerInstances": [`+strings.Join(cis, ",")+`]}`)
	write(t, dir, "instances.json", `{"Reservations": [{"Instances": [`+strings.Join(insts, ",")+`]}]}`)
	for _, s := range services {
		c := fmt.Sprintf(`"name": "app", "image": "app:1", "essential": true, "cpu": %d`, s.cpu)
		if s.mem > 0 {
			c += fmt.Sprintf(`, "memory": %d`, s.mem)
		}
		if s.memRes > 0 {
			c += fmt.Sprintf(`, "memoryReservation": %d`, s.memRes)
		}
		task := ""
		if s.taskLevel {
			task = fmt.Sprintf(`"cpu": "%d", "memory": "%d",`, s.cpu, s.mem)
		}
		if s.stateful {
			task += `"volumes": [{"name": "data", "dockerVolumeConfiguration": {"scope": "shared", "autoprovision": true}}],`
		}
		write(t, dir, "td-"+s.name+".json", fmt.Sprintf(`{"taskDefinition": {"taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/%s:1",
			"family": %q, "revision": 1, %s "containerDefinitions": [{%s}]}}`, s.name, s.name, task, c))
		strategy := "REPLICA"
		if s.daemon {
			strategy = "DAEMON"
		}
		svcs = append(svcs, fmt.Sprintf(`{"serviceArn": "arn:aws:ecs:us-east-1:123456789012:service/c/%s", "serviceName": %q,
			"clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/c", "taskDefinition": "%s:1", "schedulingStrategy": %q,
			"desiredCount": %d, "runningCount": %d, "launchType": "EC2"}`, s.name, s.name, s.name, strategy, s.tasks, s.tasks))
	}
	write(t, dir, "services.json", `{"services": [`+strings.Join(svcs, ",")+`]}`)
	return dir
}

func write(t *testing.T, dir, name, doc string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
}

// testBook is a price book of round, made-up figures (not AWS's) so every
// expected amount can be worked out by hand: Fargate $0.04 per vCPU-hour
// and $0.004 per GB-hour (a 10:1 cost split), Spot $0.012 / $0.0012,
// Compute Savings Plan 1 y $0.032 / $0.0032 and 3 y $0.022 / $0.0022, ARM
// $0.032 / $0.0032; m5.xlarge $0.20 an hour on-demand, $0.14 under a 1-year
// and $0.10 under a 3-year EC2 Compute Savings Plan; g4dn.xlarge $0.50.
func testBook() *Table {
	e := func(v string) Entry { return Entry{Value: dec(v), Unit: "USD", Source: "test", Confidence: "A"} }
	r := map[Item]Entry{
		FargateVCPU: e("0.04"), FargateGB: e("0.004"), FargateStorageGB: e("0.0001"),
		FargateSpotVCPU: e("0.012"), FargateSpotGB: e("0.0012"),
		FargateARMVCPU: e("0.032"), FargateARMGB: e("0.0032"),
		SavingsPlanItem(Term1y, FargateVCPU): e("0.032"), SavingsPlanItem(Term1y, FargateGB): e("0.0032"),
		SavingsPlanItem(Term3y, FargateVCPU): e("0.022"), SavingsPlanItem(Term3y, FargateGB): e("0.0022"),
		SavingsPlanItem(Term1y, FargateARMVCPU): e("0.026"), SavingsPlanItem(Term1y, FargateARMGB): e("0.0026"),
		SavingsPlanItem(Term3y, FargateARMVCPU): e("0.018"), SavingsPlanItem(Term3y, FargateARMGB): e("0.0018"),
		EC2Item("m5.xlarge"): e("0.20"), EC2SavingsPlanItem(Term1y, "m5.xlarge"): e("0.14"), EC2SavingsPlanItem(Term3y, "m5.xlarge"): e("0.10"),
		EC2Item("g4dn.xlarge"): e("0.50"),
		EBSGp3GBMonth:          e("0.08"), EBSGp2GBMonth: e("0.10"),
	}
	est := func(v string) Entry { return Entry{Value: dec(v), Unit: "fraction", Source: "test", Estimated: true} }
	return &Table{SchemaVersion: 1, AsOf: "2026-12-06", Source: "test book", Currency: "USD",
		Regions:  map[string]map[Item]Entry{"us-east-1": r},
		Fallback: Defaults{FargateSpotDiscount: est("0.7"), SavingsPlan1yDiscount: est("0.2"), SavingsPlan3yDiscount: est("0.45"), EC2SpotDiscount: est("0.6")},
		origin:   "test"}
}

// compareWith prices dir with the test book over 100-hour months.
func compareWith(t *testing.T, dir string, o Options) *Comparison {
	t.Helper()
	o.HoursPerMonth = dec("100")
	c, err := Compare(loadFleet(t, dir), testBook(), o)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
