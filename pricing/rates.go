package pricing

import (
	"fmt"

	"github.com/shopspring/decimal"
)

var (
	one       = decimal.NewFromInt(1)
	armFactor = decimal.RequireFromString("0.8")
)

// Platform is what a Fargate task runs on, which decides its rates.
type Platform string

// Fargate platforms.
const (
	LinuxX86 Platform = "linux/x86"
	LinuxARM Platform = "linux/arm64"
	Windows  Platform = "windows/x86"
)

// Rates are the per-hour Fargate prices for one platform and purchase
// option: per vCPU (Windows: plus the OS licence), per GB of memory, per GB
// of ephemeral storage above the free 20 GB.
type Rates struct {
	VCPU, GB, Storage Money
}

// OnDemandRates are the Fargate on-demand rates of a platform in a region.
// ARM rates missing from the book are estimated as 0.8 × x86 (the ratio
// that holds in us-east-1, eu-central-1 and Sydney), flagged as estimates.
func OnDemandRates(b Book, region string, p Platform) Rates {
	storage := b.Price(region, FargateStorageGB)
	switch p {
	case Windows:
		vcpu := b.Price(region, FargateWindowsVCPU).Add(b.Price(region, FargateWindowsOS))
		return Rates{VCPU: vcpu, GB: b.Price(region, FargateWindowsGB), Storage: storage}
	case LinuxARM:
		return Rates{VCPU: armOr(b, region, FargateARMVCPU, FargateVCPU), GB: armOr(b, region, FargateARMGB, FargateGB), Storage: storage}
	default:
		return Rates{VCPU: b.Price(region, FargateVCPU), GB: b.Price(region, FargateGB), Storage: storage}
	}
}

func armOr(b Book, region string, arm, x86 Item) Money {
	if m := b.Price(region, arm); m.Known() {
		return m
	}
	m := b.Price(region, x86)
	if !m.Known() {
		return m
	}
	return m.Mul(armFactor).WithCaveat(fmt.Sprintf("%s in %s is an estimate (0.8 × x86)", arm, region))
}

// SpotRates are the Fargate Spot rates: the book's Spot price where it has
// one, else on-demand less the default Spot discount (an estimate). Windows
// has no Spot; its rates are unknown.
func SpotRates(b Book, region string, p Platform, discount Entry) Rates {
	if p == Windows {
		r := Unknown("Fargate Spot does not run Windows tasks")
		return Rates{VCPU: r, GB: r, Storage: r}
	}
	od := OnDemandRates(b, region, p)
	vItem, gItem := FargateSpotVCPU, FargateSpotGB
	if p == LinuxARM {
		vItem, gItem = FargateSpotARMVCPU, FargateSpotARMGB
	}
	return Rates{
		VCPU:    spotOr(b, region, vItem, od.VCPU, discount),
		GB:      spotOr(b, region, gItem, od.GB, discount),
		Storage: od.Storage, // Spot discounts compute, not storage
	}
}

func spotOr(b Book, region string, item Item, onDemand Money, discount Entry) Money {
	if m := b.Price(region, item); m.Known() {
		return m
	}
	return discounted(onDemand, discount, fmt.Sprintf("%s in %s", item, region))
}

// SavingsPlanRates are the Compute Savings Plan (No Upfront) rates: the
// book's rate where it has one, else on-demand less the term's default
// discount (an estimate). Savings Plans do not cover ephemeral storage, and
// the book has no Windows rates, so Windows is unknown.
func SavingsPlanRates(b Book, region string, p Platform, t Term) Rates {
	if p == Windows {
		r := UnknownFill("no Compute Savings Plan rate for Fargate Windows in the price book", "--price-file FILE with fargate-sp1y|sp3y-windows rates")
		return Rates{VCPU: r, GB: r, Storage: r}
	}
	od := OnDemandRates(b, region, p)
	vItem, gItem := FargateVCPU, FargateGB
	if p == LinuxARM {
		vItem, gItem = FargateARMVCPU, FargateARMGB
	}
	disc := b.Defaults().SavingsPlan1yDiscount
	if t == Term3y {
		disc = b.Defaults().SavingsPlan3yDiscount
	}
	spOr := func(item Item, onDemand Money) Money {
		si := SavingsPlanItem(t, item)
		if m := b.Price(region, si); m.Known() {
			return m
		}
		return discounted(onDemand, disc, fmt.Sprintf("%s in %s", si, region))
	}
	return Rates{VCPU: spOr(vItem, od.VCPU), GB: spOr(gItem, od.GB), Storage: od.Storage}
}

// discounted applies a fractional discount, flagging the result as an
// estimate named after what it stands in for.
func discounted(m Money, discount Entry, what string) Money {
	if !m.Known() {
		return m
	}
	pct := discount.Value.Mul(decimal.NewFromInt(100))
	return m.Mul(one.Sub(discount.Value)).WithCaveat(fmt.Sprintf("%s is an estimate (%s%% off on-demand)", what, pct.String()))
}
