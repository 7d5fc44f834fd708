package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/golden"
)

// costDemo runs `cost --format FORMAT examples/demo-fleet` from the
// repository root, with no user cache or AWS config in the way.
func costDemo(t *testing.T, format string) (stdout, goldenPath string) {
	t.Helper()
	isolate(t)
	goldenPath = filepath.Join(packageDir, "testdata", "demo", "cost."+format)
	t.Chdir(filepath.Join(packageDir, "..", ".."))
	code, stdout, stderr := runCLI(t, "", "cost", "--format", format, demoFleet)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	return stdout, goldenPath
}

// The demo fleet's totals are unknown (two clusters have unpriced instance
// types, one service is too large for Fargate); the like-for-like block is
// what a reader gets instead, in every format.
func TestDemoFleetCostGoldens(t *testing.T) {
	for _, format := range []string{"table", "json", "markdown", "csv"} {
		t.Run(format, func(t *testing.T) {
			out, path := costDemo(t, format)
			if !strings.Contains(strings.ToLower(out), "like-for-like") && !strings.Contains(out, `"likeForLike"`) {
				t.Errorf("%s output has no like-for-like comparison", format)
			}
			golden.Assert(t, path, []byte(out))
		})
	}
}

func TestDemoFleetLikeForLike(t *testing.T) {
	out, _ := costDemo(t, "json")
	type scope struct {
		Clusters   []string
		EC2Monthly *string
		LeftOut    []struct {
			Cluster string
			Reasons []string
		}
	}
	var doc struct {
		Clusters []struct {
			Cluster    string
			EC2Monthly *string
			KnownPart  struct{ EC2Monthly *string }
		}
		Totals struct {
			EC2Monthly   *string
			EC2Clusters  int
			LikeForLike  map[string]scope
			UnknownParts []struct {
				Missing, Fill      string
				Clusters, Services []string
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	// The headline is the known part (prod-core's EC2 cost), never
	// "unknown" because of the other clusters, which are listed with what
	// fills them.
	if doc.Totals.EC2Monthly == nil || *doc.Totals.EC2Monthly != "840.96" || doc.Totals.EC2Clusters != 1 {
		t.Fatalf("the demo fleet's EC2 total should be prod-core's known 840.96 (1 cluster), got %v (%d)", doc.Totals.EC2Monthly, doc.Totals.EC2Clusters)
	}
	// A cluster with one unpriced host (g4dn.xlarge) still shows what its
	// other hosts cost, as its known part.
	for _, cl := range doc.Clusters {
		if cl.Cluster == "platform-tools" && (cl.EC2Monthly != nil || cl.KnownPart.EC2Monthly == nil || *cl.KnownPart.EC2Monthly == "0.00") {
			t.Errorf("platform-tools: EC2 %v, known part %v; want unknown with a known part", cl.EC2Monthly, cl.KnownPart.EC2Monthly)
		}
	}
	fills := map[string]string{}
	for _, p := range doc.Totals.UnknownParts {
		fills[p.Missing] = p.Fill + " | " + strings.Join(p.Clusters, ",") + " | " + strings.Join(p.Services, ",")
	}
	if got := fills["no price for EC2 instance type c6g.large in eu-west-1"]; !strings.HasPrefix(got, "ecs2fargate pricing update --region eu-west-1, or --price-file FILE | eu-web | eu-web/eu-consent-api,") {
		t.Errorf("unknown part for c6g.large: %q; unknown parts: %v", got, fills)
	}
	// windows-apps is left out: its hosts run Windows, whose EC2 price
	// (licence included) the book does not hold.
	want := map[string]string{"onDemand": "prod-core", "spot": "prod-core", "arm": "prod-core"}
	for option, l := range doc.Totals.LikeForLike {
		// The embedded book may lack EC2 Compute Savings Plan rates: then
		// the Savings Plan columns leave prod-core out and say why.
		if _, ok := want[option]; !ok && len(l.Clusters) == 0 {
			if len(l.LeftOut) == 0 || !strings.Contains(strings.Join(l.LeftOut[0].Reasons, ";"), "EC2 Compute Savings Plan") {
				t.Errorf("%s: left out %+v without naming the EC2 Compute Savings Plan rate", option, l.LeftOut)
			}
		}
	}
	for option, clusters := range want {
		l, ok := doc.Totals.LikeForLike[option]
		if !ok || strings.Join(l.Clusters, " ") != clusters || l.EC2Monthly == nil {
			t.Errorf("%s: compares %v (EC2 %v), want %s with a known EC2 figure", option, l.Clusters, l.EC2Monthly, clusters)
		}
		reasons := ""
		for _, lo := range l.LeftOut {
			reasons += lo.Cluster + ": " + strings.Join(lo.Reasons, "; ") + "\n"
		}
		for _, r := range []string{"eu-web: no price for EC2 instance type c6g.large", "platform-tools: no price for EC2 instance type g4dn.xlarge",
			"no Windows price for EC2 instance type m5.2xlarge"} {
			if !strings.Contains(reasons, r) {
				t.Errorf("%s: left out %q lacks %q", option, reasons, r)
			}
		}
	}
}
