package pricing

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// Book is a source of prices. Price returns the price of one unit of item
// in region, unknown (with the reason) when the book has none.
type Book interface {
	Price(region string, item Item) Money
	// Defaults are the discounts used where the book has no price.
	Defaults() Defaults
	// About says where the prices come from.
	About() About
}

// About describes a price book for the assumptions line and `pricing show`.
type About struct {
	AsOf   string // date the figures were compiled or fetched
	Source string // e.g. "embedded default" or "AWS Price List bulk API"
	Origin string // where it was loaded from: "embedded", a file path
}

// Defaults are the discounts (fractions off on-demand) the cost model falls
// back to where the book has no specific price. Each is an Entry so that it
// carries its source and shows as an estimate.
type Defaults struct {
	FargateSpotDiscount   Entry `json:"fargateSpotDiscount"`
	SavingsPlan1yDiscount Entry `json:"savingsPlan1yDiscount"`
	SavingsPlan3yDiscount Entry `json:"savingsPlan3yDiscount"`
	EC2SpotDiscount       Entry `json:"ec2SpotDiscount"`
}

// Entry is one figure with its provenance.
type Entry struct {
	Value decimal.Decimal `json:"value"`
	Unit  string          `json:"unit"`
	// Source is a key of Table.Sources, or free text.
	Source string `json:"source"`
	// Confidence is the tag from the pricing reference: A (AWS data),
	// B (AWS data via a third party), C (third party), U (unverified).
	Confidence string `json:"confidence"`
	// Estimated marks a figure derived rather than read (e.g. a region
	// assumed to price like another, or a typical discount).
	Estimated bool `json:"estimated,omitempty"`
}

// Unverified reports whether the figure should be flagged in outputs.
func (e Entry) Unverified() bool { return e.Confidence == "U" }

// money turns an entry into a Money, with a caveat when it is unverified
// or estimated. what names it for the caveat ("fargate-vcpu in us-east-1").
func (e Entry) money(what string) Money {
	m := USD(e.Value)
	switch {
	case e.Unverified():
		m = m.WithCaveat(what + " is unverified")
	case e.Estimated:
		m = m.WithCaveat(what + " is an estimate")
	}
	return m
}

func missingPrice(region string, item Item) Money {
	return UnknownFill(missingReason(region, item), missingFill(region))
}

// missingFill is what fills a price the book lacks.
func missingFill(region string) string {
	return fmt.Sprintf("ecs2fargate pricing update --region %s, or --price-file FILE", region)
}

func missingReason(region string, item Item) string {
	if t, ok := item.InstanceType(); ok {
		return fmt.Sprintf("no price for EC2 instance type %s in %s", t, region)
	}
	if t, ok := item.AnyInstanceType(); ok {
		return fmt.Sprintf("no price for EC2 instance type %s in %s (%s)", t, region, item)
	}
	return fmt.Sprintf("no price for %s in %s", item, region)
}
