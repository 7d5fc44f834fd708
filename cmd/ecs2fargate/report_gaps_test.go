package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// The demo's data gaps are grouped by what to add: one `aws ecr
// describe-images --repository-name R` command per ECR repository whose
// images could not be checked (24 checks over 12 repositories), not one
// line per check, in every human format.
func TestReportGroupsDataGapsByWhatToAdd(t *testing.T) {
	var audit struct {
		NotChecked []struct{ Needs string }
	}
	if err := json.Unmarshal([]byte(demoRun(t, "audit", "--format", "json")), &audit); err != nil {
		t.Fatal(err)
	}
	repos := map[string]bool{}
	ecrChecks := 0
	for _, n := range audit.NotChecked {
		if !strings.Contains(n.Needs, "aws ecr describe-images") {
			continue
		}
		ecrChecks++
		for _, word := range strings.Fields(strings.TrimSuffix(strings.Split(n.Needs, ": add")[0], ":")) {
			if ref := fleet.ParseImageRef(word); ref.IsECR() {
				repos[ref.Repository] = true
			}
		}
	}
	if ecrChecks <= len(repos) || len(repos) < 2 {
		t.Fatalf("%d ECR checks over %d repositories: the demo should repeat repositories", ecrChecks, len(repos))
	}
	var rep struct {
		DataGaps struct {
			ToAdd []struct {
				Add      string
				Checks   int
				Commands []string
			}
		}
	}
	if err := json.Unmarshal([]byte(demoRun(t, "report", "--format", "json")), &rep); err != nil {
		t.Fatal(err)
	}
	var ecr []string
	for _, g := range rep.DataGaps.ToAdd {
		if strings.Contains(g.Add, "aws ecr describe-images") {
			if g.Checks != ecrChecks {
				t.Errorf("the ECR group counts %d checks, the audit %d", g.Checks, ecrChecks)
			}
			ecr = g.Commands
		}
	}
	seen := map[string]bool{}
	for _, c := range ecr {
		f := strings.Fields(c)
		if len(f) < 5 || strings.Join(f[:4], " ") != "aws ecr describe-images --repository-name" || !repos[f[4]] || seen[f[4]] {
			t.Errorf("command %q: want one aws ecr describe-images --repository-name R per repository", c)
			continue
		}
		seen[f[4]] = true
	}
	if len(seen) != len(repos) {
		t.Errorf("%d commands for %d repositories: %v", len(seen), len(repos), ecr)
	}
	for _, format := range []string{"table", "markdown", "html"} {
		out := demoRun(t, "report", "--format", format)
		if n := strings.Count(out, "aws ecr describe-images --repository-name"); n != len(repos) {
			t.Errorf("%s: %d describe-images commands, want one per repository (%d)", format, n, len(repos))
		}
		if strings.Contains(out, "output for its repository") {
			t.Errorf("%s still says \"add … output for its repository\" per check", format)
		}
	}
}
