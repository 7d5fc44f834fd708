package pricing

import "fmt"

// Coverage says how much of a region's EC2 price list the book holds, so
// a missing instance type reads as "not embedded, fill it with pricing
// update" rather than as an unknown type.
type Coverage struct {
	// EC2Types and WindowsTypes count the instance types priced on Linux
	// and on Windows (on-demand).
	EC2Types     int `json:"ec2Types"`
	WindowsTypes int `json:"windowsTypes"`
	// Complete is set when the Linux figures are every instance type the
	// source listed for the region (a Price List offer file, or a table
	// generated from one); partial regions name what they hold in Note.
	Complete bool   `json:"complete"`
	Note     string `json:"note,omitempty"`
}

// RegionCoverage returns what the book holds of region's EC2 prices; a
// region with no entry has none embedded.
func (t *Table) RegionCoverage(region string) Coverage {
	return t.Coverage[region]
}

// RecountCoverage recounts the priced instance types of every region,
// keeping the Complete flag and note each region was given.
func (t *Table) RecountCoverage() {
	if t.Coverage == nil {
		t.Coverage = map[string]Coverage{}
	}
	for r, items := range t.Regions {
		c := t.Coverage[r]
		c.EC2Types, c.WindowsTypes = 0, 0
		for it := range items {
			switch {
			case isPrefixed(it, "ec2:"):
				c.EC2Types++
			case isPrefixed(it, "ec2-windows:"):
				c.WindowsTypes++
			}
		}
		if c.EC2Types == 0 && c.WindowsTypes == 0 && !c.Complete && c.Note == "" {
			delete(t.Coverage, r)
			continue
		}
		t.Coverage[r] = c
	}
}

func isPrefixed(it Item, prefix string) bool {
	return len(it) > len(prefix) && string(it[:len(prefix)]) == prefix
}

// notEmbeddedHint is the advice beside a missing per-instance-type price
// of a region whose EC2 prices are not all in the book.
func (t *Table) notEmbeddedHint(region string) string {
	c, ok := t.Coverage[region]
	switch {
	case ok && c.Complete:
		return ""
	case ok && c.EC2Types > 0:
		return fmt.Sprintf(" (the book holds %d EC2 types of %s, not all; run `ecs2fargate pricing update --region %s`)", c.EC2Types, region, region)
	}
	return fmt.Sprintf(" (%s's EC2 prices are not embedded; run `ecs2fargate pricing update --region %s`)", region, region)
}
