package pricing

import (
	"os"
	"strings"
	"testing"
)

const (
	vpcOfferFile = "testdata/bulk/offers/v1.0/aws/AmazonVPC/20261101000000/us-east-1/index.json"
	spOfferFile  = "testdata/bulk/savingsPlan/v1.0/aws/AWSComputeSavingsPlan/20260925000000/us-east-1/index.json"
)

// The EC2 excerpt holds an Upfront Fee dimension (unit Quantity, $1,161)
// beside m5.2xlarge's hourly one, a zero price for c5.large, two SKUs
// pricing r5.large differently and two agreeing on m5.xlarge, and m5.metal
// listed only under Dedicated tenancy.
func TestParseOfferRefusesRows(t *testing.T) {
	o := parseFile(t, ec2OfferFile, EC2Product)
	for it, want := range map[Item]string{EC2Item("m5.2xlarge"): "0.384", EC2Item("m5.xlarge"): "0.192", EC2Item("m5.metal"): "4.608"} {
		if g := o.Prices[it]; g.String() != want {
			t.Errorf("%s = %s, want %s", it, g, want)
		}
	}
	for _, it := range []Item{EC2Item("c5.large"), EC2Item("r5.large")} {
		if g, ok := o.Prices[it]; ok {
			t.Errorf("%s kept at %s; want it refused", it, g)
		}
	}
	problems := strings.Join(o.Problems, "\n")
	for _, want := range []string{
		`SKU UPFRONTFEE000001 (ec2:m5.2xlarge): unit "Quantity" is not an hourly unit`,
		`SKU ZEROPRICE0000001 (ec2:c5.large): price is zero`,
		`ec2:r5.large: SKU DUPLICATE0000001 prices it 0.126 and SKU DUPLICATE0000002 prices it 0.127; both refused`,
	} {
		if !strings.Contains(problems, want) {
			t.Errorf("problems lack %q:\n%s", want, problems)
		}
	}
	if len(o.Problems) != 3 {
		t.Errorf("%d problems, want 3 (agreeing duplicates and the bare metal row are fine):\n%s", len(o.Problems), problems)
	}
}

func TestBareMetalSharedRowWinsOverDedicated(t *testing.T) {
	doc := `{"products":{
	"D":{"sku":"D","productFamily":"Compute Instance (bare metal)","attributes":{"instanceType":"c5.metal","operatingSystem":"Linux","tenancy":"Dedicated","preInstalledSw":"NA","capacitystatus":"Used"}},
	"S":{"sku":"S","productFamily":"Compute Instance (bare metal)","attributes":{"instanceType":"c5.metal","operatingSystem":"Linux","tenancy":"Shared","preInstalledSw":"NA","capacitystatus":"Used"}},
	"X":{"sku":"X","productFamily":"Compute Instance","attributes":{"instanceType":"c5.large","operatingSystem":"Linux","tenancy":"Dedicated","preInstalledSw":"NA","capacitystatus":"Used"}}},
	"terms":{"OnDemand":{
	"D":{"D.T":{"priceDimensions":{"D.T.R":{"unit":"Hrs","pricePerUnit":{"USD":"4.5"}}}}},
	"S":{"S.T":{"priceDimensions":{"S.T.R":{"unit":"Hrs","pricePerUnit":{"USD":"4.08"}}}}},
	"X":{"X.T":{"priceDimensions":{"X.T.R":{"unit":"Hrs","pricePerUnit":{"USD":"0.094"}}}}}}}}`
	o, err := ParseOffer(strings.NewReader(doc), "us-east-1", EC2Product)
	if err != nil {
		t.Fatal(err)
	}
	// c5.large's Dedicated row is not bare metal: not the shared price.
	wantPrices(t, o.Prices, map[Item]string{EC2Item("c5.metal"): "4.08"})
	if len(o.Problems) != 0 {
		t.Errorf("problems = %v", o.Problems)
	}
}

func TestParseVPCOffer(t *testing.T) {
	o := parseFile(t, vpcOfferFile, VPCItem)
	wantPrices(t, o.Prices, map[Item]string{PublicIPv4Hour: "0.005"})
}

func TestParseSavingsPlanOffer(t *testing.T) {
	f, err := os.Open(spOfferFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	o, err := ParseSavingsPlanOffer(f)
	if err != nil {
		t.Fatal(err)
	}
	if o.Version != "20260925000000" || o.PublicationDate != "2026-09-25T00:00:00Z" {
		t.Errorf("header = %q %q", o.Version, o.PublicationDate)
	}
	// All Upfront rates are not kept; the Dedicated usage type is not a
	// shared instance hour; the 3-year zero rate of c5.large is refused.
	wantPrices(t, o.Prices, map[Item]string{
		SavingsPlanItem(Term1y, FargateVCPU): "0.032384", SavingsPlanItem(Term1y, FargateGB): "0.003556",
		SavingsPlanItem(Term1y, FargateARMVCPU): "0.0255", SavingsPlanItem(Term1y, FargateARMGB): "0.0028",
		SavingsPlanItem(Term3y, FargateVCPU): "0.022264", SavingsPlanItem(Term3y, FargateGB): "0.00244475",
		SavingsPlanItem(Term3y, FargateARMVCPU): "0.01749", SavingsPlanItem(Term3y, FargateARMGB): "0.00192",
		EC2SavingsPlanItem(Term1y, "m5.large"): "0.0679", EC2WindowsSavingsPlanItem(Term1y, "m5.large"): "0.1599",
		EC2SavingsPlanItem(Term3y, "m5.large"): "0.0459", EC2WindowsSavingsPlanItem(Term3y, "m5.large"): "0.1379",
	})
	if len(o.Problems) != 1 || !strings.Contains(o.Problems[0], "ec2-sp3y:c5.large): price is zero") {
		t.Errorf("problems = %v", o.Problems)
	}
}

func TestParseSavingsPlanOfferRejectsBrokenFiles(t *testing.T) {
	data, err := os.ReadFile(spOfferFile)
	if err != nil {
		t.Fatal(err)
	}
	for name, doc := range map[string]string{
		"truncated": string(data[:len(data)/2]),
		"bad rate":  `{"products":[],"terms":{"savingsPlan":[{"sku":"P","rates":[{"discountedServiceCode":"AmazonEC2","discountedUsageType":"BoxUsage:m5.large","discountedOperation":"RunInstances","discountedRate":{"price":"cheap","currency":"USD"}}]}]}}`,
	} {
		if _, err := ParseSavingsPlanOffer(strings.NewReader(doc)); err == nil {
			t.Errorf("%s: want an error", name)
		}
	}
}
