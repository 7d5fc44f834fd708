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
	// Whole cents are counted in int64 and made decimals once at the end
	// (a cent is 10^-2 exactly): a decimal sum and division per part were
	// most of what rounding a large fleet's clusters allocated (issue 17).
	cents := make([]int64, len(parts))
	var sum int64
	for i, p := range parts {
		c := p.Mul(hundred)
		fl := c.Floor()
		cents[i] = fl.IntPart()
		sum += cents[i]
		rems[i] = rem{i, c.Sub(fl)}
	}
	diff := target - sum
	sort.SliceStable(rems, func(a, b int) bool { return rems[a].frac.GreaterThan(rems[b].frac) })
	for k := int64(0); diff > 0 && len(rems) > 0; k++ {
		cents[rems[k%int64(len(rems))].i]++
		diff--
	}
	for k := int64(0); diff < 0 && len(rems) > 0; k++ {
		cents[rems[len(rems)-1-int(k%int64(len(rems)))].i]--
		diff++
	}
	for i, c := range cents {
		out[i] = decimal.New(c, -2)
	}
	return out
}
