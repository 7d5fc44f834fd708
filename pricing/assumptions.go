package pricing

import (
	"sort"

	"github.com/shopspring/decimal"
)

// Assumptions are everything a reader needs to reproduce the figures.
type Assumptions struct {
	PriceAsOf, PriceSource, PriceOrigin string
	Regions                             []string
	HoursPerMonth                       decimal.Decimal
	// SpotShare is --spot-share; nil when each cluster's Spot-suitable
	// services use the share of its capacity on EC2 Spot hosts.
	SpotShare             *decimal.Decimal
	FargateSpotDiscount   decimal.Decimal // default where no Spot price is known
	SavingsPlan1yDiscount decimal.Decimal // default where no rate is known
	SavingsPlan3yDiscount decimal.Decimal
	// EC2Discount is the --ec2-discount override; nil when hosts are
	// priced by EC2Commitment and each option's commitment.
	EC2Discount            *decimal.Decimal
	EC2Commitment          Commitment
	EC2SpotDiscount        decimal.Decimal
	EC2SpotDiscountDefault bool // true when the book's estimate was used
	// CPUWeight is the --cpu-weight override; nil when each cluster uses
	// its region's Fargate vCPU:GB price ratio.
	CPUWeight          *decimal.Decimal
	MemoryHeadroom     int
	TaskStartsPerMonth int
	// Caveats lists every unverified or estimated figure the results use.
	Caveats []string
}

func (m *model) assumptions() Assumptions {
	d := m.book.Defaults()
	about := m.book.About()
	a := Assumptions{
		PriceAsOf: about.AsOf, PriceSource: about.Source, PriceOrigin: about.Origin,
		HoursPerMonth: m.hours, SpotShare: m.o.SpotShare,
		FargateSpotDiscount:   d.FargateSpotDiscount.Value,
		SavingsPlan1yDiscount: d.SavingsPlan1yDiscount.Value,
		SavingsPlan3yDiscount: d.SavingsPlan3yDiscount.Value,
		EC2Discount:           m.o.EC2Discount, EC2Commitment: m.o.EC2Commitment,
		EC2SpotDiscount: d.EC2SpotDiscount.Value, EC2SpotDiscountDefault: true,
		CPUWeight: m.o.CPUWeight, MemoryHeadroom: m.o.MemoryHeadroom, TaskStartsPerMonth: m.o.TaskStartsPerMonth,
	}
	a.FargateSpotDiscount = m.spotDiscount().Value
	if m.o.EC2SpotDiscount != nil {
		a.EC2SpotDiscount, a.EC2SpotDiscountDefault = *m.o.EC2SpotDiscount, false
	}
	for r := range m.regions {
		a.Regions = append(a.Regions, r)
	}
	sort.Strings(a.Regions)
	a.Caveats = m.caveats
	return a
}
