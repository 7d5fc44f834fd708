package pricing

import (
	"sort"
	"strings"

	"github.com/shopspring/decimal"
)

// Money is an amount in USD that may be unknown. An unknown amount keeps
// the reasons it is unknown (e.g. "no EC2 price for x9.large in us-east-1");
// any amount, known or not, keeps the caveats of the prices it was computed
// from (unverified or estimated figures), so outputs can flag them.
type Money struct {
	amount decimal.Decimal
	// notes are the reasons and caveats, nil for a plain known amount:
	// one pointer instead of two slices keeps the dozen amounts of every
	// service's cost small (issue 17). Never mutated once made, so
	// amounts share them freely.
	notes *moneyNotes
}

// moneyNotes are why an amount is unknown and what it rests on, each
// sorted and duplicate-free.
type moneyNotes struct {
	missing, caveats []string
}

// notesOf are the notes of those lists, nil when both are empty.
func notesOf(missing, caveats []string) *moneyNotes {
	if len(missing) == 0 && len(caveats) == 0 {
		return nil
	}
	return &moneyNotes{missing: missing, caveats: caveats}
}

// join is the union of two amounts' notes, reusing either where it holds
// the other (sums add the same few caveats thousands of times).
func (n *moneyNotes) join(o *moneyNotes) *moneyNotes {
	switch {
	case o == nil || n == o:
		return n
	case n == nil:
		return o
	case subset(o.missing, n.missing) && subset(o.caveats, n.caveats):
		return n
	case subset(n.missing, o.missing) && subset(n.caveats, o.caveats):
		return o
	}
	return &moneyNotes{missing: union(n.missing, o.missing), caveats: union(n.caveats, o.caveats)}
}

// USD is a known amount.
func USD(d decimal.Decimal) Money { return Money{amount: d} }

// Unknown is an amount that cannot be computed, for the given reason.
func Unknown(reason string) Money { return Money{notes: notesOf([]string{reason}, nil)} }

// fillMark separates what is missing from the command or input that
// fills it, inside an unknown amount's reason.
const fillMark = " (to fill: "

// UnknownFill is an amount that cannot be computed, for the given reason,
// with the command or input that would fill it ("ecs2fargate pricing update
// --region eu-west-1", "add aws ec2 describe-instances output").
func UnknownFill(reason, fill string) Money { return Unknown(reason + fillMark + fill + ")") }

// SplitReason splits an unknown amount's reason into what is missing and
// what fills it ("" when the reason names nothing).
func SplitReason(reason string) (what, fill string) {
	if i := strings.Index(reason, fillMark); i >= 0 && strings.HasSuffix(reason, ")") {
		return reason[:i], reason[i+len(fillMark) : len(reason)-1]
	}
	return reason, ""
}

// Zero is a known zero amount.
var Zero = Money{}

// Known reports whether the amount could be computed.
func (m Money) Known() bool { return m.notes == nil || len(m.notes.missing) == 0 }

// Amount is the exact amount; zero when unknown (check Known first).
func (m Money) Amount() decimal.Decimal {
	if !m.Known() {
		return decimal.Zero
	}
	return m.amount
}

// KnownPart is the sum of the parts of m that are known: the amount when m
// is known, else what its known terms add up to (shown beside the unknown
// parts, never as the total).
func (m Money) KnownPart() decimal.Decimal { return m.amount }

// Missing lists why the amount is unknown, sorted; empty when known.
func (m Money) Missing() []string {
	if m.notes == nil {
		return nil
	}
	return m.notes.missing
}

// Caveats lists the unverified or estimated figures the amount rests on.
func (m Money) Caveats() []string {
	if m.notes == nil {
		return nil
	}
	return m.notes.caveats
}

// WithCaveat returns m noting that it rests on an unverified or estimated figure.
func (m Money) WithCaveat(c string) Money {
	m.notes = m.notes.join(notesOf(nil, []string{c}))
	return m
}

// Add returns m + o; unknown when either is, with both sets of reasons.
func (m Money) Add(o Money) Money {
	return Money{amount: m.amount.Add(o.amount), notes: m.notes.join(o.notes)}
}

// Sub returns m − o; unknown when either is.
func (m Money) Sub(o Money) Money {
	return Money{amount: m.amount.Sub(o.amount), notes: m.notes.join(o.notes)}
}

// Mul scales m by a quantity (hours, vCPUs, a share).
func (m Money) Mul(q decimal.Decimal) Money {
	return Money{amount: m.amount.Mul(q), notes: m.notes}
}

// Div divides m by a quantity (a period, a count).
func (m Money) Div(q decimal.Decimal) Money {
	return Money{amount: m.amount.Div(q), notes: m.notes}
}

// Sum adds amounts; the empty sum is a known zero.
func Sum(ms ...Money) Money {
	total := Zero
	for _, m := range ms {
		total = total.Add(m)
	}
	return total
}

// Notes are the reasons and caveats the sum of ms would carry, without
// adding the amounts: a report row lists them for a dozen amounts, and
// eleven decimal sums a row only to read their notes were a tenth of what
// rendering 100,000 services allocated (issue 17).
func Notes(ms ...Money) (missing, caveats []string) {
	var n *moneyNotes
	for _, m := range ms {
		n = n.join(m.notes)
	}
	if n == nil {
		return nil, nil
	}
	return n.missing, n.caveats
}

// union merges two sorted, duplicate-free lists without touching either
// (Money values are shared freely, so their slices must never be mutated).
func union(a, b []string) []string {
	switch {
	case len(b) == 0, subset(b, a):
		return a
	case len(a) == 0, subset(a, b):
		return b
	}
	out := make([]string, 0, len(a)+len(b))
	out = append(out, a...)
	for _, s := range b {
		i := sort.SearchStrings(out, s)
		if i < len(out) && out[i] == s {
			continue
		}
		out = append(out, "")
		copy(out[i+1:], out[i:])
		out[i] = s
	}
	return out
}

// subset reports whether every string of sorted list a is in sorted list
// b. Sums add the same few caveats thousands of times: this spares them a
// new list each time.
func subset(a, b []string) bool {
	if len(a) > len(b) {
		return false
	}
	j := 0
	for _, s := range a {
		for j < len(b) && b[j] < s {
			j++
		}
		if j == len(b) || b[j] != s {
			return false
		}
		j++
	}
	return true
}
