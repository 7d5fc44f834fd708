package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/ecs2fargate/ecs2fargate/internal/golden"
)

// isolate points the user cache and the AWS config at empty places, so a
// developer's own cache or region cannot change what the tests see.
func isolate(t *testing.T) string {
	t.Helper()
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache)
	t.Setenv("HOME", t.TempDir())
	t.Setenv("AWS_REGION", "")
	t.Setenv("AWS_DEFAULT_REGION", "")
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(cache, "no-config"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(cache, "no-credentials"))
	return filepath.Join(cache, "ecs2fargate", "prices.json")
}

// runCLINoInput runs the real command line with no standard input.
func runCLINoInput(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return runCLI(t, "", args...)
}

const costFleet = "testdata/cost/fleet"

func TestCostFormatsGolden(t *testing.T) {
	isolate(t)
	for _, format := range []string{"table", "json", "markdown", "csv"} {
		t.Run(format, func(t *testing.T) {
			code, out, stderr := runCLINoInput(t, "cost", "--format", format, "--cpu-weight", "9", costFleet)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			golden.Assert(t, filepath.Join("testdata", "cost", "golden."+format), []byte(out))
			last := lastLine(out)
			if format == "csv" {
				if !strings.HasPrefix(last, "assumptions,") {
					t.Errorf("last CSV row %q is not the assumptions", last)
				}
			} else if format != "json" && !strings.Contains(last, "Assumptions: prices as of 2026-12-06") {
				t.Errorf("output does not end with the assumptions line: %q", last)
			}
		})
	}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

// The JSON contract: money as decimal strings; each cluster's service
// shares plus idle equal its EC2 cost to the cent.
func TestCostJSONContract(t *testing.T) {
	isolate(t)
	code, out, stderr := runCLINoInput(t, "cost", "--format", "json", costFleet)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc struct {
		Services []struct {
			Cluster, Service string
			EC2Monthly       *string `json:"ec2Monthly"`
			FargateMonthly   map[string]*string
		}
		Clusters []struct {
			Cluster                 string
			EC2Monthly, IdleMonthly *string
		}
		Assumptions map[string]any
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"onDemand", "spot", "arm", "savingsPlan1y", "savingsPlan3y"} {
		if doc.Services[1].FargateMonthly[k] == nil {
			t.Errorf("fargateMonthly.%s missing", k)
		}
	}
	if got := *doc.Services[1].FargateMonthly["onDemand"]; doc.Services[1].Service != "tiny" || got != "9.01" {
		t.Errorf("tiny on-demand = %s, want 9.01", got)
	}
	sum := decimal.RequireFromString(*doc.Clusters[0].IdleMonthly)
	for _, s := range doc.Services {
		sum = sum.Add(decimal.RequireFromString(*s.EC2Monthly))
	}
	if cl := *doc.Clusters[0].EC2Monthly; cl != "100.45" || !sum.Equal(decimal.RequireFromString(cl)) {
		t.Errorf("shares + idle = %s, cluster = %s (want 100.45)", sum, cl)
	}
	if doc.Assumptions["hoursPerMonth"] != "730" || doc.Assumptions["priceDate"] != "2026-12-06" {
		t.Errorf("assumptions = %v", doc.Assumptions)
	}
}

func TestCostRejectsAbsurdFlags(t *testing.T) {
	isolate(t)
	cases := []struct {
		flags []string
		want  string // the valid range, or what is wrong
	}{
		{[]string{"--spot-share", "150"}, "[0, 100]"},
		{[]string{"--hours-per-month", "-5"}, "(0, 744]"},
		{[]string{"--hours-per-month", "lots"}, "not a number"},
		{[]string{"--ec2-discount", "100"}, "[0, 100)"},
		{[]string{"--cpu-weight", "0"}, "(0, 1000]"},
		{[]string{"--memory-headroom", "500"}, "[0, 100]"},
		{[]string{"--format", "xml"}, "csv, json"},
		{[]string{"--ec2-spot-discount", "-1"}, "[0, 100)"},
		{[]string{"--fargate-spot-discount", "100"}, "[0, 100)"},
		{[]string{"--task-starts-per-month", "-1"}, "[0, 1000000]"},
	}
	for _, c := range cases {
		code, _, stderr := runCLINoInput(t, append(append([]string{"cost"}, c.flags...), costFleet)...)
		if code != 1 || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 1 naming %q", c.flags, code, stderr, c.want)
		}
	}
}

