package pricegen

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/ecs2fargate/ecs2fargate/pricing"
)

// The converters below turn public tables that are not in the Price List
// format into facts. Only figures carry over: each converter reads a
// table's values and writes them as region,item,value rows.

var (
	karpenterRegion = regexp.MustCompile(`^\s*"([a-z]{2}(?:-gov)?-[a-z]+-\d+)": \{`)
	karpenterPrice  = regexp.MustCompile(`"([a-z0-9][a-z0-9.-]*\.[a-z0-9-]+)": ([0-9]+\.[0-9]+)`)
)

// FromKarpenter reads the on-demand Linux prices of the table Karpenter
// generates from the Price List (aws/karpenter-provider-aws,
// pkg/providers/pricing/zz_generated.pricing_aws*.go: a map from region to
// instance type to hourly price).
func FromKarpenter(r io.Reader) ([]Fact, error) {
	var out []Fact
	region := ""
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if m := karpenterRegion.FindStringSubmatch(line); m != nil {
			region = m[1]
			continue
		}
		for _, m := range karpenterPrice.FindAllStringSubmatch(line, -1) {
			if region == "" {
				return nil, fmt.Errorf("line %d: a price before any region", n)
			}
			v, err := decimal.NewFromString(m[2])
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", n, err)
			}
			out = append(out, Fact{Region: region, Item: pricing.EC2Item(m[1]), Value: v})
		}
	}
	if len(out) == 0 {
		return nil, errors.New("no prices found: is this Karpenter's zz_generated.pricing file?")
	}
	return out, sc.Err()
}

// EC2InstancesRow is one instance type of the us-east-1 summary that
// LeanerCloud/ec2-instances-info generates from ec2instances.info's data
// (generated_instances_data.txt): its Linux and Windows on-demand prices.
type EC2InstancesRow struct {
	Type           string
	Linux, Windows decimal.Decimal
}

// FromEC2InstancesSummary reads that summary. A Windows price of 0 means
// the type has no Windows row (ARM types, Mac); such rows are kept with a
// zero Windows price for the caller to skip.
func FromEC2InstancesSummary(r io.Reader) ([]EC2InstancesRow, error) {
	var out []EC2InstancesRow
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if !strings.HasPrefix(line, "Instance type:") {
			continue
		}
		fields := map[string]string{}
		for _, part := range strings.Split(line, ",\t") {
			k, v, ok := strings.Cut(part, ":")
			if ok {
				fields[strings.TrimSpace(k)] = strings.TrimSpace(v)
			}
		}
		row := EC2InstancesRow{Type: fields["Instance type"]}
		var err error
		if row.Linux, err = decimal.NewFromString(fields["Linux OD cost in us-east-1"]); err != nil {
			return nil, fmt.Errorf("line %d: Linux price: %w", n, err)
		}
		if row.Windows, err = decimal.NewFromString(fields["Windows OD cost in us-east-1"]); err != nil {
			return nil, fmt.Errorf("line %d: Windows price: %w", n, err)
		}
		out = append(out, row)
	}
	if len(out) == 0 {
		return nil, errors.New("no instance types found: is this generated_instances_data.txt?")
	}
	return out, sc.Err()
}

// WindowsFacts keeps the Windows prices of the rows whose Linux price is
// the one linux holds: a Windows figure is taken only where the summary's
// Linux figure still matches the newer table, so a type repriced since
// the summary was made is left out rather than priced stale. It returns
// the types left out for that reason.
func WindowsFacts(rows []EC2InstancesRow, region string, linux map[string]decimal.Decimal) (facts []Fact, stale []string) {
	for _, r := range rows {
		if r.Windows.IsZero() {
			continue
		}
		if l, ok := linux[r.Type]; !ok || !l.Equal(r.Linux) {
			stale = append(stale, r.Type)
			continue
		}
		facts = append(facts, Fact{Region: region, Item: pricing.EC2WindowsItem(r.Type), Value: r.Windows})
	}
	return facts, stale
}

// FromSkyPilot reads the Linux on-demand prices of SkyPilot's AWS catalogue
// (skypilot-org/skypilot-catalog catalogs/v7/aws/vms.csv: one row per
// instance type and availability zone, with columns InstanceType, Price and
// Region). Rows of one type and region must agree.
func FromSkyPilot(r io.Reader) ([]Fact, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("header: %w", err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	for _, c := range []string{"InstanceType", "Price", "Region"} {
		if _, ok := col[c]; !ok {
			return nil, fmt.Errorf("header has no %s column", c)
		}
	}
	seen := map[[2]string]decimal.Decimal{}
	var out []Fact
	for n := 2; ; n++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		typ, region, price := rec[col["InstanceType"]], rec[col["Region"]], rec[col["Price"]]
		if price == "" {
			continue
		}
		v, err := decimal.NewFromString(price)
		if err != nil {
			return nil, fmt.Errorf("line %d: price %q: %w", n, price, err)
		}
		key := [2]string{region, typ}
		if old, ok := seen[key]; ok {
			if !old.Equal(v) {
				return nil, fmt.Errorf("line %d: %s in %s priced %s and %s", n, typ, region, old, v)
			}
			continue
		}
		seen[key] = v
		out = append(out, Fact{Region: region, Item: pricing.EC2Item(typ), Value: v})
	}
	return out, nil
}
