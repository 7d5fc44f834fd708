package pricing

import (
	"reflect"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/ecs2fargate/ecs2fargate/internal/fargate"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// A DAEMON sidecar that fits in the task's room costs nothing, and the
// shortcut that skips pricing the task again gives exactly what pricing
// it again gives (unknowns and caveats included); one that needs the next
// size up costs the step.
func TestSidecarInTheTaskRoom(t *testing.T) {
	m := newModel(&fleet.Fleet{}, Default(), DefaultOptions())
	s := &ServiceCost{Cluster: "c", Service: "web", Region: "us-east-1", Platform: LinuxX86, Tasks: decimal.NewFromInt(3),
		Need: fargate.Size{CPU: 512, Memory: 1024}, Size: fargate.Size{CPU: 1024, Memory: 2048}, StorageGiB: 30, SpotShare: decimal.RequireFromString("0.5")}
	s.Fargate = m.variants(s)
	d := &ServiceCost{Service: "agent", Daemon: true, daemonNeed: fargate.Size{CPU: 128, Memory: 256}}
	got := m.sidecar(d, s)
	with := *s
	want := m.variants(&with).zip(*s.Fargate, Money.Sub)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sidecar with room: %+v, want %+v", got, want)
	}
	for _, v := range got.List() {
		if !v.Known() || !v.Amount().IsZero() {
			t.Errorf("sidecar with room costs %v, want 0", v.Amount())
		}
	}
	d.daemonNeed = fargate.Size{CPU: 1024, Memory: 2048}
	if step := m.sidecar(d, s).OnDemand; !step.Known() || !step.Amount().IsPositive() {
		t.Errorf("sidecar needing the next size costs %v, want the step up", step.Amount())
	}
}
