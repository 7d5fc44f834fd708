package pricing

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/shopspring/decimal"
)

// A row is one priced line of the Price List: a SKU's on-demand price
// dimension (or a Savings Plan rate) that an item was recognised in.
type row struct {
	SKU   string
	Item  Item
	Price decimal.Decimal
	Unit  string
	// Rank orders rows that price the same item: the lowest wins. A bare
	// metal type's Dedicated row (rank 1) stands in only where no Shared
	// row (rank 0) exists; the two differ by design, so they never conflict.
	Rank int
}

// rowSet collects rows into an offer's prices, refusing what cannot be an
// hourly or per-GB price and naming each refusal in the offer's Problems.
type rowSet struct {
	offer *Offer
	best  map[Item]row
	// conflicted items are refused for good: a third row agreeing with
	// one of two conflicting rows does not settle which is right.
	conflicted map[Item]bool
}

func newRowSet(o *Offer) *rowSet {
	return &rowSet{offer: o, best: map[Item]row{}, conflicted: map[Item]bool{}}
}

// add offers one row. A unit that is not hourly or per GB (an "Upfront
// Fee" row is "Quantity") or one that does not fit the item, a zero price,
// and a second row at the same rank with another price are refused.
func (s *rowSet) add(r row) {
	if !unitFits(r.Item, r.Unit) {
		s.problem("SKU %s (%s): unit %q is not an %s unit; row refused", r.SKU, r.Item, r.Unit, wantUnit(r.Item))
		return
	}
	if r.Price.IsZero() {
		s.problem("SKU %s (%s): price is zero; row refused (a missing price is unknown, never zero)", r.SKU, r.Item)
		return
	}
	if s.conflicted[r.Item] {
		return
	}
	old, seen := s.best[r.Item]
	switch {
	case !seen || r.Rank < old.Rank:
		s.best[r.Item] = r
	case r.Rank == old.Rank && !r.Price.Equal(old.Price):
		s.problem("%s: SKU %s prices it %s and SKU %s prices it %s; both refused", r.Item, old.SKU, old.Price, r.SKU, r.Price)
		s.conflicted[r.Item] = true
		delete(s.best, r.Item)
	}
}

func (s *rowSet) problem(format string, args ...any) {
	s.offer.Problems = append(s.offer.Problems, fmt.Sprintf(format, args...))
}

// finish writes the kept rows into the offer's prices and sorts the
// problems, each named once (the API may return a row to two queries).
func (s *rowSet) finish() {
	for it, r := range s.best {
		s.offer.Prices[it] = r.Price
	}
	sort.Strings(s.offer.Problems)
	s.offer.Problems = slices.Compact(s.offer.Problems)
}

// unitFits says whether a Price List unit is one the item is priced in:
// hours for compute and addresses, GB for NAT processing, GB-months for
// EBS volumes. Units are compared without case ("Hrs", "hours").
func unitFits(it Item, unit string) bool {
	u := strings.ToLower(unit)
	switch unitOf(it) {
	case "GB":
		return u == "gb"
	case "GB-month":
		return u == "gb-mo" || u == "gb-month"
	default:
		return u == "hrs" || u == "hours" || u == "hour" || u == "vcpu-hours" || u == "gb-hours"
	}
}

func wantUnit(it Item) string {
	switch unitOf(it) {
	case "GB":
		return "per-GB"
	case "GB-month":
		return "per-GB-month"
	}
	return "hourly"
}
