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
// on-demand price per instance type on Linux and on Windows with the
// licence included (the filters Karpenter uses: Compute Instance, Shared
// tenancy, no pre-installed software, capacity status Used, no licence to
// bring, on-demand), bare metal types' Dedicated rows (a bare metal
// instance is a whole host; its Shared row wins where both exist), the
// NAT gateway prices and the gp3 and gp2 volume prices.
func EC2Product(p *product) (Item, bool) {
	a := p.Attributes
	switch {
	case p.ProductFamily == "NAT Gateway" && strings.HasSuffix(a.UsageType, "NatGateway-Hours"):
		return NATHour, true
	case p.ProductFamily == "NAT Gateway" && strings.HasSuffix(a.UsageType, "NatGateway-Bytes"):
		return NATGB, true
	case p.ProductFamily == "Storage" && a.VolumeAPIName == "gp3" && strings.Contains(a.UsageType, "VolumeUsage"):
		return EBSGp3GBMonth, true
	case p.ProductFamily == "Storage" && a.VolumeAPIName == "gp2" && strings.Contains(a.UsageType, "VolumeUsage"):
		return EBSGp2GBMonth, true
	case p.ProductFamily != "Compute Instance" && p.ProductFamily != "Compute Instance (bare metal)":
		return "", false
	}
	ok := a.InstanceType != "" && tenancyKept(p) &&
		a.PreInstalledSw == "NA" && a.CapacityStatus == "Used" &&
		(a.LicenseModel == "" || a.LicenseModel == "No License required") &&
		(a.MarketOption == "" || a.MarketOption == "OnDemand")
	switch {
	case !ok:
		return "", false
	case a.OperatingSystem == "Linux":
		return EC2Item(a.InstanceType), true
	case a.OperatingSystem == "Windows":
		return EC2WindowsItem(a.InstanceType), true
	}
	return "", false
}

// tenancyKept keeps Shared rows, and Dedicated rows of bare metal types
// (some are listed only under Dedicated tenancy).
func tenancyKept(p *product) bool {
	switch p.Attributes.Tenancy {
	case "Shared":
		return true
	case "Dedicated":
		return p.ProductFamily == "Compute Instance (bare metal)" || strings.Contains(p.Attributes.InstanceType, ".metal")
	}
	return false
}

// VPCItem recognises the AmazonVPC product the price book keeps: the
// public IPv4 address in use, per hour (usage type "<prefix>-PublicIPv4:
// InUseAddress"; idle addresses are charged the same rate).
func VPCItem(p *product) (Item, bool) {
	if strings.HasSuffix(p.Attributes.UsageType, "PublicIPv4:InUseAddress") {
		return PublicIPv4Hour, true
	}
	return "", false
}
