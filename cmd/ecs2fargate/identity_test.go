package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleettest"
	"github.com/ecs2fargate/ecs2fargate/rewrite"
)

// The multi-region, multi-account fixture: prod-core as it is, moved to
// us-west-2 and moved to a second account. Each copy must come out exactly
// as prod-core alone does, under its own account and region.
func multiRegion(t *testing.T) (all, original string) {
	t.Helper()
	isolate(t)
	dir := fleettest.MultiRegion(t)
	return dir, filepath.Join(dir, "original")
}

type auditVerdict struct {
	Account, Region, Cluster, Service, TaskDefinition, Verdict string
	Blockers, Fixable                                          []string
}

type auditDoc struct {
	Verdicts    []auditVerdict
	Diagnostics []json.RawMessage
	Findings    []struct{ Account, Region, Service, RuleID string }
}

func auditJSON(t *testing.T, paths ...string) auditDoc {
	t.Helper()
	code, out, stderr := runCLI(t, "", append([]string{"audit", "--format", "json", "--fail-on", "none"}, paths...)...)
	if code != exitOK {
		t.Fatalf("audit: exit %d: %s", code, stderr)
	}
	var doc auditDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// Counts, links and verdicts: 45 services in three clusters, each judged
// against its own account's and region's task definition, each with the
// verdict prod-core alone gets; no duplicate warnings.
func TestMultiRegionAudit(t *testing.T) {
	all, original := multiRegion(t)
	got, want := auditJSON(t, all), auditJSON(t, original)
	if len(got.Diagnostics) != 0 {
		t.Errorf("diagnostics on three distinct copies: %s", got.Diagnostics)
	}
	alone := map[string]auditVerdict{}
	for _, v := range want.Verdicts {
		alone[v.Service+"|"+v.TaskDefinition] = v
	}
	perCopy := map[[2]string]int{}
	for _, v := range got.Verdicts {
		w, ok := alone[v.Service+"|"+v.TaskDefinition]
		if !ok || v.Verdict != w.Verdict || !slices.Equal(v.Blockers, w.Blockers) || !slices.Equal(v.Fixable, w.Fixable) {
			t.Errorf("%s/%s %s %s: %s %v %v; prod-core alone: %s %v %v", v.Account, v.Region, v.Service, v.TaskDefinition,
				v.Verdict, v.Blockers, v.Fixable, w.Verdict, w.Blockers, w.Fixable)
		}
		if v.Service != "" {
			perCopy[[2]string{v.Account, v.Region}]++
		}
	}
	for name, where := range fleettest.Copies {
		if perCopy[where] != 15 {
			t.Errorf("copy %s (%v): %d service verdicts, want 15", name, where, perCopy[where])
		}
	}
	if len(got.Findings) != 3*len(want.Findings) {
		t.Errorf("%d findings, want 3 × %d", len(got.Findings), len(want.Findings))
	}
	for _, f := range got.Findings {
		if _, ok := fleettest.Copies[copyOf(f.Account, f.Region)]; !ok {
			t.Errorf("finding %s on %s names %s/%s, none of the copies", f.RuleID, f.Service, f.Account, f.Region)
		}
	}
	// The human table tells the three prod-core clusters apart.
	_, table, _ := runCLI(t, "", "audit", "--fail-on", "none", all)
	for _, where := range fleettest.Copies {
		if !strings.Contains(table, where[0]+"/"+where[1]+"/prod-core") {
			t.Errorf("audit table does not name %s/%s/prod-core", where[0], where[1])
		}
	}
	// prod-core alone reads as before: no account or region in its table.
	if _, one, _ := runCLI(t, "", "audit", "--fail-on", "none", original); strings.Contains(one, fleettest.Account+"/") {
		t.Error("a one-region audit table names the account")
	}
}

func copyOf(account, region string) string {
	for name, w := range fleettest.Copies {
		if w == [2]string{account, region} {
			return name
		}
	}
	return ""
}

// The rewrite lays each copy's documents out under ACCOUNT/REGION/, the
// same file set prod-core alone gets, none written twice.
func TestMultiRegionRewriteFileSet(t *testing.T) {
	all, original := multiRegion(t)
	outAll, outOne := t.TempDir(), t.TempDir()
	for _, c := range [][2]string{{all, outAll}, {original, outOne}} {
		if code, _, stderr := runCLI(t, "", "rewrite", "--out", c[1], c[0]); code != exitOK && code != exitFindings {
			t.Fatalf("rewrite %s: exit %d: %s", c[0], code, stderr)
		}
	}
	one := filesUnder(t, outOne)
	runWide := []string{"RUNBOOK.md", "changes.json", "changes.md", "runbook.sh"} // one each, at the top
	var want []string
	for _, where := range fleettest.Copies {
		for _, f := range one {
			if !slices.Contains(runWide, f) {
				want = append(want, where[0]+"/"+where[1]+"/"+f)
			}
		}
	}
	want = append(want, runWide...)
	sort.Strings(want)
	if got := filesUnder(t, outAll); !slices.Equal(got, want) {
		t.Errorf("files:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func filesUnder(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, path)
			out = append(out, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

// Two documents that would share a path are refused, not overwritten.
func TestOutputFilesRefusesAPathTwice(t *testing.T) {
	doc := []byte(`{}`)
	r := &rewrite.Report{Services: []rewrite.ServiceResult{
		{Account: "1", Region: "r", Cluster: "a.b", Service: "c", UpdateService: doc},
		{Account: "1", Region: "r", Cluster: "a", Service: "b.c", UpdateService: doc},
	}}
	if _, err := outputFiles(r); err == nil || !strings.Contains(err.Error(), "a.b.c.update-service.json") {
		t.Errorf("err = %v, want a refusal naming a.b.c.update-service.json", err)
	}
	// The same names in two regions are two folders.
	r.Services[1] = rewrite.ServiceResult{Account: "1", Region: "s", Cluster: "a.b", Service: "c", UpdateService: doc}
	files, err := outputFiles(r)
	if err != nil || len(files) != 2 || files[0].name != "1/r/a.b.c.update-service.json" || files[1].name != "1/s/a.b.c.update-service.json" {
		t.Errorf("files %v, err %v", files, err)
	}
}

type costDoc struct {
	Clusters []struct {
		Account, Cluster, Region string
		Instances                []struct{ ID, Region string }
		EC2Monthly               string
	}
	Services []struct{ Account, Region, Service string }
}

// Each prod-core is priced in its own region with its own six hosts.
func TestMultiRegionCost(t *testing.T) {
	all, original := multiRegion(t)
	costOf := func(path string) costDoc {
		code, out, stderr := runCLI(t, "", "cost", "--format", "json", path)
		if code != exitOK {
			t.Fatalf("cost: exit %d: %s", code, stderr)
		}
		var c costDoc
		if err := json.Unmarshal([]byte(out), &c); err != nil {
			t.Fatal(err)
		}
		return c
	}
	got, one := costOf(all), costOf(original)
	if len(got.Clusters) != 3 || len(got.Services) != 45 {
		t.Fatalf("%d clusters, %d services; want 3 and 45", len(got.Clusters), len(got.Services))
	}
	for _, cl := range got.Clusters {
		if copyOf(cl.Account, cl.Region) == "" || len(cl.Instances) != 6 || cl.EC2Monthly != one.Clusters[0].EC2Monthly {
			t.Errorf("cluster %s in %s/%s: %d hosts, EC2 %s; want one of the copies, 6 hosts, %s", cl.Cluster, cl.Account, cl.Region,
				len(cl.Instances), cl.EC2Monthly, one.Clusters[0].EC2Monthly)
		}
		for _, in := range cl.Instances {
			if in.Region != cl.Region {
				t.Errorf("host %s of %s/%s priced in %s", in.ID, cl.Account, cl.Region, in.Region)
			}
		}
	}
	for _, s := range got.Services {
		if copyOf(s.Account, s.Region) == "" {
			t.Errorf("service %s priced as %s/%s", s.Service, s.Account, s.Region)
		}
	}
}

// A task definition without an ARN takes its region from the AWS
// configuration, and the output says so.
func TestRegisterShapeRegionFromConfig(t *testing.T) {
	isolate(t)
	t.Setenv("AWS_REGION", "eu-west-1")
	code, out, stderr := runCLI(t, "", "audit", "--format", "json", "--fail-on", "none", "../../internal/fleet/testdata/shapes/register-task-definition.json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc struct {
		Verdicts []struct {
			Account, Region string
			IdentityAssumed bool
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Verdicts) != 1 || doc.Verdicts[0].Region != "eu-west-1" || doc.Verdicts[0].Account != "" || !doc.Verdicts[0].IdentityAssumed {
		t.Errorf("verdicts %+v, want one in eu-west-1, account unknown, identityAssumed", doc.Verdicts)
	}
	if !strings.Contains(stderr, "taken as unknown-account/eu-west-1 from --region or the AWS configuration") {
		t.Errorf("stderr does not say what was assumed:\n%s", stderr)
	}
}

// The report joins audit, cost and rewrite per account, region and name:
// each copy's services are judged, priced and placed in the like-for-like
// comparison as prod-core alone is.
func TestMultiRegionReport(t *testing.T) {
	all, original := multiRegion(t)
	type reportDoc struct {
		Clusters []struct{ Account, Region, Cluster string }
		Services []struct {
			Account, Region, Service, Verdict, LikeForLike string
			Changes                                        []json.RawMessage
		}
	}
	reportOf := func(path string) reportDoc {
		code, out, stderr := runCLI(t, "", "report", "--format", "json", "--fail-on", "none", path)
		if code != exitOK {
			t.Fatalf("report: exit %d: %s", code, stderr)
		}
		var r reportDoc
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatal(err)
		}
		return r
	}
	got, one := reportOf(all), reportOf(original)
	alone := map[string]string{}
	for _, s := range one.Services {
		alone[s.Service] = fmt.Sprintf("%s %s %d", s.Verdict, s.LikeForLike, len(s.Changes))
	}
	if len(got.Clusters) != 3 || len(got.Services) != 45 {
		t.Fatalf("%d clusters, %d services; want 3 and 45", len(got.Clusters), len(got.Services))
	}
	for _, s := range got.Services {
		if g := fmt.Sprintf("%s %s %d", s.Verdict, s.LikeForLike, len(s.Changes)); copyOf(s.Account, s.Region) == "" || g != alone[s.Service] {
			t.Errorf("%s in %s/%s: %s; prod-core alone: %s", s.Service, s.Account, s.Region, g, alone[s.Service])
		}
	}
	_, csvOut, _ := runCLI(t, "", "report", "--format", "csv", "--fail-on", "none", all)
	if !strings.HasPrefix(csvOut, "account,region,cluster,service,") {
		t.Errorf("report CSV header: %.60s", csvOut)
	}
}
