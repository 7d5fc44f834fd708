package pricegen

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleetgen"
	"github.com/ecs2fargate/ecs2fargate/pricing"
)

// requiredRegions are the regions the demo fleet and the held-out tests
// use (issue 11): the fleet generator's types must be priced in each.
var requiredRegions = []string{"us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1", "ap-northeast-1"}

// knownGaps are the generator's types the embedded book does not price in
// a required region: no public source of them could be read here (see
// docs/cost.md). The test fails when a gap is filled (shrink the list) or
// a new one appears.
var knownGaps = map[string][]string{}

var arnRegion = regexp.MustCompile(`arn:aws:ecs:([a-z0-9-]+):`)

// Every host of the bundled demo fleet is priced in its region, on its
// platform: c6g.large in eu-west-1, g4dn.xlarge, Windows m5.2xlarge.
func TestDemoFleetHostsArePriced(t *testing.T) {
	book := pricing.Default()
	dirs, err := filepath.Glob("../../examples/demo-fleet/*/instances.json")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no demo fleet instances found: %v", err)
	}
	checked := 0
	for _, path := range dirs {
		region := clusterRegion(t, filepath.Dir(path))
		var doc struct {
			Reservations []struct {
				Instances []struct{ InstanceType, Platform string }
			}
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, r := range doc.Reservations {
			for _, in := range r.Instances {
				item := pricing.EC2Item(in.InstanceType)
				if strings.EqualFold(in.Platform, "windows") {
					item = pricing.EC2WindowsItem(in.InstanceType)
				}
				if m := book.Price(region, item); !m.Known() {
					t.Errorf("%s: %s", path, strings.Join(m.Missing(), "; "))
				}
				checked++
			}
		}
	}
	if checked < 10 {
		t.Errorf("checked %d hosts; the demo fleet has more", checked)
	}
}

func clusterRegion(t *testing.T, dir string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "services.json"))
	if err != nil {
		t.Fatal(err)
	}
	m := arnRegion.FindSubmatch(data)
	if m == nil {
		t.Fatalf("%s: no ECS ARN names the region", dir)
	}
	return string(m[1])
}

// The fleet generator's types (and its Windows type) are priced in every
// required region, except the known gaps, which are listed exactly.
func TestFleetGeneratorTypesArePriced(t *testing.T) {
	book := pricing.Default()
	for _, region := range requiredRegions {
		var missing []string
		for _, typ := range fleetgen.InstanceTypes() {
			if !book.Price(region, pricing.EC2Item(typ)).Known() {
				missing = append(missing, typ)
			}
		}
		sort.Strings(missing)
		missing = slices.Compact(missing) // m5.2xlarge is both a Linux and the Windows type
		if got, want := strings.Join(missing, " "), strings.Join(knownGaps[region], " "); got != want {
			t.Errorf("%s: unpriced %q, known gaps %q (filled a gap? shrink knownGaps)", region, got, want)
		}
		if c := book.RegionCoverage(region); len(missing) > 0 && c.Complete {
			t.Errorf("%s is marked complete but misses %v", region, missing)
		}
	}
	for _, region := range requiredRegions {
		if m := book.Price(region, pricing.EC2WindowsItem("m5.2xlarge")); !m.Known() {
			t.Errorf("the generator's Windows hosts are unpriced in %s: %v", region, m.Missing())
		}
	}
}

// A type the book lacks in a partial region names the command that fills it
// (m8i is newer than SkyPilot's catalogue, the partial regions' source).
func TestMissingTypeNamesTheFillingCommand(t *testing.T) {
	m := pricing.Default().Price("eu-west-1", pricing.EC2Item("m8i.large"))
	if m.Known() || !strings.Contains(strings.Join(m.Missing(), ""), "run `ecs2fargate pricing update --region eu-west-1`") {
		t.Errorf("missing = %v", m.Missing())
	}
	m = pricing.Default().Price("sa-east-1", pricing.EC2Item("m5.large"))
	if !strings.Contains(strings.Join(m.Missing(), ""), "sa-east-1's EC2 prices are not embedded") {
		t.Errorf("missing = %v", m.Missing())
	}
}
