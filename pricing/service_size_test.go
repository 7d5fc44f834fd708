package pricing

import (
	"math"
	"testing"
	"unsafe"

	"github.com/shopspring/decimal"
)

// A service's cost is one per service of the estate, live beside the whole
// fleet while a report is priced and written (issue 17): 512 bytes is a
// 512-byte allocation, a byte more a 576-byte one.
func TestServiceCostFitsIn512Bytes(t *testing.T) {
	if n := unsafe.Sizeof(ServiceCost{}); n > 512 {
		t.Errorf("ServiceCost is %d bytes, want at most 512 (a field's padding?)", n)
	}
}

// A task count is the decimal NewFromInt makes, coefficient and exponent,
// shared or not.
func TestCountOfIsNewFromInt(t *testing.T) {
	for _, n := range []int32{0, 1, 2, 255, 256, 1000, -1, math.MaxInt32} {
		got, want := countOf(n), decimal.NewFromInt(int64(n))
		if got.String() != want.String() || got.Exponent() != want.Exponent() || got.Coefficient().Cmp(want.Coefficient()) != 0 {
			t.Errorf("countOf(%d) = %s (exp %d), want %s (exp %d)", n, got, got.Exponent(), want, want.Exponent())
		}
	}
	if a, b := countOf(3), countOf(3); a.Coefficient().Cmp(b.Coefficient()) != 0 {
		t.Errorf("countOf(3) differs from itself")
	}
}
