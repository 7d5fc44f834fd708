package pricing

import (
	"reflect"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleetgen"
)

// A missing Savings Plan rate, made once per instance type, term and
// region and shared by the hosts (savingsPlanRate), is the amount each
// host would get alone: every host of a generated estate priced by the
// comparison equals the same host priced by a model that has met no
// other, reasons and caveats included. The embedded book lacks the rate
// for types the estate runs, so the shared amounts are exercised.
func TestSharedMissingRatesAreFreshOnes(t *testing.T) {
	dir := t.TempDir()
	if err := fleetgen.WriteTemp(dir, fleetgen.Options{Services: 400, PerCluster: 100}); err != nil {
		t.Fatal(err)
	}
	f := loadFleet(t, dir)
	o, book := DefaultOptions(), Default()
	c, err := Compare(f, book, o)
	if err != nil {
		t.Fatal(err)
	}
	hosts, missing := 0, 0
	shared := newModel(f, book, o) // meets every host, both terms
	for _, cl := range f.Clusters {
		var cc *ClusterCost
		for _, x := range c.Clusters {
			if x.Cluster == cl.Name && x.Where() == cl.Identity {
				cc = x
			}
		}
		if cc == nil {
			continue
		}
		k := 0
		for _, ci := range cl.ContainerInstances {
			if ci.CI.Status != nil && *ci.CI.Status == "INACTIVE" {
				continue
			}
			fresh := newModel(f, book, o).instance(ci, cc.Region)
			if got := cc.Instances[k]; !reflect.DeepEqual(got, fresh) {
				t.Errorf("host %s of %s: priced beside the others %+v, alone %+v", got.ID, cl.Name, got.Side, fresh.Side)
			}
			for _, term := range []Term{Term1y, Term3y} {
				want := book.Price(fresh.Region, fresh.savingsPlanItem(term)).withReasonFor(&fresh, term)
				if got := shared.savingsPlanRate(&fresh, term); !reflect.DeepEqual(got, want) {
					t.Errorf("host %s of %s, %s: shared rate %+v, its own %+v", fresh.ID, cl.Name, termName(term), got, want)
				}
			}
			if !fresh.Side.SavingsPlan1y.Known() {
				missing++
			}
			hosts++
			k++
		}
	}
	if hosts == 0 || missing < 2 {
		t.Errorf("%d hosts, %d without a Savings Plan rate: the estate does not exercise the shared amounts", hosts, missing)
	}
}
