package pricing

import "strings"

// Item names one priced thing in a region, e.g. the Fargate Linux/x86 vCPU
// hour or one EC2 instance type's on-demand hour.
type Item string

// The items the cost model reads. Fargate rates are per vCPU-hour or per
// GB-hour; storage is per GB-hour above the free 20 GB; NAT is per gateway
// hour and per GB processed; public IPv4 per address-hour.
const (
	FargateVCPU        Item = "fargate-vcpu"
	FargateGB          Item = "fargate-gb"
	FargateARMVCPU     Item = "fargate-arm-vcpu"
	FargateARMGB       Item = "fargate-arm-gb"
	FargateWindowsVCPU Item = "fargate-windows-vcpu"
	FargateWindowsGB   Item = "fargate-windows-gb"
	FargateWindowsOS   Item = "fargate-windows-os"
	FargateStorageGB   Item = "fargate-storage-gb"
	FargateSpotVCPU    Item = "fargate-spot-vcpu"
	FargateSpotGB      Item = "fargate-spot-gb"
	FargateSpotARMVCPU Item = "fargate-spot-arm-vcpu"
	FargateSpotARMGB   Item = "fargate-spot-arm-gb"
	PublicIPv4Hour     Item = "public-ipv4-hour"
	NATHour            Item = "nat-hour"
	NATGB              Item = "nat-gb"
	// EBSGp3GBMonth and EBSGp2GBMonth are the EBS volume prices per
	// GB-month (AmazonEC2 "Storage" rows, volumeApiName gp3 and gp2).
	EBSGp3GBMonth Item = "ebs-gp3-gb-month"
	EBSGp2GBMonth Item = "ebs-gp2-gb-month"
)

// Term is a Compute Savings Plan term.
type Term string

// The Savings Plan terms priced (No Upfront).
const (
	Term1y Term = "sp1y"
	Term3y Term = "sp3y"
)

// SavingsPlanItem is the Savings Plan rate for an on-demand Fargate item
// (x86 or ARM vCPU or GB), e.g. "fargate-sp1y-vcpu".
func SavingsPlanItem(t Term, onDemand Item) Item {
	return Item("fargate-" + string(t) + "-" + strings.TrimPrefix(string(onDemand), "fargate-"))
}

// EC2Item is the on-demand Linux hourly price of an EC2 instance type.
func EC2Item(instanceType string) Item { return Item("ec2:" + instanceType) }

// EC2WindowsItem is the on-demand hourly price of an EC2 instance type
// running Windows Server with the licence included (the Price List's
// Windows, "No License required", no pre-installed software rows).
func EC2WindowsItem(instanceType string) Item { return Item("ec2-windows:" + instanceType) }

// EC2SavingsPlanItem is the Compute Savings Plan (No Upfront) hourly rate
// of an EC2 instance type running Linux, e.g. "ec2-sp1y:m5.large".
func EC2SavingsPlanItem(t Term, instanceType string) Item {
	return Item("ec2-" + string(t) + ":" + instanceType)
}

// EC2WindowsSavingsPlanItem is the Compute Savings Plan (No Upfront) hourly
// rate of an EC2 instance type running Windows, licence included.
func EC2WindowsSavingsPlanItem(t Term, instanceType string) Item {
	return Item("ec2-windows-" + string(t) + ":" + instanceType)
}

// InstanceType returns the instance type of an EC2 Linux on-demand item;
// ok is false for other items.
func (i Item) InstanceType() (string, bool) { return strings.CutPrefix(string(i), "ec2:") }

// AnyInstanceType returns the instance type of any per-instance-type EC2
// item (Linux, Windows, Savings Plan), for messages and coverage counts.
func (i Item) AnyInstanceType() (string, bool) {
	if !strings.HasPrefix(string(i), "ec2") {
		return "", false
	}
	_, t, ok := strings.Cut(string(i), ":")
	return t, ok
}
