package reports

import (
	"testing"

	"github.com/shopspring/decimal"
)

func TestMoneyHasSignAndThousands(t *testing.T) {
	for in, want := range map[string]string{
		"0": "$0.00", "5.5": "$5.50", "999.994": "$999.99", "1000": "$1,000.00", "299213.52": "$299,213.52",
		"1234567.891": "$1,234,567.89", "-18.2": "-$18.20", "-123456": "-$123,456.00", "100000": "$100,000.00",
	} {
		if got := money(decimal.RequireFromString(in)); got != want {
			t.Errorf("money(%s) = %q, want %q", in, got, want)
		}
	}
}

// TestAmountHumanAndMachineForms holds the split: human formats get the
// currency sign and separators, CSV and JSON plain decimals.
func TestAmountHumanAndMachineForms(t *testing.T) {
	a := Amount{Value: decimal.RequireFromString("299213.52"), Known: true, Flagged: true}
	if got := a.String(); got != "$299,213.52*" {
		t.Errorf("String() = %q", got)
	}
	if got := a.csv(); got != "299213.52*" {
		t.Errorf("csv() = %q", got)
	}
	if got := plainAmount(a); got != "299213.52" {
		t.Errorf("plainAmount = %q", got)
	}
	if b, _ := a.MarshalJSON(); string(b) != `"299213.52"` {
		t.Errorf("JSON = %s", b)
	}
	part := Amount{Part: decimal.RequireFromString("1500")}
	if got, c := part.String(), part.csv(); got != "≥$1,500.00" || c != "unknown" {
		t.Errorf("unknown with a known part: String %q, csv %q", got, c)
	}
}
