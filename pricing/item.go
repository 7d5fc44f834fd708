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

// InstanceType returns the instance type of an EC2 item; ok is false for
// other items.
func (i Item) InstanceType() (string, bool) { return strings.CutPrefix(string(i), "ec2:") }

// EC2SavingsPlanItem is the Compute Savings Plan (No Upfront) hourly rate
// of a Linux EC2 instance type, e.g. "ec2-sp1y:m5.large". The embedded book
// may not hold it: Price is then unknown, never an estimate.
func EC2SavingsPlanItem(t Term, instanceType string) Item {
	return Item("ec2-" + string(t) + ":" + instanceType)
}

// EBSItem is the price of one GB-month of an EBS volume type, e.g.
// "ebs-gp3-gb-month" (https://aws.amazon.com/ebs/pricing/).
func EBSItem(volumeType string) Item { return Item("ebs-" + volumeType + "-gb-month") }
