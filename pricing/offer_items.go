package pricing

import "strings"

// fargateSuffixes maps AmazonECS usage-type suffixes to items. Matching the
// suffix, not the region prefix, is deliberate: prefixes are irregular
// ("EU-" for eu-west-1), and the qualifier of the ARM, Windows and storage
// variants sits in the middle, so "Fargate-GB-Hours" matches only x86.
var fargateSuffixes = []struct {
	suffix string
	item   Item
}{
	{"Fargate-vCPU-Hours:perCPU", FargateVCPU},
	{"Fargate-GB-Hours", FargateGB},
	{"Fargate-ARM-vCPU-Hours:perCPU", FargateARMVCPU},
	{"Fargate-ARM-GB-Hours", FargateARMGB},
	{"Fargate-Windows-vCPU-Hours:perCPU", FargateWindowsVCPU},
	{"Fargate-Windows-GB-Hours", FargateWindowsGB},
	{"Fargate-Windows-OS-Hours:perCPU", FargateWindowsOS},
	{"Fargate-EphemeralStorage-GB-Hours", FargateStorageGB},
}

// ECSItem recognises the AmazonECS products the price book keeps: Fargate
// on-demand compute and storage. Spot usage types (seen once in a fixture,
// unverified) are left out rather than mistaken for on-demand.
func ECSItem(p *product) (Item, bool) {
	ut := p.Attributes.UsageType
	if strings.Contains(ut, "Spot") {
		return "", false
	}
	for _, s := range fargateSuffixes {
		if strings.HasSuffix(ut, s.suffix) {
			return s.item, true
		}
	}
	return "", false
}

// EC2Product recognises the AmazonEC2 products the price book keeps: the
// on-demand Linux price per instance type (the filters Karpenter uses:
// Compute Instance, Linux, Shared, no pre-installed software, capacity
// status Used, no licence, on-demand) and the NAT gateway prices.
func EC2Product(p *product) (Item, bool) {
	a := p.Attributes
	switch {
	case p.ProductFamily == "NAT Gateway" && strings.HasSuffix(a.UsageType, "NatGateway-Hours"):
		return NATHour, true
	case p.ProductFamily == "NAT Gateway" && strings.HasSuffix(a.UsageType, "NatGateway-Bytes"):
		return NATGB, true
	case p.ProductFamily != "Compute Instance" && p.ProductFamily != "Compute Instance (bare metal)":
		return "", false
	}
	ok := a.InstanceType != "" && a.OperatingSystem == "Linux" && a.Tenancy == "Shared" &&
		a.PreInstalledSw == "NA" && a.CapacityStatus == "Used" &&
		(a.LicenseModel == "" || a.LicenseModel == "No License required") &&
		(a.MarketOption == "" || a.MarketOption == "OnDemand")
	if !ok {
		return "", false
	}
	return EC2Item(a.InstanceType), true
}
