package pricing

import (
	"reflect"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/ecs2fargate/ecs2fargate/internal/fargate"
	"github.com/ecs2fargate/ecs2fargate/internal/fleetgen"
)

// A remembered price is the price computed afresh, amount, exponent,
// reasons and caveats alike: every service of a generated fleet (and every
// DAEMON's sidecars) priced by a model that remembers shapes equals the
// same service priced by a model that has remembered nothing yet.
func TestRememberedPricesAreFreshPrices(t *testing.T) {
	dir := t.TempDir()
	if err := fleetgen.WriteTemp(dir, fleetgen.Options{Services: 400, PerCluster: 100}); err != nil {
		t.Fatal(err)
	}
	f := loadFleet(t, dir)
	o := DefaultOptions()
	book := withEC2Plans(Default())
	c, err := Compare(f, book, o)
	if err != nil {
		t.Fatal(err)
	}
	fresh := func() *model { return newModel(f, book, o) }
	shapes := map[shape]bool{}
	daemons := 0
	for _, s := range c.Services {
		k, ok := shapeOf(s)
		if !ok || s.Size == (fargate.Size{}) {
			continue
		}
		shapes[k] = true
		if got, want := *s.Fargate, fresh().price(s); !reflect.DeepEqual(got, want) {
			t.Errorf("%s/%s: remembered %+v, fresh %+v", s.Cluster, s.Service, got, want)
		}
		if !s.Daemon || s.StayReason != "" || s.DaemonPlan.Feature != "" {
			continue
		}
		daemons++
		var mates []*ServiceCost
		for _, o := range c.Services {
			if o.Cluster == s.Cluster {
				mates = append(mates, o)
			}
		}
		if got, want := *s.After, fresh().daemonAfter(s, mates); !reflect.DeepEqual(got, want) {
			t.Errorf("daemon %s/%s: remembered sidecars %+v, fresh %+v", s.Cluster, s.Service, got, want)
		}
	}
	if daemons == 0 || len(shapes) == 0 || len(shapes) >= len(c.Services)/2 {
		t.Errorf("%d daemons, %d shapes for %d services: the fleet does not exercise the memo", daemons, len(shapes), len(c.Services))
	}
}

// A sidecar's rise is remembered by the shape it starts from, never by
// the service: two services of one shape in different clusters rise alike,
// and a service whose price is not its shape's (no size) is priced itself.
func TestSidecarStepsByShape(t *testing.T) {
	m := newModel(nil, Default(), DefaultOptions())
	mk := func(cluster string) *ServiceCost {
		s := &ServiceCost{Cluster: cluster, Service: "web", Region: "us-east-1", Platform: LinuxX86, Tasks: decimal.NewFromInt(2),
			Need: fargate.Size{CPU: 256, Memory: 512}, Size: fargate.Size{CPU: 256, Memory: 512}, StorageGiB: 20}
		s.Fargate = m.variants(s)
		return s
	}
	d := &ServiceCost{Service: "agent", Daemon: true, daemonNeed: fargate.Size{CPU: 256, Memory: 512}}
	a, b := m.sidecar(d, mk("a")), m.sidecar(d, mk("b"))
	if !reflect.DeepEqual(a, b) || !a.OnDemand.Amount().IsPositive() {
		t.Errorf("the same step in two clusters: %+v and %+v, want equal and positive", a, b)
	}
	if len(m.prices.bySteps) != 1 {
		t.Errorf("%d steps remembered, want 1", len(m.prices.bySteps))
	}
	unsized := mk("c")
	unsized.Size, unsized.Fargate = fargate.Size{}, new(allOf(Unknown("task definition unknown")))
	if got := m.sidecar(d, unsized).OnDemand; got.Known() {
		t.Errorf("a sidecar on a service of unknown price is known: %v", got.Amount())
	}
}

// exactOf names a decimal by its written form: equal values written
// differently are different shapes (their products are written
// differently too), and a coefficient too long for an int64 is not named.
func TestExactOf(t *testing.T) {
	a, _ := exactOf(decimal.RequireFromString("1.50"))
	b, _ := exactOf(decimal.RequireFromString("1.5"))
	if a == b {
		t.Errorf("1.50 and 1.5 named alike: %+v", a)
	}
	if _, ok := exactOf(decimal.RequireFromString("12345678901234567890.5")); ok {
		t.Error("a 21-digit coefficient was named")
	}
	if k, ok := exactOf(decimal.Decimal{}); !ok || k != (exact{}) {
		t.Errorf("the zero decimal: %+v %v", k, ok)
	}
}

// The services of a shape hold one price between them, and a service that
// moves holds it as its cost after the move too (two pointers a service,
// not 240 bytes of amounts; issue 17); a service in no cluster costs zero
// after the move. Compared field by field above, sharing changes no figure.
func TestServicesOfAShapeShareOnePrice(t *testing.T) {
	dir := t.TempDir()
	if err := fleetgen.WriteTemp(dir, fleetgen.Options{Services: 400, PerCluster: 100}); err != nil {
		t.Fatal(err)
	}
	f := loadFleet(t, dir)
	c, err := Compare(f, withEC2Plans(Default()), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	byShape := map[shape]*Variants{}
	shared, moving := 0, 0
	for _, s := range c.Services {
		if s.Fargate == nil || s.After == nil {
			t.Fatalf("%s/%s: a nil price (Fargate %v, After %v)", s.Cluster, s.Service, s.Fargate, s.After)
		}
		if s.Moves() && !s.Daemon {
			moving++
			if s.After != s.Fargate {
				t.Errorf("%s/%s moves but holds a cost after the move of its own", s.Cluster, s.Service)
			}
		}
		k, ok := shapeOf(s)
		if !ok || s.Size == (fargate.Size{}) {
			continue
		}
		if p, seen := byShape[k]; seen {
			shared++
			if p != s.Fargate {
				t.Errorf("%s/%s: a price of its own for a shape already priced", s.Cluster, s.Service)
			}
		}
		byShape[k] = s.Fargate
	}
	if shared == 0 || moving == 0 {
		t.Errorf("%d services share a shape, %d move: the fleet does not exercise the sharing", shared, moving)
	}
	m := newModel(f, withEC2Plans(Default()), DefaultOptions())
	if lone := m.service(f.Services[0]); !reflect.DeepEqual(*lone.After, Variants{}) {
		t.Errorf("a service no cluster priced costs %+v after the move, want zero", *lone.After)
	}
}
