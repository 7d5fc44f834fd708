package reports

import (
	"strings"

	"github.com/shopspring/decimal"
)

// money is the one way human formats (terminal tables, Markdown, HTML)
// show an amount of money: a dollar sign, thousands separators and two
// places ("$1,234.50", "-$18.20"). JSON and CSV keep plain decimal
// strings ("1234.50"), which programs and spreadsheets read as numbers.
func money(d decimal.Decimal) string {
	s := d.StringFixed(2)
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, cents, _ := strings.Cut(s, ".")
	return sign + "$" + groupThousands(whole) + "." + cents
}

// groupThousands puts a comma between each group of three digits.
func groupThousands(digits string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	head := len(digits) % 3
	if head > 0 {
		b.WriteString(digits[:head])
	}
	for i := head; i < len(digits); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}
