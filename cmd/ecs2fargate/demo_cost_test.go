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

// The demo fleet's Savings Plan totals are unknown (the embedded book holds
// no EC2 Compute Savings Plan rates, one service is too large for
// Fargate); the like-for-like block is what a reader gets instead, in
// every format.
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
		Clusters       []string
		EC2Monthly     *string
		FargateMonthly *string
		SavingsMonthly *string
		LeftOut        []struct {
			Cluster string
			Reasons []string
		}
	}
	var doc struct {
		Clusters []struct {
			Cluster        string
			EC2Monthly     *string
			FargateMonthly struct{ SavingsPlan1y *string }
			KnownPart      struct {
				EC2Monthly     *string
				FargateMonthly struct{ SavingsPlan1y *string }
			}
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
	// Every host of the demo fleet is priced by the embedded book (Linux
	// and Windows, licence included, on-demand), so the EC2 total is known
	// over all four clusters.
	if doc.Totals.EC2Monthly == nil || doc.Totals.EC2Clusters != 4 {
		t.Fatalf("the demo fleet's EC2 total should be known over its 4 clusters, got %v (%d)", doc.Totals.EC2Monthly, doc.Totals.EC2Clusters)
	}
	// A cluster whose Savings Plan side is unknown (the book holds no EC2
	// Compute Savings Plan rates) still shows what the rest costs, as its
	// known part; windows-apps is priced at the Windows rate.
	for _, cl := range doc.Clusters {
		if cl.Cluster == "prod-core" && (cl.FargateMonthly.SavingsPlan1y != nil || cl.KnownPart.FargateMonthly.SavingsPlan1y == nil || *cl.KnownPart.FargateMonthly.SavingsPlan1y == "0.00") {
			t.Errorf("prod-core: after the move SP 1y %v, known part %v; want unknown with a known part", cl.FargateMonthly.SavingsPlan1y, cl.KnownPart.FargateMonthly.SavingsPlan1y)
		}
		if cl.Cluster == "windows-apps" && cl.EC2Monthly == nil {
			t.Error("windows-apps: EC2 unknown; want its hosts at the book's Windows rate")
		}
	}
	fills := map[string]string{}
	for _, p := range doc.Totals.UnknownParts {
		fills[p.Missing] = p.Fill + " | " + strings.Join(p.Clusters, ",") + " | " + strings.Join(p.Services, ",")
		if strings.Contains(p.Missing, "no Windows price") {
			t.Errorf("unknown part %q: the book holds the Windows rate", p.Missing)
		}
	}
	if got := fills["no EC2 Compute Savings Plan 1-year rate for c6g.large in eu-west-1"]; !strings.HasPrefix(got, "ecs2fargate pricing update --region eu-west-1, or --price-file FILE | eu-west-1/eu-web | eu-west-1/eu-web/") {
		t.Errorf("unknown part for c6g.large's Savings Plan rate: %q; unknown parts: %v", got, fills)
	}
	// On-demand, Spot and ARM compare all four clusters; the embedded book
	// lacks EC2 Compute Savings Plan rates, so the Savings Plan columns
	// leave every cluster out and say why.
	all := "eu-west-1/eu-web us-east-1/platform-tools us-east-1/prod-core us-east-1/windows-apps"
	want := map[string]string{"onDemand": all, "spot": all, "arm": all}
	for option, l := range doc.Totals.LikeForLike {
		if _, ok := want[option]; !ok {
			if len(l.Clusters) != 0 || len(l.LeftOut) == 0 || !strings.Contains(strings.Join(l.LeftOut[0].Reasons, ";"), "EC2 Compute Savings Plan") {
				t.Errorf("%s: compares %v, left out %+v; want none compared, naming the EC2 Compute Savings Plan rate", option, l.Clusters, l.LeftOut)
			}
			// An option that compares nothing is unknown (null), not 0.00.
			if l.EC2Monthly != nil || l.FargateMonthly != nil || l.SavingsMonthly != nil {
				t.Errorf("%s: compares no cluster, yet EC2 %v, Fargate %v, saving %v; want null", option, l.EC2Monthly, l.FargateMonthly, l.SavingsMonthly)
			}
		}
	}
	for option, clusters := range want {
		l, ok := doc.Totals.LikeForLike[option]
		if !ok || strings.Join(l.Clusters, " ") != clusters || l.EC2Monthly == nil {
			t.Errorf("%s: compares %v (EC2 %v), want %s with a known EC2 figure", option, l.Clusters, l.EC2Monthly, clusters)
		}
		if len(l.LeftOut) != 0 {
			t.Errorf("%s: left out %+v, want none", option, l.LeftOut)
		}
	}
}
