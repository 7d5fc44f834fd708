package pricegen

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/ecs2fargate/ecs2fargate/pricing"
)

func TestFromKarpenter(t *testing.T) {
	src := `var InitialOnDemandPricesAWS = map[string]map[ec2types.InstanceType]float64{
	// us-east-1
	"us-east-1": {
		// c6g family
		"c6g.12xlarge": 1.632000, "c6g.large": 0.068000,
		"c7a.metal-48xl": 9.853440,
	},
	"us-gov-west-1": {
		"m5.large": 0.121000,
	},
}`
	facts, err := FromKarpenter(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	got := []string{}
	for _, f := range facts {
		got = append(got, f.Region+" "+string(f.Item)+" "+f.Value.String())
	}
	want := "us-east-1 ec2:c6g.12xlarge 1.632|us-east-1 ec2:c6g.large 0.068|us-east-1 ec2:c7a.metal-48xl 9.85344|us-gov-west-1 ec2:m5.large 0.121"
	if strings.Join(got, "|") != want {
		t.Errorf("got %s", strings.Join(got, "|"))
	}
	if _, err := FromKarpenter(strings.NewReader("package pricing\n")); err == nil {
		t.Error("a file without prices must be an error")
	}
}

func TestWindowsFactsSkipStaleRows(t *testing.T) {
	src := "Instance type: m5.2xlarge,\tCPU cores: 8,\tLinux OD cost in us-east-1: 0.384,\tWindows OD cost in us-east-1: 0.752,\tEBS surcharge:  0\n" +
		"Instance type: r5b.metal,\tLinux OD cost in us-east-1: 7.152,\tWindows OD cost in us-east-1: 10.464\n" +
		"Instance type: c6g.large,\tLinux OD cost in us-east-1: 0.068,\tWindows OD cost in us-east-1: 0\n"
	rows, err := FromEC2InstancesSummary(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	linux := map[string]decimal.Decimal{"m5.2xlarge": decimal.RequireFromString("0.384"), "r5b.metal": decimal.RequireFromString("7.8672"),
		"c6g.large": decimal.RequireFromString("0.068")}
	facts, stale := WindowsFacts(rows, "us-east-1", linux)
	if len(facts) != 1 || facts[0].Item != pricing.EC2WindowsItem("m5.2xlarge") || facts[0].Value.String() != "0.752" {
		t.Errorf("facts = %+v", facts)
	}
	if strings.Join(stale, " ") != "r5b.metal" {
		t.Errorf("stale = %v (a repriced type must be left out)", stale)
	}
}

func TestFromSkyPilot(t *testing.T) {
	src := "InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,GpuInfo,Price,SpotPrice,Region,AvailabilityZone\n" +
		"c6g.large,,,2.0,4.0,,0.073,0.033000,eu-west-1,euw1-az1\n" +
		"c6g.large,,,2.0,4.0,,0.073,0.039900,eu-west-1,euw1-az2\n" +
		"g4dn.xlarge,NVIDIA T4,1.0,4.0,16.0,\"{'Gpus': [{'Name': 'T4'}]}\",0.526,0.2,us-east-1,use1-az1\n" +
		"f2.6xlarge,,,24.0,256.0,,,,us-east-1,use1-az1\n"
	facts, err := FromSkyPilot(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(facts) != 2 || facts[0].Value.String() != "0.073" || facts[1].Item != pricing.EC2Item("g4dn.xlarge") {
		t.Errorf("facts = %+v", facts)
	}
	bad := "InstanceType,Price,Region\nc6g.large,0.073,eu-west-1\nc6g.large,0.074,eu-west-1\n"
	if _, err := FromSkyPilot(strings.NewReader(bad)); err == nil || !strings.Contains(err.Error(), "priced 0.073 and 0.074") {
		t.Errorf("disagreeing zones: err = %v", err)
	}
}
