package reports

import (
	"github.com/shopspring/decimal"

	"github.com/ecs2fargate/ecs2fargate/internal/parallel"
)

// rowCost is what a service's report row shows of its cost row, taken
// as the cost document is written (or before the rows, when it is not)
// and held until the row is made: eleven
// amounts in whole cents instead of the cost model's figures behind them,
// which a streamed report lets go of once the cost document is written
// (issue 17: 35 MB of a 10,000-service report; these are 3 MB).
type rowCost struct {
	amounts   [11]cents // EC2Monthly, FargateMonthly, SavingsMonthly (the five options each)
	size      TaskSize
	sized     bool // size is the FargateSize
	tasks     int
	onFargate bool
	unknown   []string
	// full is the whole cost row, kept where an amount is not whole
	// cents (none is: every displayed amount is rounded to cents).
	full *ServiceCostRow
}

// cents is an Amount whose value and known part are whole cents.
type cents struct {
	value, part    int64
	known, flagged bool
}

// centsOf is a as whole cents, or false when it is not.
func centsOf(a Amount) (cents, bool) {
	v, ok := wholeCents(a.Value)
	p, okPart := wholeCents(a.Part)
	return cents{value: v, part: p, known: a.Known, flagged: a.Flagged}, ok && okPart
}

func wholeCents(d decimal.Decimal) (int64, bool) {
	if d.IsZero() {
		return 0, true
	}
	c := d.Shift(2)
	if !c.IsInteger() || c.Abs().GreaterThan(maxCents) {
		return 0, false
	}
	return c.IntPart(), true
}

// maxCents keeps every held amount within an int64.
var maxCents = decimal.New(1, 17)

// amount is the Amount again: the same value, so the same text.
func (c cents) amount() Amount {
	a := Amount{Known: c.known, Flagged: c.flagged}
	if c.value != 0 {
		a.Value = decimal.New(c.value, -2)
	}
	if c.part != 0 {
		a.Part = decimal.New(c.part, -2)
	}
	return a
}

// rowCostAt takes what the report row shows of c's i-th service row
// (Cost.Service), without making the rest of that row:
// TestRowCostIsTheCostRow holds them equal.
func rowCostAt(c *Cost, i int) rowCost {
	s, sp := c.services.src[i], &c.services.split[i]
	f := fargateAmounts(*s.Fargate)
	saving := savingsOf(s.OnFargate, sp.ec2Side(), sp.after())
	missing, _ := serviceCostNotes(s)
	rc := rowCost{tasks: s.DesiredCount, onFargate: s.OnFargate, unknown: nonNil(missing)}
	if s.Size.CPU > 0 {
		rc.size, rc.sized = TaskSize{CPU: s.Size.CPU, Memory: s.Size.Memory}, true
	}
	amounts := [11]Amount{sp.ec2(), f.OnDemand, f.Spot, f.ARM, f.SavingsPlan1y, f.SavingsPlan3y,
		saving.OnDemand, saving.Spot, saving.ARM, saving.SavingsPlan1y, saving.SavingsPlan3y}
	for k, a := range amounts {
		held, ok := centsOf(a)
		if !ok {
			row := c.Service(i)
			return rowCost{full: &row, onFargate: row.OnFargate}
		}
		rc.amounts[k] = held
	}
	return rc
}

// row is the cost row again, with what the report shows of it.
func (rc *rowCost) row() *ServiceCostRow {
	if rc.full != nil {
		return rc.full
	}
	a := func(i int) Amount { return rc.amounts[i].amount() }
	r := &ServiceCostRow{OnFargate: rc.onFargate, DesiredCount: rc.tasks, Unknown: rc.unknown, EC2Monthly: a(0),
		FargateMonthly: FargateAmounts{a(1), a(2), a(3), a(4), a(5)}, SavingsMonthly: FargateAmounts{a(6), a(7), a(8), a(9), a(10)}}
	if rc.sized {
		size := rc.size
		r.FargateSize = &size
	}
	return r
}

// takeRowCosts takes what each row shows of its service's cost row (by
// the service's index in the cost report), made on every core; equal
// lists of unknown parts are held once.
func (p *reportPlan) takeRowCosts() {
	out := newRowCostTable(p.c.ServiceCount(), p.rows)
	out.makeAll()
	parallel.For(out.n, func(k int) { out.set(k, rowCostAt(p.c, k)) })
	shared := sharedLists{}
	for k := range out.n {
		out.at(k).shareUnknown(shared)
	}
	p.costs = out
}

// shareUnknown makes rc's list of unknown parts the copy held in shared
// of an equal list.
func (rc *rowCost) shareUnknown(shared sharedLists) {
	if len(rc.unknown) > 0 {
		rc.unknown = shared.of(rc.unknown)
	}
}

// takeRowCostsAsWritten has the cost document take what each row shows
// of its service's cost row as it writes the service's own row, and let
// go of the service then (costServices.written): the comparison's
// services are not all live beside the rows' figures while the cost
// document is written, where a large estate's report peaked (issue 17:
// the rows' figures are 33 MB at 100,000 services). The figures are those
// takeRowCosts takes, one service at a time.
func (p *reportPlan) takeRowCostsAsWritten() {
	p.costs = newRowCostTable(p.c.ServiceCount(), p.rows)
	shared := sharedLists{}
	p.c.services.written = func(k int) {
		rc := rowCostAt(p.c, k)
		rc.shareUnknown(shared)
		p.costs.set(k, rc)
	}
}
