package main

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

var costOptionKeys = []string{"onDemand", "spot", "arm", "savingsPlan1y", "savingsPlan3y"}

type costFigures struct {
	Cluster, Service string
	OnFargate        bool
	EC2Monthly       *string            `json:"ec2Monthly"`
	IdleMonthly      *string            `json:"idleMonthly"`
	EC2Yearly        *string            `json:"ec2Yearly"`
	IdleYearly       *string            `json:"idleYearly"`
	FargateMonthly   map[string]*string `json:"fargateMonthly"`
	FargateYearly    map[string]*string `json:"fargateYearly"`
	SavingsMonthly   map[string]*string `json:"savingsMonthly"`
	SavingsYearly    map[string]*string `json:"savingsYearly"`
	EC2ByOption      map[string]*string `json:"ec2ByOptionMonthly"`
	AfterMove        map[string]*string `json:"afterMoveMonthly"`
}

func dec(t *testing.T, s *string) (decimal.Decimal, bool) {
	t.Helper()
	if s == nil {
		return decimal.Decimal{}, false
	}
	return decimal.RequireFromString(*s), true
}

// checkYearly: every yearly figure is 12 × the displayed monthly one, and
// unknown exactly where the monthly one is.
func checkYearly(t *testing.T, what string, f costFigures) {
	t.Helper()
	pairs := map[string][2]*string{"ec2": {f.EC2Monthly, f.EC2Yearly}}
	if f.Service == "" {
		pairs["idle"] = [2]*string{f.IdleMonthly, f.IdleYearly}
	}
	for _, k := range costOptionKeys {
		pairs["fargate."+k] = [2]*string{f.FargateMonthly[k], f.FargateYearly[k]}
		pairs["savings."+k] = [2]*string{f.SavingsMonthly[k], f.SavingsYearly[k]}
	}
	for name, p := range pairs {
		m, mok := dec(t, p[0])
		y, yok := dec(t, p[1])
		if mok != yok || (mok && !m.Mul(decimal.NewFromInt(12)).Equal(y)) {
			t.Errorf("%s %s: monthly %v, yearly %v; want 12 × monthly", what, name, p[0], p[1])
		}
	}
}

// Per service: saving = its EC2 share under the option's commitment − its
// cost after the move (zero for a service already on Fargate); per
// cluster: the EC2 cost under the option − the services' costs after the
// move, to the cent, for every option.
func TestServiceSavingsAddUpToTheClusterSaving(t *testing.T) {
	for _, fleetDir := range []string{costFleet, "../../" + demoFleet} {
		t.Run(fleetDir, func(t *testing.T) {
			isolate(t)
			code, out, stderr := runCLINoInput(t, "cost", "--format", "json", fleetDir)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			var doc struct {
				Services, Clusters []costFigures
				Totals             costFigures
			}
			if err := json.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatal(err)
			}
			knownClusters := 0
			for _, cl := range doc.Clusters {
				checkYearly(t, cl.Cluster, cl)
				for _, k := range costOptionKeys {
					saving, known := dec(t, cl.SavingsMonthly[k])
					sum, allKnown := dec(t, cl.EC2ByOption[k])
					for _, s := range doc.Services {
						if s.Cluster != cl.Cluster || s.OnFargate {
							continue
						}
						v, ok := dec(t, s.AfterMove[k])
						sum, allKnown = sum.Sub(v), allKnown && ok
					}
					if known != allKnown || (known && !sum.Equal(saving)) {
						t.Errorf("cluster %s %s: saving %v, EC2 under the option − services after the move %s (known %v)", cl.Cluster, k, cl.SavingsMonthly[k], sum, allKnown)
					}
					if known {
						knownClusters++
					}
				}
			}
			if knownClusters == 0 {
				t.Fatal("no cluster has a known saving: the test checks nothing")
			}
			for _, s := range doc.Services {
				checkYearly(t, s.Service, s)
				for _, k := range costOptionKeys {
					ec2, ec2Known := dec(t, s.EC2ByOption[k])
					got, known := dec(t, s.SavingsMonthly[k])
					f, fKnown := dec(t, s.AfterMove[k])
					switch {
					case s.OnFargate:
						if !known || !got.IsZero() {
							t.Errorf("%s is on Fargate: saving %s = %v, want 0.00", s.Service, k, s.SavingsMonthly[k])
						}
					case known != (ec2Known && fKnown) || (known && !got.Equal(ec2.Sub(f))):
						t.Errorf("%s %s: saving %v, EC2 %v, after the move %v", s.Service, k, s.SavingsMonthly[k], s.EC2ByOption[k], s.AfterMove[k])
					}
				}
			}
			checkYearly(t, "totals", doc.Totals)
		})
	}
}

