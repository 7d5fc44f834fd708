package reports

import (
	"math"

	"github.com/shopspring/decimal"
)

// heldAmount is an Amount held without its decimals' big.Ints: the
// coefficient and exponent of its value and of its known part. An amount
// rounded to cents (every amount a cost row shows) always fits; holdAmount
// says when one does not. Held and given back, an amount is the same
// decimal, coefficient and exponent, so the same text (issue 17: the 11
// amounts of a service's split were about 850 bytes a service as
// decimals, 8.2 MiB of 10,000 services; 272 bytes held).
type heldAmount struct {
	value, part       int64 // coefficients
	valueExp, partExp int16
	known, flagged    bool
}

// holdAmount holds a, or says it cannot (a coefficient past 18 digits, an
// exponent past an int16).
func holdAmount(a Amount) (heldAmount, bool) {
	v, ve, okValue := holdDecimal(a.Value)
	p, pe, okPart := holdDecimal(a.Part)
	return heldAmount{value: v, part: p, valueExp: ve, partExp: pe, known: a.Known, flagged: a.Flagged}, okValue && okPart
}

// amount is the Amount held.
func (h heldAmount) amount() Amount {
	return Amount{Value: heldDecimal(h.value, h.valueExp), Part: heldDecimal(h.part, h.partExp), Known: h.known, Flagged: h.flagged}
}

// holdDecimal is d's coefficient and exponent, when they fit.
func holdDecimal(d decimal.Decimal) (int64, int16, bool) {
	exp := d.Exponent()
	if d.NumDigits() > 18 || exp < math.MinInt16 || exp > math.MaxInt16 {
		return 0, 0, false
	}
	return d.CoefficientInt64(), int16(exp), true
}

// heldDecimal is the decimal of that coefficient and exponent: the zero
// Decimal for 0 × 10⁰, which is how an Amount's unset decimal is held.
func heldDecimal(coefficient int64, exp int16) decimal.Decimal {
	if coefficient == 0 && exp == 0 {
		return decimal.Decimal{}
	}
	return decimal.New(coefficient, int32(exp))
}
