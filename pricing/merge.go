package pricing

import (
	"fmt"
	"strings"
	"time"
)

// RegionOffers are the offers fetched for one region.
type RegionOffers struct {
	Region string
	Offers []*Offer
}

// Refreshed returns a copy of base with the fetched regions' figures
// replaced: for each region, every item an offer priced takes the offer's
// price (confidence A, sourced to the offer version), and per-instance-type
// prices the offer no longer lists are dropped. Figures the Price List
// has no rows for (Fargate Spot) stay as they were, with their own sources.
func Refreshed(base *Table, fetched []RegionOffers, via string, now time.Time) *Table {
	t := base.clone()
	day := now.UTC().Format("2006-01-02")
	for _, ro := range fetched {
		region := t.Regions[ro.Region]
		if region == nil {
			region = map[Item]Entry{}
			t.Regions[ro.Region] = region
		}
		for _, o := range ro.Offers {
			key := fmt.Sprintf("%s-%s-%s", strings.ToLower(via), o.OfferCode, ro.Region)
			t.Sources[key] = fmt.Sprintf("AWS Price List %s, %s offer for %s, version %s, published %s, fetched %s",
				via, o.OfferCode, ro.Region, nonEmpty(o.Version, "unknown"), nonEmpty(o.PublicationDate, "unknown"), day)
			// Per-instance-type figures the fresh offer no longer lists
			// are dropped rather than kept stale.
			for it := range region {
				if _, perType := it.AnyInstanceType(); perType && ownedBy(it) == o.OfferCode {
					delete(region, it)
				}
			}
			for it, v := range o.Prices {
				region[it] = Entry{Value: v, Unit: unitOf(it), Source: key, Confidence: "A"}
			}
		}
	}
	// A region read from its offer files holds every type AWS lists.
	for _, ro := range fetched {
		if t.Coverage == nil {
			t.Coverage = map[string]Coverage{}
		}
		c := t.Coverage[ro.Region]
		for _, o := range ro.Offers {
			if o.OfferCode == "AmazonEC2" {
				c.Complete, c.Note = true, "every type of the AmazonEC2 offer "+nonEmpty(o.Version, "")
			}
		}
		t.Coverage[ro.Region] = c
	}
	t.RecountCoverage()
	// The book's date becomes the fetch day, but only some figures are
	// that fresh: the source says which, and how old the rest may be.
	regions := make([]string, 0, len(fetched))
	for _, ro := range fetched {
		regions = append(regions, ro.Region)
	}
	t.Source = fmt.Sprintf("AWS Price List %s (fetched %s) for the on-demand Fargate, EC2, EBS, NAT and public IPv4 prices and the Compute Savings Plan rates of %s; "+
		"Fargate Spot and other regions' figures kept from the book it refreshed (as of %s)",
		via, day, strings.Join(regions, ", "), base.AsOf)
	t.AsOf = day
	t.origin = ""
	return t
}

// ownedBy names the offer that prices a per-instance-type item.
func ownedBy(it Item) string {
	s := string(it)
	if strings.HasPrefix(s, "ec2-sp") || strings.HasPrefix(s, "ec2-windows-sp") {
		return "AWSComputeSavingsPlan"
	}
	return "AmazonEC2"
}

// UnitOf is the unit an item is priced in: "vCPU-hour", "GB-hour", "GB",
// "GB-month" or "hour".
func UnitOf(it Item) string { return unitOf(it) }

func unitOf(it Item) string {
	switch {
	case it == EBSGp3GBMonth, it == EBSGp2GBMonth:
		return "GB-month"
	case strings.HasSuffix(string(it), "-vcpu"), it == FargateWindowsOS:
		return "vCPU-hour"
	case strings.HasSuffix(string(it), "-gb") && it != NATGB:
		return "GB-hour"
	case it == NATGB:
		return "GB"
	}
	return "hour"
}

// Clone returns a deep copy of the book.
func (t *Table) Clone() *Table { return t.clone() }

// clone deep-copies the maps so the base is never modified.
func (t *Table) clone() *Table {
	c := *t
	c.Sources = make(map[string]string, len(t.Sources))
	for k, v := range t.Sources {
		c.Sources[k] = v
	}
	c.Global = make(map[Item]Entry, len(t.Global))
	for k, v := range t.Global {
		c.Global[k] = v
	}
	c.Coverage = make(map[string]Coverage, len(t.Coverage))
	for k, v := range t.Coverage {
		c.Coverage[k] = v
	}
	c.Regions = make(map[string]map[Item]Entry, len(t.Regions))
	for r, items := range t.Regions {
		m := make(map[Item]Entry, len(items))
		for k, v := range items {
			m[k] = v
		}
		c.Regions[r] = m
	}
	return &c
}
