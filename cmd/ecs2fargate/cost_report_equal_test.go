package main

import (
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// optionLabels name the five options as each output does: cost JSON keys,
// the report summary's row labels.
var optionLabels = []struct{ key, summary string }{
	{"onDemand", "After the move, on-demand"}, {"spot", "After the move, Spot"}, {"arm", "After the move, ARM (Graviton)"},
	{"savingsPlan1y", "After the move, Savings Plan 1y"}, {"savingsPlan3y", "After the move, Savings Plan 3y"},
}

// demoRun runs a command over the demo fleet from the repository root.
func demoRun(t *testing.T, args ...string) string {
	t.Helper()
	isolate(t)
	t.Chdir(filepath.Join(packageDir, "..", ".."))
	code, out, stderr := runCLI(t, "", append(args, demoFleet)...)
	if code != 0 && code != 2 { // report exits 2 on the demo's blockers
		t.Fatalf("%v: exit %d: %s", args, code, stderr)
	}
	return out
}

type savingsDoc struct {
	Totals struct {
		SavingsMonthly, SavingsYearly map[string]*string
	}
	Services []struct {
		Cluster, Service string
		SavingsMonthly   map[string]*string
	}
	Clusters []struct {
		Cluster        string
		SavingsMonthly map[string]*string
	}
}

func text(s *string) string {
	if s == nil {
		return "unknown"
	}
	return *s
}

// shown is a JSON amount ("1938.96") as the human formats show it
// ("$1,938.96"), worked out here on its own rather than by the renderers'
// function, so the test also holds the format.
func shown(s *string) string {
	if s == nil {
		return "unknown"
	}
	sign, digits := "", *s
	if strings.HasPrefix(digits, "-") {
		sign, digits = "-", digits[1:]
	}
	whole, cents, _ := strings.Cut(digits, ".")
	for i := len(whole) - 3; i > 0; i -= 3 {
		whole = whole[:i] + "," + whole[i:]
	}
	return sign + "$" + whole + "." + cents
}

// cost and report print the same saving for the same fleet and options,
// in every format: the fleet's per option, monthly and yearly, each
// cluster's and each service's. (Before, on the demo fleet, cost saved
// 1,160.76 a year with 13 services moving and report 1,723.08 with 10.)
func TestCostAndReportSavingsAgreeInEveryFormat(t *testing.T) {
	var cost savingsDoc
	if err := json.Unmarshal([]byte(demoRun(t, "cost", "--format", "json")), &cost); err != nil {
		t.Fatal(err)
	}
	known := 0
	for _, o := range optionLabels {
		if cost.Totals.SavingsMonthly[o.key] != nil {
			known++
		}
	}
	if known == 0 {
		t.Fatal("no known fleet saving: the test would check nothing")
	}
	t.Run("report json", func(t *testing.T) {
		var rep struct {
			Summary struct {
				Headline                      string
				SavingsMonthly, SavingsYearly map[string]*string
			}
			Cost savingsDoc
		}
		if err := json.Unmarshal([]byte(demoRun(t, "report", "--format", "json")), &rep); err != nil {
			t.Fatal(err)
		}
		// The headline's saving is the cost document's, on-demand a month
		// and a year, then with a 1-year Savings Plan (unknown on the demo:
		// the embedded book has no EC2 Compute Savings Plan rates).
		h := rep.Summary.Headline
		m, y := shown(cost.Totals.SavingsMonthly["onDemand"]), shown(cost.Totals.SavingsYearly["onDemand"])
		if !strings.Contains(h, "saves "+m) || !strings.Contains(h, "("+y) {
			t.Errorf("headline %q lacks the on-demand saving %s a month, %s a year", h, m, y)
		}
		sp := "an unknown amount with a 1-year Savings Plan"
		if v := cost.Totals.SavingsMonthly["savingsPlan1y"]; v != nil {
			sp = shown(v)
		}
		if !strings.Contains(h, sp) {
			t.Errorf("headline %q lacks the 1-year Savings Plan saving %q", h, sp)
		}
		for _, o := range optionLabels {
			want := text(cost.Totals.SavingsMonthly[o.key])
			if got := text(rep.Summary.SavingsMonthly[o.key]); got != want {
				t.Errorf("%s: report summary saves %s a month, cost %s", o.key, got, want)
			}
			if got := text(rep.Summary.SavingsYearly[o.key]); got != text(cost.Totals.SavingsYearly[o.key]) {
				t.Errorf("%s: report summary saves %s a year, cost %s", o.key, got, text(cost.Totals.SavingsYearly[o.key]))
			}
		}
		for i, cl := range cost.Clusters {
			for _, o := range optionLabels {
				if got, want := text(rep.Cost.Clusters[i].SavingsMonthly[o.key]), text(cl.SavingsMonthly[o.key]); got != want {
					t.Errorf("cluster %s %s: report %s, cost %s", cl.Cluster, o.key, got, want)
				}
			}
		}
	})
	// The summary's option rows carry the saving, monthly then yearly.
	for _, format := range []string{"table", "markdown", "html"} {
		t.Run("report "+format, func(t *testing.T) {
			out := demoRun(t, "report", "--format", format)
			sep := "\n"
			if format == "html" {
				sep = "<tr>"
			}
			for _, o := range optionLabels {
				row := ""
				for _, line := range strings.Split(out, sep) {
					if strings.Contains(line, o.summary) {
						row = strings.ReplaceAll(line, `\`, "") // Markdown escapes $ and *
						break
					}
				}
				m, y := shown(cost.Totals.SavingsMonthly[o.key]), shown(cost.Totals.SavingsYearly[o.key])
				if row == "" || !strings.Contains(row, m) || !strings.Contains(row, y) || strings.Index(row, m) > strings.LastIndex(row, y) {
					t.Errorf("%s: summary row %q lacks the saving %s / %s", o.key, row, m, y)
				}
			}
		})
	}
	t.Run("cost table and markdown", func(t *testing.T) {
		for format, sep := range map[string]string{"table": "│", "markdown": "|"} {
			out := demoRun(t, "cost", "--format", format)
			for name, figures := range map[string]map[string]*string{"saving per month": cost.Totals.SavingsMonthly, "saving per year": cost.Totals.SavingsYearly} {
				var cells []string
				for _, line := range strings.Split(out, "\n") {
					parts := strings.Split(line, sep)
					if len(parts) > 8 && strings.TrimSpace(parts[1]) == name {
						cells = parts[4:9]
						break
					}
				}
				if cells == nil {
					t.Fatalf("%s: no %q row", format, name)
				}
				for i, o := range optionLabels {
					// Markdown escapes the "$" and a caveat's "*" ("\\$", "\\*").
					got := strings.TrimSuffix(strings.ReplaceAll(strings.TrimSpace(cells[i]), `\`, ""), "*")
					if got != shown(figures[o.key]) {
						t.Errorf("%s %s %s: %s, JSON %s", format, name, o.key, got, text(figures[o.key]))
					}
				}
			}
		}
	})
	t.Run("cost csv and report csv", func(t *testing.T) {
		csvOf := func(args ...string) ([]map[string]string, error) {
			records, err := csv.NewReader(strings.NewReader(demoRun(t, args...))).ReadAll()
			var rows []map[string]string
			for _, r := range records[1:] {
				row := map[string]string{}
				for i, h := range records[0] {
					if i < len(r) {
						row[h] = strings.TrimSuffix(r[i], "*")
					}
				}
				rows = append(rows, row)
			}
			return rows, err
		}
		keys := []string{"ondemand", "spot", "arm", "sp1y", "sp3y"}
		rows, err := csvOf("cost", "--format", "csv")
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			if r["level"] == "total" {
				for i, o := range optionLabels {
					if got := r["saving_"+keys[i]+"_monthly"]; got != text(cost.Totals.SavingsMonthly[o.key]) {
						t.Errorf("cost csv total %s: %s, JSON %s", o.key, got, text(cost.Totals.SavingsMonthly[o.key]))
					}
				}
			}
		}
		rep, err := csvOf("report", "--format", "csv")
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]map[string]*string{}
		for _, s := range cost.Services {
			want[s.Cluster+"/"+s.Service] = s.SavingsMonthly
		}
		for _, r := range rep {
			for i, o := range optionLabels {
				if got, w := r["saving_"+keys[i]+"_monthly"], text(want[r["cluster"]+"/"+r["service"]][o.key]); got != w {
					t.Errorf("report csv %s/%s %s: %s, cost %s", r["cluster"], r["service"], o.key, got, w)
				}
			}
		}
	})
}
