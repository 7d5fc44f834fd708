package reports

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/pricing"
)

// PriceBookRow is one figure of the price book, for `pricing show`.
type PriceBookRow struct {
	Region     string `json:"region"`
	Item       string `json:"item"`
	Price      string `json:"price"`
	Unit       string `json:"unit"`
	Confidence string `json:"confidence"`
	Unverified bool   `json:"unverified"`
	Estimated  bool   `json:"estimated"`
	Source     string `json:"source"`
}

// PriceBookView is what `pricing show` prints: where the book comes from
// and its figures for one region (or a per-region summary).
type PriceBookView struct {
	AsOf    string         `json:"asOf"`
	Source  string         `json:"source"`
	Origin  string         `json:"origin"`
	Regions []string       `json:"regions"`
	Rows    []PriceBookRow `json:"rows"`
}

// RenderPriceBook writes the price book in effect: with a region, every
// figure there with its confidence and source; without, a summary line per
// region. Format is table or json.
func RenderPriceBook(w io.Writer, format string, t *pricing.Table, region string) error {
	v := priceBookView(t, region)
	switch format {
	case "json":
		return writeJSON(w, v)
	case "table":
	default:
		return fmt.Errorf("unknown format %q (want json, table)", format)
	}
	fmt.Fprintf(w, "Price book: %s\nAs of: %s\nLoaded from: %s\n\n", v.Source, v.AsOf, v.Origin)
	if region == "" {
		return priceBookSummary(w, t)
	}
	tb := newTable(w, "ITEM", "USD", "UNIT", "CONFIDENCE", "SOURCE")
	for _, r := range v.Rows {
		conf := r.Confidence
		if r.Unverified {
			conf += " (unverified)"
		} else if r.Estimated {
			conf += " (estimate)"
		}
		if err := tb.Append(r.Item, r.Price, r.Unit, conf, r.Source); err != nil {
			return err
		}
	}
	if err := tb.Render(); err != nil {
		return err
	}
	if err := coverageLine(w, t, region); err != nil {
		return err
	}
	d := t.Defaults()
	_, err := fmt.Fprintf(w, "Where no price is listed: Fargate Spot %s off, Savings Plan 1y %s / 3y %s off, EC2 Spot %s off (estimates); ARM 0.8 × x86.\n",
		pct(d.FargateSpotDiscount.Value.String()), pct(d.SavingsPlan1yDiscount.Value.String()), pct(d.SavingsPlan3yDiscount.Value.String()), pct(d.EC2SpotDiscount.Value.String()))
	return err
}

func priceBookView(t *pricing.Table, region string) PriceBookView {
	a := t.About()
	v := PriceBookView{AsOf: a.AsOf, Source: a.Source, Origin: a.Origin, Regions: t.RegionNames(), Rows: []PriceBookRow{}}
	regions := v.Regions
	if region != "" {
		regions = []string{region}
	}
	for _, r := range regions {
		items := map[pricing.Item]pricing.Entry{}
		for it, e := range t.Global {
			items[it] = e
		}
		for it, e := range t.Regions[r] {
			items[it] = e
		}
		keys := make([]string, 0, len(items))
		for it := range items {
			keys = append(keys, string(it))
		}
		sort.Strings(keys)
		for _, k := range keys {
			e := items[pricing.Item(k)]
			v.Rows = append(v.Rows, PriceBookRow{Region: r, Item: k, Price: e.Value.String(), Unit: e.Unit, Confidence: e.Confidence,
				Unverified: e.Unverified(), Estimated: e.Estimated, Source: t.SourceText(e.Source)})
		}
	}
	return v
}

func priceBookSummary(w io.Writer, t *pricing.Table) error {
	tb := newTable(w, "REGION", "FARGATE vCPU-h", "FARGATE GB-h", "ARM vCPU-h", "WINDOWS", "EC2 TYPES", "UNVERIFIED FIGURES")
	for _, r := range t.RegionNames() {
		get := func(it pricing.Item) string {
			e, ok := t.Entry(r, it)
			if !ok {
				return "-"
			}
			return e.Value.String()
		}
		ec2, unverified := 0, 0
		for it, e := range t.Regions[r] {
			if _, ok := it.InstanceType(); ok {
				ec2++
			}
			if e.Unverified() {
				unverified++
			}
		}
		win := "-"
		if _, ok := t.Entry(r, pricing.FargateWindowsVCPU); ok {
			win = "yes"
		}
		if err := tb.Append(r, get(pricing.FargateVCPU), get(pricing.FargateGB), get(pricing.FargateARMVCPU), win, strconv.Itoa(ec2), strconv.Itoa(unverified)); err != nil {
			return err
		}
	}
	if err := tb.Render(); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w, "Use --region R to list every figure of a region with its source. "+strings.TrimSpace("Missing figures are unknown, never zero."))
	return err
}

// coverageLine says how much of the region's EC2 price list the book
// holds, so a missing type reads as "not embedded" rather than unknown.
func coverageLine(w io.Writer, t *pricing.Table, region string) error {
	c := t.RegionCoverage(region)
	var err error
	switch {
	case c.Complete:
		_, err = fmt.Fprintf(w, "EC2 coverage: every instance type (%d Linux, %d Windows). %s\n", c.EC2Types, c.WindowsTypes, c.Note)
	case c.EC2Types > 0 || c.WindowsTypes > 0:
		_, err = fmt.Fprintf(w, "EC2 coverage: partial (%d Linux, %d Windows types). %s\n", c.EC2Types, c.WindowsTypes, c.Note)
	default:
		_, err = fmt.Fprintf(w, "EC2 coverage: %s's EC2 prices are not embedded; run `ecs2fargate pricing update --region %s`.\n", region, region)
	}
	return err
}
