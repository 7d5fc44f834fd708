package reports

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/pricing"
)

// basicFleet is the pricing package's two-service, two-instance fleet.
func basicFleet(t *testing.T) *fleet.Fleet {
	t.Helper()
	f, diags := fleet.Load(context.Background(), []string{"../pricing/testdata/fleet/basic"}, nil)
	if fleet.HasErrors(diags) {
		t.Fatal(diags)
	}
	return f
}

func costOf(t *testing.T, f *fleet.Fleet) *Cost {
	t.Helper()
	cmp, err := pricing.Compare(f, withEC2Plans(pricing.Default()), pricing.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return NewCost("test", cmp, f, nil)
}

// withEC2Plans adds made-up EC2 Compute Savings Plan rates (0.7 × and
// 0.5 × on-demand) for every instance type, so the Savings Plan columns
// of these tests are known while the embedded book has no such rates.
func withEC2Plans(b *pricing.Table) *pricing.Table {
	for _, items := range b.Regions {
		for it, e := range items {
			if typ, ok := it.InstanceType(); ok {
				items[pricing.EC2SavingsPlanItem(pricing.Term1y, typ)] = pricing.Entry{Value: e.Value.Mul(decimal.RequireFromString("0.7")), Unit: e.Unit, Source: "test", Confidence: "A"}
				items[pricing.EC2SavingsPlanItem(pricing.Term3y, typ)] = pricing.Entry{Value: e.Value.Mul(decimal.RequireFromString("0.5")), Unit: e.Unit, Source: "test", Confidence: "A"}
			}
		}
	}
	return b
}

func (l LikeForLikeRows) byLabel() map[string]LikeForLikeRow {
	out := map[string]LikeForLikeRow{}
	for _, o := range l.options() {
		out[o.label] = o.row
	}
	return out
}

// With every figure known, every displayed like-for-like figure is the
// displayed fleet total, to the cent.
func TestLikeForLikeDisplayedIsTotalWhenAllKnown(t *testing.T) {
	c := costOf(t, basicFleet(t))
	tot := c.Totals
	plain := map[string]Amount{"on-demand": tot.FargateMonthly.OnDemand, "Spot": tot.FargateMonthly.Spot, "ARM": tot.FargateMonthly.ARM,
		"SP 1y": tot.FargateMonthly.SavingsPlan1y, "SP 3y": tot.FargateMonthly.SavingsPlan3y}
	side := map[string]Amount{"on-demand": tot.EC2ByOptionMonthly.OnDemand, "Spot": tot.EC2ByOptionMonthly.Spot, "ARM": tot.EC2ByOptionMonthly.ARM,
		"SP 1y": tot.EC2ByOptionMonthly.SavingsPlan1y, "SP 3y": tot.EC2ByOptionMonthly.SavingsPlan3y}
	for label, r := range tot.LikeForLike.byLabel() {
		if !sameAmount(r.EC2Monthly, side[label]) || !sameAmount(r.FargateMonthly, plain[label]) {
			t.Errorf("%s: like-for-like %s / %s, totals %s / %s", label, r.EC2Monthly, r.FargateMonthly, side[label], plain[label])
		}
	}
	if !sameAmount(tot.EC2ByOptionMonthly.OnDemand, tot.EC2Monthly) {
		t.Errorf("no commitment, no Spot host: EC2 on-demand side %s should be EC2 now %s", tot.EC2ByOptionMonthly.OnDemand, tot.EC2Monthly)
	}
	if !likeIsTotal(tot.LikeForLike, len(c.Clusters)) {
		t.Error("the comparison should be recognised as the fleet total")
	}
}

func sameAmount(a, b Amount) bool { return a.Known && b.Known && a.Value.Equal(b.Value) }

// Both services too large for Fargate: nothing moves, so every option
// shows a saving of exactly 0.00, and the stay costs shown add up to the
// cluster's displayed EC2 cost (no cent lost to rounding).
func TestLikeForLikeNothingMovesShowsZero(t *testing.T) {
	f := basicFleet(t)
	cpu, mem := "16384", "126976"
	for _, td := range f.TaskDefinitions {
		td.Def.Cpu, td.Def.Memory = &cpu, &mem
	}
	c := costOf(t, f)
	for label, r := range c.Totals.LikeForLike.byLabel() {
		if len(r.StaysOnEC2) != 2 || r.Services != 0 {
			t.Fatalf("%s: %+v, want both services staying", label, r)
		}
		if !r.SavingsMonthly.Known || !r.SavingsMonthly.Value.IsZero() {
			t.Errorf("%s: saving %s, want 0.00", label, r.SavingsMonthly)
		}
		sum := decimal.Zero
		for _, s := range r.StaysOnEC2 {
			sum = sum.Add(s.EC2Monthly.Value)
		}
		if !sum.Equal(r.EC2Monthly.Value) {
			t.Errorf("%s: stay costs sum to %s, cluster EC2 under the option is %s", label, sum, r.EC2Monthly)
		}
	}
	var table bytes.Buffer
	if err := renderCostTable(&table, c); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(table.String(), "(too large for any Fargate task)") || !strings.Contains(table.String(), "web/api") {
		t.Errorf("the table does not list the services that stay on EC2:\n%s", table.String())
	}
}

// A cluster left out of some options only is named once per set of
// reasons, with the options it is left out of.
func TestLikeForLikeNotesGroupOptions(t *testing.T) {
	l := LikeForLikeRows{}
	lo := []LeftOutRow{{Cluster: "win", Services: 2, Reasons: []string{"no Savings Plan rate"}}}
	l.OnDemand.Clusters, l.Spot.Clusters, l.ARM.Clusters = []string{"a", "win"}, []string{"a", "win"}, []string{"a", "win"}
	l.SavingsPlan1y = LikeForLikeRow{Clusters: []string{"a"}, LeftOut: lo}
	l.SavingsPlan3y = LikeForLikeRow{Clusters: []string{"a"}, LeftOut: lo}
	got := strings.Join(likeNotes(l), "\n")
	want := "compared: on-demand, Spot, ARM: a, win; SP 1y, SP 3y: a\nleft out of SP 1y, SP 3y: win (2 services): no Savings Plan rate"
	if got != want {
		t.Errorf("notes:\n%s\nwant:\n%s", got, want)
	}
}

// The like-for-like CSV rows have every column, one per option, and fill
// only their own option's column.
func TestLikeForLikeCSVRows(t *testing.T) {
	var buf bytes.Buffer
	if err := renderCostCSV(&buf, costOf(t, basicFleet(t))); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var like [][]string
	for _, r := range rows {
		if r[0] == "like-for-like" {
			like = append(like, r)
		}
	}
	if len(like) != 5 {
		t.Fatalf("%d like-for-like rows, want 5", len(like))
	}
	first := slices.Index(costCSVHeader, "ondemand_monthly")
	for i, r := range like {
		for col := first; col < first+5; col++ {
			if filled := r[col] != ""; filled != (col == first+i) {
				t.Errorf("row %d (%s): column %s filled = %t", i, r[first+7], costCSVHeader[col], filled)
			}
		}
	}
}

// Thousands of services staying on EC2 do not flood the text formats.
func TestLikeForLikeNotesAreCapped(t *testing.T) {
	l := LikeForLikeRows{}
	for i := 0; i < 30; i++ {
		l.OnDemand.StaysOnEC2 = append(l.OnDemand.StaysOnEC2, StayRow{Cluster: "c", Service: fmt.Sprint("s", i), Reason: "too large for any Fargate task"})
	}
	notes := cappedLikeNotes(l)
	if len(notes) != maxUnknownLines+1 || !strings.Contains(notes[maxUnknownLines], "and 11 more") {
		t.Errorf("%d notes, last %q; want %d and a count of the rest", len(notes), notes[len(notes)-1], maxUnknownLines+1)
	}
}

// A service name that a spreadsheet would run as a formula stays text in
// the cost CSV.
func TestCostCSVDefusesFormulaNames(t *testing.T) {
	c := costOf(t, basicFleet(t))
	c.services.src[0].Service = "=HYPERLINK(\"http://x\")" // rows are made from the comparison as rendered
	var buf bytes.Buffer
	if err := renderCostCSV(&buf, c); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := rows[1][2]; !strings.HasPrefix(got, "'=") {
		t.Errorf("service cell %q is not defused", got)
	}
}
