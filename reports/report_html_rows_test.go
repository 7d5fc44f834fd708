package reports

import (
	"bytes"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// TestHTMLRowsAreTheTemplates: the rows written by hand are the bytes the
// templates "serviceRow" and "unusedRow" write, detailed or not, for the
// fixture report's rows and rows whose values need escaping, are empty or
// nil, and whose amounts are unknown, in part known or flagged.
func TestHTMLRowsAreTheTemplates(t *testing.T) {
	services, unused := variedRows(t)
	part := Amount{Part: decimal.RequireFromString("12.5"), Flagged: true}
	services = append(services, ServiceReport{Service: "s", Verdict: "ready", OnFargate: true, Tasks: 3, Blockers: []string{"a", "b"},
		FargateSize: &TaskSize{CPU: 512, Memory: 1536}, EC2Monthly: part, FargateMonthly: FargateAmounts{Spot: part, ARM: knownAmount(decimal.NewFromInt(-7), false)}})
	for _, detailed := range []bool{true, false} {
		var want, got bytes.Buffer
		for i := range services {
			if err := reportHTMLTemplate.ExecuteTemplate(&want, "serviceRow", htmlServiceRow{&services[i], detailed}); err != nil {
				t.Fatal(err)
			}
			got.Write(appendServiceRowHTML(nil, &services[i], detailed))
		}
		for i := range unused {
			if err := reportHTMLTemplate.ExecuteTemplate(&want, "unusedRow", &unused[i]); err != nil {
				t.Fatal(err)
			}
			got.Write(appendUnusedRowHTML(nil, &unused[i]))
		}
		for _, seen := range []string{"&#34;", "&lt;", "&amp;", "&#39;", "&#43;", "\uFFFD", "\xff", "≥$12.50*", "–", " (on Fargate)"} {
			if !strings.Contains(want.String(), seen) {
				t.Fatalf("the templates wrote no %q: the rows do not vary as this test means them to", seen)
			}
		}
		if got.String() != want.String() {
			i := firstDiff(got.String(), want.String())
			t.Errorf("detailed %v: the rows written by hand differ from the templates' at byte %d:\n%s", detailed, i, around(got.String(), want.String()[i:]))
		}
	}
}
