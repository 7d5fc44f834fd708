package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// cost prices both sizes: fargateMonthly at the reservation size and
// fargateMonthlyRightsized at the size measured from use, with the saving
// apart from the move's. By hand, us-east-1 on-demand Linux x86 at $0.04048
// a vCPU-hour and $0.004445 a GB-hour, 2 tasks × 730 h: 1 vCPU / 4 GB is
// 0.05826 × 1,460 = 85.06; 0.5 vCPU / 2 GB (p99 CPU 204.8 + 30 %, max
// memory 1,024 MiB + 20 %) is 42.53; the saving 42.53. young has 3 days of
// data: no usage size, and why.
func TestCostPricesBothSizes(t *testing.T) {
	code, stdout, stderr := runCLI(t, "", "cost", "--format", "json", filepath.Join("..", "..", "rewrite", "testdata", "usage"))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var out struct {
		Services []struct {
			Service                   string
			FargateSize               *struct{ CPU, Memory int }
			RightsizedSize            *struct{ CPU, Memory int }
			FargateMonthly            struct{ OnDemand *string }
			FargateMonthlyRightsized  *struct{ OnDemand *string }
			RightsizingSavingsMonthly *struct{ OnDemand *string }
			RightsizeWithheld         []string
		}
		Totals struct {
			RightsizingSavingsMonthly *struct{ OnDemand *string }
			RightsizedServices        int
		}
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatal(err)
	}
	str := func(p *string) string {
		if p == nil {
			return "null"
		}
		return *p
	}
	for _, s := range out.Services {
		switch s.Service {
		case "web":
			if s.RightsizedSize == nil || s.RightsizedSize.CPU != 512 || s.RightsizedSize.Memory != 2048 || s.FargateSize.CPU != 1024 ||
				str(s.FargateMonthly.OnDemand) != "85.06" || str(s.FargateMonthlyRightsized.OnDemand) != "42.53" || str(s.RightsizingSavingsMonthly.OnDemand) != "42.53" {
				t.Errorf("web: %+v", s)
			}
		case "young":
			if s.RightsizedSize != nil || s.FargateMonthlyRightsized != nil || len(s.RightsizeWithheld) != 1 || s.RightsizeWithheld[0] != "3 days of data, fewer than 7" {
				t.Errorf("young: %+v", s)
			}
		}
	}
	if r := out.Totals.RightsizingSavingsMonthly; r == nil || str(r.OnDemand) != "42.53" || out.Totals.RightsizedServices != 1 {
		t.Errorf("totals: %+v", out.Totals)
	}
}

// The HTML report charts measured use against the reservation and the
// recommended size (SVG with a viewBox) for the services rightsizing saves
// most on; young, withheld, is not charted.
func TestReportChartsMeasuredUse(t *testing.T) {
	code, stdout, stderr := runCLI(t, "", "report", "--format", "html", filepath.Join("..", "..", "rewrite", "testdata", "usage"))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		`<h2 id="utilisation">`,
		`<figcaption>shop/web: saves $42.53 a month on-demand at the recommended size</figcaption>`,
		`viewBox="0 0 760 60"`,
		// CPU: max 409.6 of the row's largest, 1024 reserved, spans 144 of 360 px.
		`<rect x="80" y="6" width="144.0" height="14" fill="#9ecae1"></rect><rect x="80" y="6" width="72.0"`,
		`p99 205 · max 410 · reserved 1024 · recommended 512 units`,
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if strings.Contains(stdout, "shop/young: saves") {
		t.Error("a service without a usage size is charted")
	}
}
