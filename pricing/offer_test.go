package pricing

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

const (
	ecsOfferFile = "testdata/bulk/offers/v1.0/aws/AmazonECS/20260911124425/us-east-1/index.json"
	ec2OfferFile = "testdata/bulk/offers/v1.0/aws/AmazonEC2/20261101000000/us-east-1/index.json"
)

func parseFile(t *testing.T, path string, itemOf func(*product) (Item, bool)) *Offer {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	o, err := ParseOffer(bytes.NewReader(data), "us-east-1", itemOf)
	if err != nil {
		t.Fatalf("ParseOffer(%s): %v", path, err)
	}
	return o
}

func wantPrices(t *testing.T, got map[Item]decimal.Decimal, want map[Item]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("got %d prices %v, want %d", len(got), got, len(want))
	}
	for it, w := range want {
		g, ok := got[it]
		if !ok || !g.Equal(decimal.RequireFromString(w)) {
			t.Errorf("%s = %v (found %t), want %s", it, g, ok, w)
		}
	}
}

func TestParseECSOffer(t *testing.T) {
	o := parseFile(t, ecsOfferFile, ECSItem)
	if o.OfferCode != "AmazonECS" || o.Version != "20260911124425" || o.PublicationDate != "2026-09-11T12:44:25Z" {
		t.Errorf("header = %q %q %q", o.OfferCode, o.Version, o.PublicationDate)
	}
	// The ECS-EC2 metering row (price 0) must not be taken for a Fargate price.
	wantPrices(t, o.Prices, map[Item]string{
		FargateVCPU: "0.04048", FargateGB: "0.004445", FargateARMVCPU: "0.03238", FargateARMGB: "0.00356",
		FargateWindowsVCPU: "0.09148", FargateWindowsGB: "0.01005", FargateWindowsOS: "0.046", FargateStorageGB: "0.000111",
	})
}

func TestParseEC2OfferKeepsSharedOnDemandLinuxAndWindows(t *testing.T) {
	o := parseFile(t, ec2OfferFile, EC2Product)
	// The dedicated, SQL and capacity-reservation rows of m5.large are
	// dropped; its Reserved term (an upfront fee) is never read. The
	// refused rows are the subject of TestParseOfferRefusesRows.
	wantPrices(t, o.Prices, map[Item]string{
		EC2Item("m5.large"): "0.096", EC2Item("t3.medium"): "0.0416", EC2Item("m6i.large"): "0.096",
		EC2Item("c7g.medium"): "0.0363", NATHour: "0.045", NATGB: "0.045",
		EC2WindowsItem("m5.large"): "0.188", EC2WindowsItem("m5.2xlarge"): "0.752",
		EC2Item("m5.metal"): "4.608", EC2Item("m5.xlarge"): "0.192", EC2Item("m5.2xlarge"): "0.384",
		EBSGp3GBMonth: "0.08", EBSGp2GBMonth: "0.10",
	})
}

// Nothing in the format promises products come before terms.
func TestParseOfferTermsBeforeProducts(t *testing.T) {
	doc := `{"offerCode":"AmazonEC2","terms":{"OnDemand":{"S1":{"S1.JRTCKXETXF":{"priceDimensions":{"S1.JRTCKXETXF.6YS6EN2CT7":{"unit":"Hrs","beginRange":"0","pricePerUnit":{"USD":"0.0832000000"}}}}}}},
	"products":{"S1":{"sku":"S1","productFamily":"Compute Instance","attributes":{"instanceType":"t3.large","operatingSystem":"Linux","tenancy":"Shared","preInstalledSw":"NA","capacitystatus":"Used","regionCode":"us-east-1"}}}}`
	o, err := ParseOffer(strings.NewReader(doc), "us-east-1", EC2Product)
	if err != nil {
		t.Fatal(err)
	}
	wantPrices(t, o.Prices, map[Item]string{EC2Item("t3.large"): "0.0832"})
}

func TestParseOfferRejectsBrokenFiles(t *testing.T) {
	data, err := os.ReadFile(ec2OfferFile)
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{
		"truncated in products": string(data[:len(data)/3]),
		"truncated in terms":    string(data[:len(data)-40]),
		"not JSON":              "<html>503 Service Unavailable</html>",
		"an array":              "[]",
		"bad price":             `{"products":{"S1":{"productFamily":"Compute Instance","attributes":{"instanceType":"t3.large","operatingSystem":"Linux","tenancy":"Shared","preInstalledSw":"NA","capacitystatus":"Used"}}},"terms":{"OnDemand":{"S1":{"S1.T":{"priceDimensions":{"S1.T.R":{"pricePerUnit":{"USD":"cheap"}}}}}}}}`,
	}
	for name, doc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := ParseOffer(strings.NewReader(doc), "us-east-1", EC2Product)
			if err == nil {
				t.Fatal("want an error")
			}
			if name == "truncated in terms" && !strings.Contains(err.Error(), "truncated") {
				t.Errorf("error %q does not say the file is truncated", err)
			}
		})
	}
}

func TestSuffixMatchingDoesNotConfuseVariants(t *testing.T) {
	for ut, want := range map[string]Item{
		"EU-Fargate-vCPU-Hours:perCPU":              FargateVCPU, // eu-west-1's irregular prefix
		"APN1-Fargate-GB-Hours":                     FargateGB,
		"USE1-Fargate-ARM-GB-Hours":                 FargateARMGB,
		"USE1-Fargate-EphemeralStorage-GB-Hours":    FargateStorageGB,
		"USE1-SpotUsage:Fargate-vCPU-Hours:perCPU":  "",
		"USE1-ECS-EC2-GB-Hours":                     "",
		"USE1-ECS-Anywhere-Instance-hours-WithFree": "",
	} {
		got, ok := ECSItem(&product{Attributes: attributes{UsageType: ut}})
		if got != want || ok != (want != "") {
			t.Errorf("ECSItem(%s) = %q, %t; want %q", ut, got, ok, want)
		}
	}
}
