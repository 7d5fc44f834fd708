package pricing

import (
	"fmt"
	"sort"
	"strings"

	"github.com/shopspring/decimal"
)

// InstanceTable is a compact block of per-instance-type figures that share
// a region, a kind of item, a source and a confidence: "type=price" pairs
// separated by spaces. The embedded book stores its thousands of EC2
// figures this way (about a fifth of the size of one Entry each, and
// quicker to read); ParseTable expands the tables into Regions, so the
// rest of the program sees only entries.
type InstanceTable struct {
	Region string `json:"region"`
	// Kind is the item prefix before the instance type: "ec2",
	// "ec2-windows", "ec2-sp1y", …
	Kind       string `json:"kind"`
	Source     string `json:"source"`
	Confidence string `json:"confidence"`
	Estimated  bool   `json:"estimated,omitempty"`
	Prices     string `json:"prices"`
}

// expandInstanceTables moves the tables' figures into Regions. A figure
// given twice (in two tables, or a table and an entry) is an error.
func (t *Table) expandInstanceTables() error {
	for i, it := range t.InstanceTables {
		if t.Regions == nil {
			t.Regions = map[string]map[Item]Entry{}
		}
		pairs := strings.Fields(it.Prices)
		region := t.Regions[it.Region]
		if region == nil {
			region = make(map[Item]Entry, len(pairs))
			t.Regions[it.Region] = region
		}
		for _, pair := range pairs {
			typ, price, ok := strings.Cut(pair, "=")
			v, err := decimal.NewFromString(price)
			if !ok || typ == "" || err != nil {
				return fmt.Errorf("instanceTables[%d] (%s %s): %q is not type=price", i, it.Region, it.Kind, pair)
			}
			item := Item(it.Kind + ":" + typ)
			if _, dup := region[item]; dup {
				return fmt.Errorf("instanceTables[%d]: %s in %s is given twice", i, item, it.Region)
			}
			region[item] = Entry{Value: v, Unit: unitOf(item), Source: it.Source, Confidence: it.Confidence, Estimated: it.Estimated}
		}
	}
	t.InstanceTables = nil
	return nil
}

// CompactInstanceTables moves every per-instance-type entry into instance
// tables (the embedded book's storage form); ParseTable undoes it.
func (t *Table) CompactInstanceTables() {
	type key struct {
		region, kind, source, confidence string
		estimated                        bool
	}
	pairs := map[key][]string{}
	for r, items := range t.Regions {
		for it, e := range items {
			typ, ok := it.AnyInstanceType()
			if !ok {
				continue
			}
			kind := strings.TrimSuffix(string(it), ":"+typ)
			k := key{r, kind, e.Source, e.Confidence, e.Estimated}
			pairs[k] = append(pairs[k], typ+"="+e.Value.String())
			delete(items, it)
		}
		if len(items) == 0 {
			delete(t.Regions, r)
		}
	}
	t.InstanceTables = nil
	for k, ps := range pairs {
		sort.Strings(ps)
		t.InstanceTables = append(t.InstanceTables, InstanceTable{Region: k.region, Kind: k.kind, Source: k.source,
			Confidence: k.confidence, Estimated: k.estimated, Prices: strings.Join(ps, " ")})
	}
	sort.Slice(t.InstanceTables, func(i, j int) bool {
		a, b := t.InstanceTables[i], t.InstanceTables[j]
		return a.Region+"\x00"+a.Kind+"\x00"+a.Source < b.Region+"\x00"+b.Kind+"\x00"+b.Source
	})
}
