// Package pricegen builds the embedded price book (pricing/data/default.json)
// from its sources: a curated base book, facts tables converted from public
// price tables, and AWS Price List files read with the same parser as
// `pricing update`. See docs/cost.md, "The embedded price book".
package pricegen

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/ecs2fargate/ecs2fargate/pricing"
)

// Fact is one figure of a public price table: an item's price in a region.
type Fact struct {
	Region string
	Item   pricing.Item
	Value  decimal.Decimal
}

// FactFile is one facts table (facts/<source>.csv): the figures one public
// source gives, with that source's confidence tag.
type FactFile struct {
	// Source is the file's name without .csv: a key of the base book's
	// sources, which says where the figures come from.
	Source     string
	Confidence string
	Estimated  bool
	Facts      []Fact
}

// ReadFactFile reads a facts table: "# confidence: X" and "# estimated:
// true" comment lines, then CSV rows region,item,value under that header.
func ReadFactFile(path string) (FactFile, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return FactFile{}, fmt.Errorf("reading facts %s: %w", path, err)
	}
	f := FactFile{Source: strings.TrimSuffix(filepath.Base(path), ".csv")}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		if v, ok := strings.CutPrefix(line, "# confidence:"); ok {
			f.Confidence = strings.TrimSpace(v)
		}
		if v, ok := strings.CutPrefix(line, "# estimated:"); ok {
			f.Estimated = strings.TrimSpace(v) == "true"
		}
	}
	if f.Confidence == "" {
		return FactFile{}, fmt.Errorf("facts %s: no \"# confidence: X\" line", path)
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comment = '#'
	rows, err := r.ReadAll()
	if err != nil {
		return FactFile{}, fmt.Errorf("facts %s: %w", path, err)
	}
	if len(rows) == 0 || strings.Join(rows[0], ",") != "region,item,value" {
		return FactFile{}, fmt.Errorf("facts %s: the header must be region,item,value", path)
	}
	for i, row := range rows[1:] {
		v, err := decimal.NewFromString(row[2])
		if err != nil || !v.IsPositive() {
			return FactFile{}, fmt.Errorf("facts %s line %d: value %q is not a positive price", path, i+2, row[2])
		}
		f.Facts = append(f.Facts, Fact{Region: row[0], Item: pricing.Item(row[1]), Value: v})
	}
	return f, nil
}

// WriteFacts writes facts as a facts table, sorted by region and item, so
// that a re-run of a conversion diffs cleanly.
func WriteFacts(w io.Writer, header []string, confidence string, facts []Fact) error {
	sort.Slice(facts, func(i, j int) bool {
		if facts[i].Region != facts[j].Region {
			return facts[i].Region < facts[j].Region
		}
		return facts[i].Item < facts[j].Item
	})
	var b bytes.Buffer
	for _, h := range header {
		fmt.Fprintf(&b, "# %s\n", h)
	}
	fmt.Fprintf(&b, "# confidence: %s\nregion,item,value\n", confidence)
	for _, f := range facts {
		fmt.Fprintf(&b, "%s,%s,%s\n", f.Region, f.Item, f.Value)
	}
	_, err := w.Write(b.Bytes())
	return err
}