func TestCostUnknownRegionNamedInOutput(t *testing.T) {
	isolate(t)
	code, out, stderr := runCLINoInput(t, "cost", "--region", "xx-nowhere-1", costFleet)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "unknown: no price for fargate-vcpu in xx-nowhere-1") || !strings.Contains(stderr, "no prices for region xx-nowhere-1") {
		t.Errorf("output does not name the unknown region:\n%s\n%s", out, stderr)
	}
}

func bulkTestServer(t *testing.T, truncate bool) *httptest.Server {
	files := http.FileServer(http.Dir("../../pricing/testdata/bulk"))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if truncate && strings.HasSuffix(r.URL.Path, "/us-east-1/index.json") && strings.Contains(r.URL.Path, "AmazonEC2") {
			data, _ := os.ReadFile("../../pricing/testdata/bulk" + r.URL.Path)
			w.Write(data[:len(data)/2])
			return
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// update writes the cache; a later update that meets a truncated offer
// file fails clearly and leaves the previous cache as it was.
func TestPricingUpdateKeepsCacheOnTruncatedOffer(t *testing.T) {
	cache := isolate(t)
	good := bulkTestServer(t, false)
	code, out, stderr := runCLINoInput(t, "pricing", "update", "--region", "us-east-1", "--base-url", good.URL)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, cache) {
		t.Errorf("output %q does not name the cache %s", out, cache)
	}
	before, err := os.ReadFile(cache)
	if err != nil {
		t.Fatal(err)
	}
	code, out, _ = runCLINoInput(t, "pricing", "show", "--region", "us-east-1")
	if code != 0 || !strings.Contains(out, "Price book: AWS Price List bulk API") || !strings.Contains(out, "20261101000000") {
		t.Errorf("show after update: exit %d\n%s", code, out)
	}
	bad := bulkTestServer(t, true)
	code, _, stderr = runCLINoInput(t, "pricing", "update", "--region", "us-east-1", "--base-url", bad.URL)
	if code != 1 || !strings.Contains(stderr, "truncated") || !strings.Contains(stderr, "unchanged") {
		t.Errorf("truncated update: exit %d, stderr %q", code, stderr)
	}
	after, err := os.ReadFile(cache)
	if err != nil || !bytes.Equal(before, after) {
		t.Errorf("cache changed after a failed update (err %v)", err)
	}
	entries, _ := os.ReadDir(filepath.Dir(cache))
	if len(entries) != 1 {
		t.Errorf("cache dir holds %d files, want only prices.json (no temp files left)", len(entries))
	}
}

func TestPriceFileErrorsNameTheFile(t *testing.T) {
	isolate(t)
	bad := filepath.Join(t.TempDir(), "prices.json")
	os.WriteFile(bad, []byte(`{"schemaVersion": 1, "asOf": `), 0o644)
	code, _, stderr := runCLINoInput(t, "cost", "--price-file", bad, costFleet)
	if code != 1 || !strings.Contains(stderr, bad) {
		t.Errorf("exit %d, stderr %q; want exit 1 naming %s", code, stderr, bad)
	}
}

func TestBrokenCacheFallsBackWithWarning(t *testing.T) {
	cache := isolate(t)
	os.MkdirAll(filepath.Dir(cache), 0o755)
	os.WriteFile(cache, []byte("{truncated"), 0o644)
	code, out, stderr := runCLINoInput(t, "cost", costFleet)
	if code != 0 || !strings.Contains(stderr, "ignoring the cached price book") || !strings.Contains(out, "(embedded)") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

func TestPricingShow(t *testing.T) {
	isolate(t)
	code, out, _ := runCLINoInput(t, "pricing", "show", "--region", "us-east-1")
	if code != 0 || !strings.Contains(out, "fargate-windows-vcpu") || !strings.Contains(out, "U (unverified)") ||
		!strings.Contains(out, "ec2-windows:m5.2xlarge") || !strings.Contains(out, "EC2 coverage: every instance type (1367 Linux, 469 Windows)") {
		t.Errorf("exit %d\n%.3000s", code, out)
	}
	code, out, _ = runCLINoInput(t, "pricing", "show", "--region", "eu-west-1")
	if code != 0 || !strings.Contains(out, "EC2 coverage: partial") || !strings.Contains(out, "pricing update --region eu-west-1") {
		t.Errorf("eu-west-1: exit %d\n%.3000s", code, out)
	}
	code, out, _ = runCLINoInput(t, "pricing", "show", "--region", "sa-east-1")
	if code != 0 || !strings.Contains(out, "sa-east-1's EC2 prices are not embedded") {
		t.Errorf("sa-east-1: exit %d\n%.3000s", code, out)
	}
	code, _, stderr := runCLINoInput(t, "pricing", "show", "--region", "xx-nowhere-1")
	if code != 1 || !strings.Contains(stderr, "us-east-1") {
		t.Errorf("unknown region: exit %d, stderr %q", code, stderr)
	}
}

func TestCostUnknownInstanceTypeNamedInOutput(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	for _, name := range []string{"services.json", "td-tiny.json", "td-api.json", "container-instances.json", "instances.json"} {
		data, err := os.ReadFile(filepath.Join(costFleet, name))
		if err != nil {
			t.Fatal(err)
		}
		data = bytes.ReplaceAll(data, []byte(`"t3.medium"`), []byte(`"x9.mega"`))
		os.WriteFile(filepath.Join(dir, name), data, 0o644)
	}
	code, out, stderr := runCLINoInput(t, "cost", "--format", "csv", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "cluster,web,,123456789012,us-east-1,,,,unknown,unknown,81.09") {
		t.Errorf("cluster row does not show EC2 unknown beside a known Fargate cost:\n%s", out)
	}
	code, out, _ = runCLINoInput(t, "cost", dir)
	if code != 0 || !strings.Contains(out, "unknown: no price for EC2 instance type x9.mega in us-east-1") {
		t.Errorf("table does not name the unknown instance type:\n%s", out)
	}
}

// A service whose ARNs name no region is priced in the AWS config's
// region; with none configured its figures are unknown, with the reason.
func TestCostRegionFallsBackToAWSConfig(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "td.json"), []byte(`{"family": "x", "cpu": "256", "memory": "512",
		"containerDefinitions": [{"name": "app", "image": "app:1", "essential": true}]}`), 0o644)
	os.WriteFile(filepath.Join(dir, "services.json"), []byte(`{"services": [{"serviceName": "a", "taskDefinition": "x",
		"desiredCount": 1, "runningCount": 1, "launchType": "EC2"}]}`), 0o644)
	type doc struct {
		Services []struct {
			Region         string
			FargateMonthly map[string]*string
		}
		Unknown []string
	}
	cost := func() doc {
		t.Helper()
		_, out, stderr := runCLINoInput(t, "cost", "--format", "json", dir)
		var d doc
		if err := json.Unmarshal([]byte(out), &d); err != nil || len(d.Services) != 1 {
			t.Fatalf("%v: %s", err, stderr)
		}
		return d
	}
	isolate(t)
	d := cost()
	if d.Services[0].Region != "" || d.Services[0].FargateMonthly["onDemand"] != nil || !strings.Contains(strings.Join(d.Unknown, " "), "no region for service") {
		t.Errorf("no region anywhere: %+v", d)
	}
	t.Setenv("AWS_REGION", "eu-west-1")
	d = cost()
	if got := d.Services[0].FargateMonthly["onDemand"]; d.Services[0].Region != "eu-west-1" || got == nil || *got != "9.01" {
		t.Errorf("AWS_REGION=eu-west-1: %+v", d.Services[0])
	}
}

