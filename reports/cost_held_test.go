package reports

import (
	"math/big"
	"testing"

	"github.com/shopspring/decimal"
)

// An amount held and given back is the same decimal, coefficient and
// exponent (so the same text and the same sums), for whole cents and any
// other exponent an int16 holds; one that does not fit says so, and a
// split holding it keeps every amount whole instead.
func TestHeldAmountIsTheSameDecimal(t *testing.T) {
	huge, _ := new(big.Int).SetString("123456789012345678901234567890", 10)
	for _, c := range []struct {
		a    Amount
		fits bool
	}{
		{Amount{}, true},
		{Amount{Value: decimal.New(0, -2), Known: true}, true},
		{Amount{Value: decimal.New(123456, -2), Known: true, Flagged: true}, true},
		{Amount{Value: decimal.New(-5, -2), Known: true}, true},
		{Amount{Value: decimal.New(1500, -3), Known: true}, true}, // 1.500: the exponent is kept
		{Amount{Value: decimal.New(7, 2), Known: true}, true},
		{Amount{Part: decimal.New(99, -2)}, true}, // unknown, with a known part
		{Amount{Value: decimal.New(999999999999999999, -2), Known: true}, true},
		{Amount{Value: decimal.NewFromBigInt(huge, -2), Known: true}, false},
		{Amount{Value: decimal.New(1, 40000), Known: true}, false},
	} {
		h, ok := holdAmount(c.a)
		if ok != c.fits {
			t.Errorf("holdAmount(%v) fits = %v, want %v", c.a.Value, ok, c.fits)
		}
		if ok {
			assertSameAmount(t, h.amount(), c.a)
		}
		var sp costSplit
		sp.set(splitEC2, Amount{Value: decimal.New(1, -2), Known: true})
		sp.set(splitAfter+2, c.a)
		if (sp.full == nil) != c.fits {
			t.Errorf("split holding %v: full = %v, want whole only when it does not fit", c.a.Value, sp.full != nil)
		}
		assertSameAmount(t, sp.after().ARM, c.a)
		assertSameAmount(t, sp.ec2(), Amount{Value: decimal.New(1, -2), Known: true})
		sp.set(splitEC2Side+4, c.a) // after a fallback, sets go to the whole amounts
		assertSameAmount(t, sp.ec2Side().SavingsPlan3y, c.a)
	}
}

func assertSameAmount(t *testing.T, got, want Amount) {
	t.Helper()
	same := func(a, b decimal.Decimal) bool {
		return a.Coefficient().Cmp(b.Coefficient()) == 0 && a.Exponent() == b.Exponent()
	}
	if !same(got.Value, want.Value) || !same(got.Part, want.Part) || got.Known != want.Known || got.Flagged != want.Flagged {
		t.Errorf("held %v (part %v, known %v, flagged %v), want %v (part %v, known %v, flagged %v)",
			got.Value, got.Part, got.Known, got.Flagged, want.Value, want.Part, want.Known, want.Flagged)
	}
}
