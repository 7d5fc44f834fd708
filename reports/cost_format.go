package reports

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
)

// costRenderers maps each cost format name to its renderer.
var costRenderers = map[string]func(io.Writer, *Cost) error{
	"table":    renderCostTable,
	"json":     renderCostJSON,
	"jsonl":    renderCostJSONLines,
	"markdown": renderCostMarkdown,
	"csv":      renderCostCSV,
}

// CostFormats lists the formats RenderCost accepts.
func CostFormats() []string { return slices.Sorted(maps.Keys(costRenderers)) }

// RenderCost writes the cost report in the named format.
func RenderCost(w io.Writer, format string, c *Cost) error {
	return renderAs(costRenderers, w, format, c)
}

// FooterLine is the one line every cost table ends with: the price date
// and book, regions, hours and currency, and where the rest is listed.
func (c *Cost) FooterLine() string {
	a := c.Assumptions
	book := "price book " + a.PriceFile
	if a.PriceFile == "embedded" {
		book = "embedded price book"
	}
	regions := strings.Join(a.Regions, ", ")
	if regions == "" {
		regions = "no region known"
	}
	line := fmt.Sprintf("Assumptions: prices as of %s (%s); %s; %s h/month; USD, no tax", a.PriceDate, book, regions, a.HoursPerMonth)
	if len(a.Caveats) > 0 {
		line += "; * = rests on an unverified or estimated price"
	}
	return line + "; all assumptions on the last line"
}

// AssumptionsLine closes every cost output: where the prices come from and
// every assumption behind the figures.
func (c *Cost) AssumptionsLine() string {
	a := c.Assumptions
	regions := strings.Join(a.Regions, ", ")
	if regions == "" {
		regions = "none known"
	}
	ec2Spot := pct(a.EC2SpotDiscount)
	if a.EC2SpotDiscount != "" {
		ec2Spot += " off"
	}
	weight := "region's Fargate vCPU:GB price ratio"
	if a.CPUWeight != "region" {
		weight = a.CPUWeight + " GB per vCPU"
	}
	spot := "of each cluster's capacity on EC2 Spot hosts"
	if a.SpotShare != "hosts" {
		spot = pct(a.SpotShare)
	}
	ec2 := "EC2 commitment " + a.EC2Commitment + "; EC2 Savings Plan columns at the EC2 Compute Savings Plan rates"
	if a.EC2Discount != "none" {
		ec2 = "EC2 discount " + pct(a.EC2Discount) + " on every option (override)"
	}
	line := fmt.Sprintf("Assumptions: prices as of %s from %s (%s); region %s; %s h/month; Spot share %s (Spot-suitable services only); "+
		"Fargate Spot %s off where no Spot price is known (estimate); Fargate Savings Plan 1y %s / 3y %s off where no rate is known; "+
		"%s; EC2 Spot %s; cost split by cpu weight = %s; memory headroom %d%%; USD, no tax",
		a.PriceDate, a.PriceSource, a.PriceFile, regions, a.HoursPerMonth, spot,
		pct(a.FargateSpotDiscount), pct(a.SavingsPlan1yDiscount), pct(a.SavingsPlan3yDiscount),
		ec2, ec2Spot, weight, a.MemoryHeadroomPercent)
	if len(a.Caveats) > 0 {
		line += fmt.Sprintf("; * = rests on %d unverified or estimated price(s), each listed in this output", len(a.Caveats))
	}
	return line
}

// pct shows a fraction string ("0.7") as a percentage ("70%").
func pct(fraction string) string {
	d, err := parseDecimal(fraction)
	if err != nil {
		return fraction
	}
	return d.Mul(hundredDec).String() + "%"
}
