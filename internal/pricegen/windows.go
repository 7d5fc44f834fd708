package pricegen

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/ecs2fargate/ecs2fargate/pricing"
)

// WindowsLicence says how to price Windows EC2 in regions whose Windows
// rows could not be read: the region's Linux price plus the Windows Server
// licence-included rate per vCPU-hour, for the types whose Windows price in
// the reference region is exactly that (sources/windows-licence.json).
type WindowsLicence struct {
	// Source is the base book's key explaining the figures.
	Source     string `json:"source"`
	Confidence string `json:"confidence"`
	// From is the reference region: its Windows and Linux rows are the
	// evidence that a type pays exactly RatePerVCPU.
	From        string          `json:"from"`
	RatePerVCPU decimal.Decimal `json:"ratePerVCPU"`
	Regions     []string        `json:"regions"`
}

// ReadWindowsLicence reads sources/windows-licence.json.
func ReadWindowsLicence(path string) (*WindowsLicence, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var w WindowsLicence
	if err := json.Unmarshal(data, &w); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if w.Source == "" || w.From == "" || !w.RatePerVCPU.IsPositive() || len(w.Regions) == 0 || w.Confidence == "" {
		return nil, fmt.Errorf("%s: source, confidence, from, a positive ratePerVCPU and regions are required", path)
	}
	return &w, nil
}

var sizedType = regexp.MustCompile(`^[a-z][a-z0-9-]*\.(large|xlarge|(\d+)xlarge)$`)

// VCPUsFromSize is the vCPU count the size name of a type states for the
// sizes that state it the same way in every family: large 2, xlarge 4,
// Nxlarge 4N. Other sizes (nano to medium, metal, flex …) vary by family
// and report ok false.
func VCPUsFromSize(instanceType string) (int64, bool) {
	m := sizedType.FindStringSubmatch(instanceType)
	switch {
	case m == nil:
		return 0, false
	case m[1] == "large":
		return 2, true
	case m[1] == "xlarge":
		return 4, true
	}
	n, err := strconv.ParseInt(m[2], 10, 64)
	if err != nil || n <= 0 {
		return 0, false
	}
	return 4 * n, true
}

// LicenceTypes are the types whose Windows price in the reference region
// is their Linux price plus vCPUs × rate, to the cent fraction: the types
// the derivation may price elsewhere. A type whose size does not state its
// vCPUs, or whose Windows price differs (burstable, flex and older
// families are charged otherwise), is left out.
func (w *WindowsLicence) LicenceTypes(t *pricing.Table) map[string]int64 {
	out := map[string]int64{}
	ref := t.Regions[w.From]
	for it, win := range ref {
		typ, ok := cutWindows(it)
		if !ok {
			continue
		}
		linux, ok := ref[pricing.EC2Item(typ)]
		if !ok {
			continue
		}
		n, ok := VCPUsFromSize(typ)
		if !ok {
			continue
		}
		if linux.Value.Add(w.RatePerVCPU.Mul(decimal.NewFromInt(n))).Equal(win.Value) {
			out[typ] = n
		}
	}
	return out
}

func cutWindows(it pricing.Item) (string, bool) {
	const prefix = "ec2-windows:"
	if len(it) <= len(prefix) || string(it[:len(prefix)]) != prefix {
		return "", false
	}
	return string(it[len(prefix):]), true
}

// Derive adds the derived Windows figures to t: for each region and each
// licence type priced there on Linux with no Windows figure of its own.
// It returns how many figures it added per region.
func (w *WindowsLicence) Derive(t *pricing.Table) map[string]int {
	types := w.LicenceTypes(t)
	names := make([]string, 0, len(types))
	for typ := range types {
		names = append(names, typ)
	}
	sort.Strings(names)
	added := map[string]int{}
	for _, region := range w.Regions {
		items := t.Regions[region]
		for _, typ := range names {
			linux, ok := items[pricing.EC2Item(typ)]
			if !ok {
				continue
			}
			item := pricing.EC2WindowsItem(typ)
			if _, has := items[item]; has {
				continue
			}
			items[item] = pricing.Entry{Value: linux.Value.Add(w.RatePerVCPU.Mul(decimal.NewFromInt(types[typ]))),
				Unit: pricing.UnitOf(item), Source: w.Source, Confidence: w.Confidence, Estimated: true}
			added[region]++
		}
	}
	return added
}