// --price-file prices with the given book: the embedded one with the
// us-east-1 Fargate vCPU rate doubled makes tiny (0.25 vCPU, 0.5 GB, one
// task) cost (0.25 × 0.08096 + 0.5 × 0.004445) × 730 = $16.40, and the
// assumptions name the file.
func TestCostWithAPriceFile(t *testing.T) {
	isolate(t)
	data, err := os.ReadFile("../../pricing/data/default.json")
	if err != nil {
		t.Fatal(err)
	}
	var book map[string]any
	if err := json.Unmarshal(data, &book); err != nil {
		t.Fatal(err)
	}
	book["regions"].(map[string]any)["us-east-1"].(map[string]any)["fargate-vcpu"].(map[string]any)["value"] = "0.08096"
	file := filepath.Join(t.TempDir(), "my-prices.json")
	out, _ := json.Marshal(book)
	os.WriteFile(file, out, 0o644)
	code, stdout, stderr := runCLINoInput(t, "cost", "--format", "json", "--price-file", file, costFleet)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc struct {
		Services []struct {
			Service        string
			FargateMonthly map[string]*string
		}
		Assumptions struct{ PriceFile string }
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, s := range doc.Services {
		if s.Service == "tiny" {
			found = true
			if got := s.FargateMonthly["onDemand"]; got == nil || *got != "16.40" {
				t.Errorf("tiny on-demand = %v, want 16.40 from the price file", got)
			}
		}
	}
	if !found {
		t.Fatal("no service tiny in the cost fleet")
	}
	if doc.Assumptions.PriceFile != file {
		t.Errorf("assumptions.priceFile = %q, want %q", doc.Assumptions.PriceFile, file)
	}
}