// Every table of the table and Markdown formats ends with the assumptions
// footer, and the output's last line is the full assumptions line.
func TestEveryCostTableEndsWithItsAssumptions(t *testing.T) {
	marks := map[string]struct{ table, footer, last string }{
		"table":    {"┘", "Assumptions: prices as of 2026-12-06 (embedded price book)", "Assumptions: prices as of 2026-12-06 from"},
		"markdown": {"| --- |", "_Assumptions: prices as of 2026-12-06 (embedded price book)", "_Assumptions: prices as of 2026-12-06 from"},
	}
	for format, m := range marks {
		t.Run(format, func(t *testing.T) {
			out, _ := costDemo(t, format)
			blocks := strings.Split(strings.TrimRight(out, "\n"), "\n\n")
			tables := 0
			for _, b := range blocks {
				lines := strings.Split(b, "\n")
				if !strings.Contains(b, m.table) {
					continue
				}
				tables++
				// A Markdown table and its footer are paragraphs apart,
				// with at most the table's list of notes between them.
				last := lines[len(lines)-1]
				if format == "markdown" {
					last = footerAfter(blocks, b)
				}
				if !strings.HasPrefix(last, m.footer) {
					t.Errorf("table not followed by its footer; got %q after:\n%s", last, b)
				}
			}
			if tables < 4 {
				t.Errorf("found %d tables, want at least 4 (services, clusters, totals, like-for-like)", tables)
			}
			if l := lastLine(out); !strings.HasPrefix(l, m.last) {
				t.Errorf("last line %q is not the full assumptions line", l)
			}
		})
	}
}

// footerAfter is the first line of the paragraph after block b, passing
// over lists.
func footerAfter(blocks []string, b string) string {
	for i, x := range blocks {
		if x != b {
			continue
		}
		for _, next := range blocks[i+1:] {
			if !strings.HasPrefix(next, "- ") {
				return strings.Split(next, "\n")[0]
			}
		}
	}
	return ""
}

// The CSV carries, per service and per cluster, every option monthly and
// yearly and its saving; columns are found by name, not position.
func TestCostCSVHasSavingsAndYearlyColumns(t *testing.T) {
	out, _ := costDemo(t, "csv")
	records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range records[0] {
		if _, dup := col[h]; dup {
			t.Fatalf("column %q twice", h)
		}
		col[h] = i
	}
	checked := 0
	for _, r := range records[1:] {
		if len(r) != len(records[0]) {
			t.Fatalf("row of %d cells, header of %d: %v", len(r), len(records[0]), r)
		}
		if r[col["level"]] != "service" || r[col["ec2_monthly"]] == "unknown" || strings.Contains(r[col["notes"]], "already on Fargate") {
			continue
		}
		for _, o := range []string{"ondemand", "spot", "arm", "sp1y", "sp3y"} {
			if r[col["ec2_under_"+o+"_monthly"]] == "unknown" || r[col["after_"+o+"_monthly"]] == "unknown" {
				// e.g. an EC2 Savings Plan rate the book lacks: no saving to check.
				if strings.TrimSuffix(r[col["saving_"+o+"_monthly"]], "*") != "unknown" {
					t.Errorf("%s %s: a side unknown but saving %s", r[col["service"]], o, r[col["saving_"+o+"_monthly"]])
				}
				continue
			}
			ec2 := decimal.RequireFromString(strings.TrimSuffix(r[col["ec2_under_"+o+"_monthly"]], "*"))
			f := decimal.RequireFromString(strings.TrimSuffix(r[col["after_"+o+"_monthly"]], "*"))
			saving := decimal.RequireFromString(strings.TrimSuffix(r[col["saving_"+o+"_monthly"]], "*"))
			yearly := decimal.RequireFromString(strings.TrimSuffix(r[col["saving_"+o+"_yearly"]], "*"))
			if !saving.Equal(ec2.Sub(f)) || !yearly.Equal(saving.Mul(decimal.NewFromInt(12))) {
				t.Errorf("%s %s: saving %s / yearly %s, EC2 %s, Fargate %s", r[col["service"]], o, saving, yearly, ec2, f)
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no service row with a known EC2 cost: the test checks nothing")
	}
	if last := records[len(records)-1]; last[0] != "assumptions" {
		t.Errorf("last row %v is not the assumptions", last)
	}
}
