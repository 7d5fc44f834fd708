package pricing

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// storageFleet writes one single-task service per ephemeral storage size
// (0 = not set), all 0.25 vCPU / 0.5 GB in us-east-1, and loads them.
func storageFleet(t *testing.T, sizes ...int) *Comparison {
	t.Helper()
	dir := t.TempDir()
	var services []string
	for _, gib := range sizes {
		name := fmt.Sprintf("s%d", gib)
		storage := ""
		if gib > 0 {
			storage = fmt.Sprintf(`"ephemeralStorage": {"sizeInGiB": %d},`, gib)
		}
		td := fmt.Sprintf(`{"taskDefinition": {"taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/%s:1",
			"family": "%s", "revision": 1, "cpu": "256", "memory": "512", %s
			"containerDefinitions": [{"name": "app", "image": "app:1", "essential": true}]}}`, name, name, storage)
		if err := os.WriteFile(filepath.Join(dir, "td-"+name+".json"), []byte(td), 0o644); err != nil {
			t.Fatal(err)
		}
		services = append(services, fmt.Sprintf(`{"serviceArn": "arn:aws:ecs:us-east-1:123456789012:service/web/%s", "serviceName": "%s",
			"clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/web", "taskDefinition": "%s:1",
			"desiredCount": 1, "runningCount": 1, "launchType": "EC2"}`, name, name, name))
	}
	doc := `{"services": [` + strings.Join(services, ",") + `]}`
	if err := os.WriteFile(filepath.Join(dir, "services.json"), []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	return compare(t, loadFleet(t, dir), DefaultOptions())
}

// Hand-computed with the us-east-1 storage rate $0.000111 per GB-hour:
// the first 20 GiB are free, each GiB above costs 0.000111 × 730 =
// $0.08103 a month, on every option (Spot and Savings Plans discount
// compute only). The compute part is the reference case's.
func TestEphemeralStorageAboveTwentyGiB(t *testing.T) {
	c := storageFleet(t, 0, 20, 21, 50)
	// Single tasks are not Spot-suitable: the Spot column prices them on-demand.
	compute := map[string]string{"on-demand": "9.010025", "spot": "9.010025", "sp1y": "7.20802", "sp3y": "4.95551375"}
	extra := map[string]string{"s0": "0", "s20": "0", "s21": "0.08103", "s50": "2.4309"} // 30 × 0.08103
	for name, add := range extra {
		s := service(t, c, name)
		v := s.Fargate
		for option, m := range map[string]Money{"on-demand": v.OnDemand, "spot": v.Spot, "sp1y": v.SavingsPlan1y, "sp3y": v.SavingsPlan3y} {
			want := dec(compute[option]).Add(dec(add))
			wantMoney(t, name+" "+option, m, want.String())
		}
	}
	if got := service(t, c, "s50").StorageGiB; got != 50 {
		t.Errorf("s50 storage = %d GiB, want 50", got)
	}
}
