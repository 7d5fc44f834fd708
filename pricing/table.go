package pricing

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
)

// TableSchemaVersion is the version of the price book file format
// (docs/cost.md): the embedded default, the cache and --price-file.
const TableSchemaVersion = 1

// The embedded book is generated from data/sources (docs/cost.md, "The
// embedded price book"); TestEmbeddedBookIsGenerated holds them in step.
//go:generate go run ../cmd/pricegen build -sources data/sources -out data/default.json

//go:embed data/default.json
var defaultJSON []byte

// Table is a price book held in memory: the embedded default, the cache
// written by `pricing update`, or a file given with --price-file.
type Table struct {
	SchemaVersion int    `json:"schemaVersion"`
	AsOf          string `json:"asOf"`
	Source        string `json:"source"`
	Currency      string `json:"currency"`
	// Sources explains the source keys the entries use.
	Sources map[string]string `json:"sources"`
	// Global entries apply in every region that has no entry of its own.
	Global   map[Item]Entry            `json:"global"`
	Fallback Defaults                  `json:"defaults"`
	Regions  map[string]map[Item]Entry `json:"regions"`
	// Coverage says, per region, how many EC2 instance types are priced
	// and whether that is all of them (added within schemaVersion 1).
	Coverage map[string]Coverage `json:"coverage,omitempty"`
	// InstanceTables hold per-instance-type figures compactly (the
	// embedded book's form); ParseTable expands them into Regions
	// (added within schemaVersion 1).
	InstanceTables []InstanceTable `json:"instanceTables,omitempty"`

	origin string
}

// Default returns the embedded price book. It is parsed on each call so
// callers may modify their copy.
func Default() *Table {
	t, err := ParseTable(defaultJSON, "embedded")
	if err != nil {
		// The embedded file is checked by TestDefaultTable; reaching this
		// is a build defect, not bad input.
		panic("embedded price book: " + err.Error())
	}
	return t
}

// ParseTable reads a price book file; origin names it in errors and in About.
func ParseTable(data []byte, origin string) (*Table, error) {
	var t Table
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&t); err != nil {
		return nil, fmt.Errorf("price book %s: %w", origin, err)
	}
	if err := t.expandInstanceTables(); err != nil {
		return nil, fmt.Errorf("price book %s: %w", origin, err)
	}
	if err := t.validate(); err != nil {
		return nil, fmt.Errorf("price book %s: %w", origin, err)
	}
	t.origin = origin
	return &t, nil
}

// validate rejects books the cost model cannot trust: a wrong schema, a
// non-USD currency, negative prices, discounts outside 0–1.
func (t *Table) validate() error {
	if t.SchemaVersion != TableSchemaVersion {
		return fmt.Errorf("schemaVersion %d is not supported (want %d)", t.SchemaVersion, TableSchemaVersion)
	}
	if t.Currency != "USD" {
		return fmt.Errorf("currency %q is not supported (want USD)", t.Currency)
	}
	if t.AsOf == "" {
		return fmt.Errorf("asOf is empty")
	}
	// Checked unsorted (the embedded book has thousands of figures and is
	// read at every start); the errors are sorted so the first is stable.
	var negative []string
	for r, items := range t.Regions {
		for it, e := range items {
			if e.Value.IsNegative() {
				negative = append(negative, fmt.Sprintf("regions.%s.%s: negative price %s", r, it, e.Value))
			}
		}
	}
	if len(negative) > 0 {
		slices.Sort(negative)
		return errors.New(negative[0])
	}
	for _, it := range slices.Sorted(maps.Keys(t.Global)) {
		if t.Global[it].Value.IsNegative() {
			return fmt.Errorf("global.%s: negative price %s", it, t.Global[it].Value)
		}
	}
	for name, d := range t.defaultsByName() {
		if d.Value.IsNegative() || d.Value.GreaterThanOrEqual(one) {
			return fmt.Errorf("defaults.%s: %s is not a fraction in [0, 1)", name, d.Value)
		}
	}
	return nil
}

func (t *Table) defaultsByName() map[string]Entry {
	d := t.Fallback
	return map[string]Entry{"fargateSpotDiscount": d.FargateSpotDiscount, "savingsPlan1yDiscount": d.SavingsPlan1yDiscount,
		"savingsPlan3yDiscount": d.SavingsPlan3yDiscount, "ec2SpotDiscount": d.EC2SpotDiscount}
}

// Price implements Book.
func (t *Table) Price(region string, item Item) Money {
	e, ok := t.Entry(region, item)
	if !ok {
		if _, perType := item.AnyInstanceType(); perType {
			return UnknownFill(missingReason(region, item)+t.notEmbeddedHint(region), missingFill(region))
		}
		return missingPrice(region, item)
	}
	return e.money(fmt.Sprintf("%s in %s", item, region))
}

// Entry returns the raw figure for item in region (or the global one).
func (t *Table) Entry(region string, item Item) (Entry, bool) {
	if e, ok := t.Regions[region][item]; ok {
		return e, true
	}
	e, ok := t.Global[item]
	return e, ok
}

// HasRegion reports whether the book has any figure for region.
func (t *Table) HasRegion(region string) bool { return len(t.Regions[region]) > 0 }

// RegionNames lists the regions the book prices, sorted.
func (t *Table) RegionNames() []string { return slices.Sorted(maps.Keys(t.Regions)) }

// Defaults implements Book.
func (t *Table) Defaults() Defaults { return t.Fallback }

// About implements Book.
func (t *Table) About() About { return About{AsOf: t.AsOf, Source: t.Source, Origin: t.origin} }

// SourceText expands a source key to its description.
func (t *Table) SourceText(key string) string {
	if s, ok := t.Sources[key]; ok {
		return s
	}
	return key
}

// Marshal writes the book in its file format: sorted keys, two-space
// indent, so that refreshed books diff cleanly.
func (t *Table) Marshal() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(t); err != nil {
		return nil, fmt.Errorf("encoding price book: %w", err)
	}
	return buf.Bytes(), nil
}
