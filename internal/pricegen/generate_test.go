package pricegen

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/pricing"
)

// The committed book is exactly what the generator makes of the committed
// sources: `go generate ./pricing` after editing a source, never a hand edit.
func TestEmbeddedBookIsGenerated(t *testing.T) {
	s, err := LoadSources("../../pricing/data/sources")
	if err != nil {
		t.Fatal(err)
	}
	book, err := Generate(s)
	if err != nil {
		t.Fatal(err)
	}
	book.CompactInstanceTables()
	got, err := book.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../pricing/data/default.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("pricing/data/default.json differs from the generator's output: run go generate ./pricing")
	}
}

const testBase = `{"schemaVersion": 1, "asOf": "2026-11-01", "source": "test", "currency": "USD",
 "sources": {"s1": "first table", "s2": "second table", "base": "by hand"},
 "global": {}, "defaults": {"fargateSpotDiscount": {"value": "0.7", "unit": "fraction", "source": "base", "confidence": "C"},
  "savingsPlan1yDiscount": {"value": "0.2", "unit": "fraction", "source": "base", "confidence": "C"},
  "savingsPlan3yDiscount": {"value": "0.45", "unit": "fraction", "source": "base", "confidence": "C"},
  "ec2SpotDiscount": {"value": "0.6", "unit": "fraction", "source": "base", "confidence": "C"}},
 "regions": {"us-east-1": {"fargate-vcpu": {"value": "0.05", "unit": "vCPU-hour", "source": "base", "confidence": "C"}}},
 "coverage": {"us-east-1": {"ec2Types": 0, "windowsTypes": 0, "complete": true, "note": "from s1"}}}`

func writeSources(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		path := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func generate(t *testing.T, files map[string]string) (*pricing.Table, error) {
	t.Helper()
	s, err := LoadSources(writeSources(t, files))
	if err != nil {
		return nil, err
	}
	return Generate(s)
}

func TestGenerateMergesFactsAndPriceListFiles(t *testing.T) {
	ecs, err := os.ReadFile("../../pricing/testdata/bulk/offers/v1.0/aws/AmazonECS/20260911124425/us-east-1/index.json")
	if err != nil {
		t.Fatal(err)
	}
	book, err := generate(t, map[string]string{
		"base.json":                       testBase,
		"facts/s1.csv":                    "# confidence: A\nregion,item,value\nus-east-1,ec2:m5.large,0.096\nus-east-1,ec2:m5.xlarge,0.192\n",
		"facts/s2.csv":                    "# confidence: B\n# estimated: true\nregion,item,value\nus-east-1,ec2:m5.large,0.096\nus-east-1,ec2-windows:m5.large,0.188\neu-west-1,ec2:m5.large,0.107\n",
		"offers/us-east-1/AmazonECS.json": string(ecs),
	})
	if err != nil {
		t.Fatal(err)
	}
	if e, _ := book.Entry("us-east-1", pricing.EC2Item("m5.xlarge")); e.Source != "s1" || e.Confidence != "A" || e.Value.String() != "0.192" {
		t.Errorf("m5.xlarge = %+v", e)
	}
	if e, _ := book.Entry("us-east-1", pricing.EC2WindowsItem("m5.large")); e.Source != "s2" || !e.Estimated || e.Unit != "hour" {
		t.Errorf("Windows m5.large = %+v", e)
	}
	// The Price List file replaces the base's hand-kept Fargate rate.
	if e, _ := book.Entry("us-east-1", pricing.FargateVCPU); e.Value.String() != "0.04048" || e.Confidence != "A" {
		t.Errorf("fargate-vcpu = %+v", e)
	}
	if book.AsOf != "2026-11-01" || book.Source != "test" {
		t.Errorf("about = %+v", book.About())
	}
	c := book.RegionCoverage("us-east-1")
	if c.EC2Types != 2 || c.WindowsTypes != 1 || !c.Complete {
		t.Errorf("us-east-1 coverage = %+v", c)
	}
	if c := book.RegionCoverage("eu-west-1"); c.EC2Types != 1 || c.Complete {
		t.Errorf("eu-west-1 coverage = %+v", c)
	}
	// The compact form round-trips through the book's own parser.
	book.CompactInstanceTables()
	data, _ := book.Marshal()
	back, err := pricing.ParseTable(data, "test")
	if err != nil {
		t.Fatal(err)
	}
	if e, _ := back.Entry("eu-west-1", pricing.EC2Item("m5.large")); e.Value.String() != "0.107" || e.Source != "s2" || !e.Estimated {
		t.Errorf("after compaction eu-west-1 m5.large = %+v", e)
	}
}

func TestGenerateRefusesBadSources(t *testing.T) {
	ec2, err := os.ReadFile("../../pricing/testdata/bulk/offers/v1.0/aws/AmazonEC2/20261101000000/us-east-1/index.json")
	if err != nil {
		t.Fatal(err)
	}
	for name, tc := range map[string]struct {
		files map[string]string
		want  string
	}{
		"conflicting facts": {map[string]string{"base.json": testBase,
			"facts/s1.csv": "# confidence: A\nregion,item,value\nus-east-1,ec2:m5.large,0.096\n",
			"facts/s2.csv": "# confidence: B\nregion,item,value\nus-east-1,ec2:m5.large,0.097\n"},
			"ec2:m5.large in us-east-1: s1.csv says 0.096, s2.csv says 0.097"},
		"facts without a source": {map[string]string{"base.json": testBase,
			"facts/s9.csv": "# confidence: A\nregion,item,value\nus-east-1,ec2:m5.large,0.096\n"}, `base.json has no source "s9"`},
		"no confidence": {map[string]string{"base.json": testBase,
			"facts/s1.csv": "region,item,value\nus-east-1,ec2:m5.large,0.096\n"}, "no \"# confidence: X\" line"},
		"zero price": {map[string]string{"base.json": testBase,
			"facts/s1.csv": "# confidence: A\nregion,item,value\nus-east-1,ec2:m5.large,0\n"}, "is not a positive price"},
		"per-type figure in the base": {map[string]string{"base.json": strings.Replace(testBase, `"fargate-vcpu"`, `"ec2:m5.large"`, 1)},
			"per-instance-type figures belong in a facts table"},
		"complete region without types": {map[string]string{"base.json": testBase}, "coverage.us-east-1 is marked complete"},
		"refused Price List rows": {map[string]string{"base.json": testBase, "offers/us-east-1/AmazonEC2.json": string(ec2)},
			"UPFRONTFEE000001"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := generate(t, tc.files)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}
}
