package reports

import (
	"github.com/shopspring/decimal"

	"github.com/ecs2fargate/ecs2fargate/pricing"
)

// Amount is a displayed money amount: rounded to cents, or unknown. It
// marshals as a decimal string ("12.34") or null.
type Amount struct {
	Value decimal.Decimal
	Known bool
	// Flagged marks an amount resting on an unverified or estimated price.
	Flagged bool
	// Part is, for an unknown cost, the sum of its known parts (rounded to
	// cents), shown as "≥ Part"; zero when nothing of it is known. Not in
	// JSON (the amount is null there; knownPart fields carry it).
	Part decimal.Decimal
}

// withPart notes m's known part on an unknown amount.
func withPart(a Amount, m pricing.Money) Amount {
	if !a.Known {
		a.Part = pricing.Cents(m.KnownPart())
	}
	return a
}

// known is the known part as a known amount.
func (a Amount) known() Amount {
	if a.Known {
		return a
	}
	return Amount{Value: a.Part, Known: true, Flagged: a.Flagged}
}

func knownAmount(d decimal.Decimal, flagged bool) Amount {
	return Amount{Value: d, Known: true, Flagged: flagged}
}

// amountOf rounds m to cents for display.
func amountOf(m pricing.Money) Amount {
	if !m.Known() {
		return Amount{Flagged: len(m.Caveats()) > 0}
	}
	return knownAmount(pricing.Cents(m.Amount()), len(m.Caveats()) > 0)
}

// MarshalJSON writes the amount as a decimal string with two places, or null.
func (a Amount) MarshalJSON() ([]byte, error) {
	if !a.Known {
		return []byte("null"), nil
	}
	return []byte(`"` + a.Value.StringFixed(2) + `"`), nil // digits and a dot need no escaping
}

// String is the amount for the human formats: "$1,234.50" (see money),
// "≥$120.00" for an unknown amount with a known part, or "unknown"; "*"
// marks a figure that rests on an unverified or estimated price.
func (a Amount) String() string {
	s := "unknown"
	switch {
	case a.Known:
		s = money(a.Value)
	case a.Part.IsPositive():
		s = "≥" + money(a.Part)
	}
	if a.Flagged {
		s += "*"
	}
	return s
}

// plus adds two displayed amounts; unknown when either is.
func (a Amount) plus(b Amount) Amount {
	s := Amount{Value: a.Value.Add(b.Value), Known: a.Known && b.Known, Flagged: a.Flagged || b.Flagged}
	if !s.Known {
		s.Part = a.known().Value.Add(b.known().Value)
	}
	return s
}

// minus subtracts displayed amounts; unknown when either is.
func (a Amount) minus(b Amount) Amount {
	return Amount{Value: a.Value.Sub(b.Value), Known: a.Known && b.Known, Flagged: a.Flagged || b.Flagged}
}

func (a Amount) times(n int64) Amount {
	a.Value = a.Value.Mul(decimal.NewFromInt(n))
	return a
}

// zeroAmount is a known 0.00, the start of a sum.
var zeroAmount = Amount{Known: true}

// csv is the amount for CSV cells: a plain decimal ("1234.50", with "*"
// when flagged), and "unknown" whatever its known part (spreadsheets read
// the cell as a number or not at all; the JSON carries the known part).
func (a Amount) csv() string {
	s := "unknown"
	if a.Known {
		s = a.Value.StringFixed(2)
	}
	if a.Flagged {
		s += "*"
	}
	return s
}
