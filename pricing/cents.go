package pricing

import (
	"sort"

	"github.com/shopspring/decimal"
)

var hundred = decimal.NewFromInt(100)

// Cents rounds an amount to cents, half away from zero: for display only.
func Cents(d decimal.Decimal) decimal.Decimal { return d.Round(2) }

// SplitCents rounds parts to cents so that they add up to the total
// rounded to cents, with no cent lost or invented (largest remainder:
// every part is floored, and the cents left over go to the parts that lost
// most). The parts should add up to total exactly; ties go to the earlier
// part, so the result is deterministic.
func SplitCents(total decimal.Decimal, parts []decimal.Decimal) []decimal.Decimal {
	out := make([]decimal.Decimal, len(parts))
	if len(parts) == 0 {
		return out
	}
	target := total.Mul(hundred).Round(0).IntPart()
	type rem struct {
		i    int
		frac decimal.Decimal
	}
	rems := make([]rem, len(parts))
	var sum int64
	for i, p := range parts {
		c := p.Mul(hundred)
		fl := c.Floor()
		out[i] = fl
		sum += fl.IntPart()
		rems[i] = rem{i, c.Sub(fl)}
	}
	diff := target - sum
	sort.SliceStable(rems, func(a, b int) bool { return rems[a].frac.GreaterThan(rems[b].frac) })
	for k := int64(0); diff > 0 && len(rems) > 0; k++ {
		r := rems[k%int64(len(rems))]
		out[r.i] = out[r.i].Add(one)
		diff--
	}
	for k := int64(0); diff < 0 && len(rems) > 0; k++ {
		r := rems[len(rems)-1-int(k%int64(len(rems)))]
		out[r.i] = out[r.i].Sub(one)
		diff++
	}
	for i := range out {
		out[i] = out[i].Div(hundred)
	}
	return out
}
