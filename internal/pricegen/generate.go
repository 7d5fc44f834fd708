package pricegen

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/ecs2fargate/ecs2fargate/pricing"
)

// Sources is what the embedded book is built from (a directory, see
// LoadSources): the base book, the facts tables and any Price List files.
type Sources struct {
	// Base holds the figures kept by hand with their sources (Fargate
	// rates, Spot snapshots, defaults) and each region's coverage note.
	Base *pricing.Table
	// Facts are the tables converted from public price tables.
	Facts []FactFile
	// Offers are Price List files, read with the parser `pricing update`
	// uses; their figures replace the base's and the facts' for their
	// region, as a refresh would.
	Offers []pricing.RegionOffers
	// Windows, when set, prices Windows EC2 from Linux plus the licence
	// rate where a region's Windows rows are not among the sources.
	Windows *WindowsLicence
}

// LoadSources reads dir: base.json, facts/*.csv and offers/<region>/
// <offer>.json (AmazonEC2, AmazonECS, AmazonVPC: bulk offer files;
// AWSComputeSavingsPlan: a Savings Plan price file).
func LoadSources(dir string) (*Sources, error) {
	base, err := pricing.LoadFile(filepath.Join(dir, "base.json"))
	if err != nil {
		return nil, err
	}
	s := &Sources{Base: base}
	files, err := filepath.Glob(filepath.Join(dir, "facts", "*.csv"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	for _, f := range files {
		ff, err := ReadFactFile(f)
		if err != nil {
			return nil, err
		}
		s.Facts = append(s.Facts, ff)
	}
	if w, err := ReadWindowsLicence(filepath.Join(dir, "windows-licence.json")); err == nil {
		s.Windows = w
	} else if !os.IsNotExist(err) {
		return nil, err
	}
	regions, _ := filepath.Glob(filepath.Join(dir, "offers", "*"))
	sort.Strings(regions)
	for _, rdir := range regions {
		ro, err := readRegionOffers(rdir)
		if err != nil {
			return nil, err
		}
		s.Offers = append(s.Offers, ro)
	}
	return s, nil
}

func readRegionOffers(dir string) (pricing.RegionOffers, error) {
	region := filepath.Base(dir)
	ro := pricing.RegionOffers{Region: region}
	for _, code := range []string{"AmazonECS", "AmazonEC2", "AmazonVPC", "AWSComputeSavingsPlan"} {
		path := filepath.Join(dir, code+".json")
		f, err := os.Open(path)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			return ro, err
		}
		var o *pricing.Offer
		if code == "AWSComputeSavingsPlan" {
			o, err = pricing.ParseSavingsPlanOffer(f)
		} else {
			o, err = pricing.ParseOfferOf(f, region, code)
		}
		f.Close()
		if err != nil {
			return ro, fmt.Errorf("reading %s: %w", path, err)
		}
		if len(o.Problems) > 0 {
			return ro, fmt.Errorf("reading %s: rows refused:\n  %s", path, strings.Join(o.Problems, "\n  "))
		}
		if o.OfferCode == "" {
			o.OfferCode = code
		}
		ro.Offers = append(ro.Offers, o)
	}
	return ro, nil
}

// Generate builds the book: the base, then every fact (under its file's
// source, confidence and estimate flag), then the Price List files. Two
// facts tables giving one figure different values is an error naming
// both; the base may not hold per-instance-type figures (they belong in
// facts, where their source is one file). Windows EC2 figures are derived
// last, only where no source gives the region's own (see WindowsLicence).
// Coverage is recounted. The
// result depends only on the sources, so a re-run reproduces the file.
func Generate(s *Sources) (*pricing.Table, error) {
	t := s.Base.Clone()
	for r, items := range t.Regions {
		for it := range items {
			if _, perType := it.AnyInstanceType(); perType {
				return nil, fmt.Errorf("base.json: regions.%s.%s: per-instance-type figures belong in a facts table", r, it)
			}
		}
	}
	from := map[[2]string]string{}
	for _, ff := range s.Facts {
		if _, ok := t.Sources[ff.Source]; !ok {
			return nil, fmt.Errorf("facts %s.csv: base.json has no source %q to say where its figures come from", ff.Source, ff.Source)
		}
		for _, f := range ff.Facts {
			key := [2]string{f.Region, string(f.Item)}
			if t.Regions[f.Region] == nil {
				t.Regions[f.Region] = map[pricing.Item]pricing.Entry{}
			}
			if old, ok := t.Regions[f.Region][f.Item]; ok && !old.Value.Equal(f.Value) {
				return nil, fmt.Errorf("%s in %s: %s.csv says %s, %s.csv says %s", f.Item, f.Region, from[key], old.Value, ff.Source, f.Value)
			}
			from[key] = ff.Source
			t.Regions[f.Region][f.Item] = pricing.Entry{Value: f.Value, Unit: pricing.UnitOf(f.Item), Source: ff.Source,
				Confidence: ff.Confidence, Estimated: ff.Estimated}
		}
	}
	if len(s.Offers) > 0 {
		asOf, source := t.AsOf, t.Source
		day, err := time.Parse("2006-01-02", asOf)
		if err != nil {
			return nil, fmt.Errorf("base.json: asOf %q is not a date", asOf)
		}
		t = pricing.Refreshed(t, s.Offers, "bulk files", day)
		t.AsOf, t.Source = asOf, source
	}
	if s.Windows != nil {
		if _, ok := t.Sources[s.Windows.Source]; !ok {
			return nil, fmt.Errorf("windows-licence.json: base.json has no source %q to say where its figures come from", s.Windows.Source)
		}
		s.Windows.Derive(t)
	}
	t.RecountCoverage()
	for r, c := range t.Coverage {
		if c.Complete && c.EC2Types == 0 {
			return nil, fmt.Errorf("base.json: coverage.%s is marked complete but no EC2 type is priced there", r)
		}
	}
	return t, nil
}
