package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/golden"
	"github.com/ecs2fargate/ecs2fargate/rewrite/runbook"
)

// demoPlan rewrites the bundled demo fleet as `rewrite --out` does and
// plans it.
func demoPlan(t *testing.T) *runbook.Plan {
	t.Helper()
	f, _ := fleet.Load(t.Context(), []string{"../../examples/demo-fleet"}, nil)
	run := rewriteFleet(f, rewriteOptions{})
	if _, err := outputFiles(run.report); err != nil {
		t.Fatal(err)
	}
	return runbook.Build(f, run.report, false)
}

func planAccounts(p *runbook.Plan) map[string]bool {
	out := map[string]bool{}
	for _, g := range p.Groups {
		out[g.Account] = true
	}
	return out
}

func TestRunbookPlanOrdersEachServiceSafely(t *testing.T) {
	p := demoPlan(t)
	var moved int
	for _, g := range p.Groups {
		for _, s := range g.Services {
			if s.How == "" {
				if s.Skip == "" {
					t.Errorf("%s/%s neither moves nor says why", s.Cluster, s.Service)
				}
				continue
			}
			moved++
			titles := make([]string, len(s.Steps))
			for i, st := range s.Steps {
				titles[i] = st.Title
				if len(st.Run) == 0 && !strings.HasPrefix(st.Title, "Working copy") {
					t.Errorf("%s/%s step %q runs nothing", s.Cluster, s.Service, st.Title)
				}
			}
			at := func(prefix string) int {
				for i, x := range titles {
					if strings.HasPrefix(x, prefix) {
						return i
					}
				}
				return -1
			}
			reg, update, wait := at("Register"), at("Update the service"), at("Wait for the deployment")
			if reg < 0 || update < reg || wait < update {
				t.Errorf("%s/%s steps out of order: %q", s.Cluster, s.Service, titles)
			}
			if beside, shift, only := at("Put "), at("Send the traffic"), at("Take the old target group"); beside >= 0 &&
				!(beside < update && update < shift && shift < wait && wait < only) {
				t.Errorf("%s/%s: the listener must take the new group at weight 0 before the update, get the traffic after it and drop the old group last: %q", s.Cluster, s.Service, titles)
			}
		}
	}
	if moved == 0 {
		t.Fatal("no service of the demo fleet moves")
	}
}

func TestRunbookPlanListsPlaceholdersAndPreconditions(t *testing.T) {
	p := demoPlan(t)
	var sg, tg, cps, roles, slr int
	for _, g := range p.Groups {
		for _, ph := range g.Placeholders {
			switch {
			case ph.Value == "sg-REPLACE-ME":
				sg++
				if ph.FilledByStep || !strings.Contains(ph.HowToFind, "describe-security-groups") || len(ph.UsedIn) == 0 {
					t.Errorf("security group placeholder: %+v", ph)
				}
			case strings.HasSuffix(ph.Value, "/REPLACE-ME"):
				tg++
				if !ph.FilledByStep {
					t.Errorf("target group ARN %s must be filled by the script", ph.Value)
				}
			}
		}
		for _, st := range g.Preconditions {
			switch {
			case strings.HasPrefix(st.Title, "Capacity providers"):
				cps++
				if !strings.Contains(strings.Join(st.Run, "\n"), "defaultCapacityProviderStrategy") {
					t.Errorf("%s does not keep the default strategy", st.Title)
				}
			case strings.HasPrefix(st.Title, "Task execution role"):
				roles++
			case strings.HasPrefix(st.Title, "ECS service-linked role"):
				slr++
			}
			if len(st.Rollback) == 0 {
				t.Errorf("precondition %q has no rollback line", st.Title)
			}
		}
	}
	if sg == 0 || tg == 0 || cps == 0 || roles == 0 {
		t.Errorf("placeholders sg=%d tg=%d; preconditions capacity providers=%d roles=%d", sg, tg, cps, roles)
	}
	// IAM is global: one service-linked role step per account.
	if accounts := len(planAccounts(p)); slr != accounts {
		t.Errorf("%d service-linked role steps for %d accounts", slr, accounts)
	}
}

func TestRunbookEveryCommandNamesRegionAndProfile(t *testing.T) {
	p := demoPlan(t)
	for _, g := range p.Groups {
		steps := g.Preconditions
		for _, s := range g.Services {
			steps = append(steps, s.Steps...)
		}
		for _, st := range steps {
			for _, l := range append(append(append([]string{}, st.Run...), st.Check...), st.Rollback...) {
				if i := strings.Index(l, "aws "); i >= 0 && !strings.HasPrefix(strings.TrimSpace(l), "#") &&
					(!strings.Contains(l, "--region ") || !strings.Contains(l, "--profile \"$"+g.Profile+"\"")) {
					t.Errorf("%q lacks --region or --profile: %s", st.Title, l)
				}
			}
		}
	}
}

func TestRunbookShellIsValidBash(t *testing.T) {
	p := demoPlan(t)
	var sh bytes.Buffer
	if err := runbook.Shell(&sh, p); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(sh.String(), "#!/usr/bin/env bash\n") || !strings.Contains(sh.String(), "set -euo pipefail") {
		t.Error("runbook.sh lacks its shebang or set -euo pipefail")
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash not on PATH: the syntax of runbook.sh was not checked")
	}
	file := t.TempDir() + "/runbook.sh"
	os.WriteFile(file, sh.Bytes(), 0o755)
	if out, err := exec.Command(bash, "-n", file).CombinedOutput(); err != nil {
		t.Errorf("bash -n runbook.sh: %v\n%s", err, out)
	}
}

func TestRunbookMarkdownAndShellRunTheSameLines(t *testing.T) {
	p := demoPlan(t)
	var md, sh bytes.Buffer
	runbook.Markdown(&md, p)
	runbook.Shell(&sh, p)
	for _, g := range p.Groups {
		for _, s := range g.Services {
			for _, st := range s.Steps {
				for _, l := range st.Run {
					if !strings.Contains(md.String(), l) || !strings.Contains(sh.String(), l) {
						t.Fatalf("line of %s/%s %q missing from RUNBOOK.md or runbook.sh: %s", s.Cluster, s.Service, st.Title, l)
					}
				}
			}
		}
	}
}

// The demo fleet's runbook, as `rewrite --out` writes it.
func TestRunbookDemoGolden(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	code, _, errOut := runCLI(t, "", "rewrite", "--out", out, "../../examples/demo-fleet")
	if code != exitFindings {
		t.Fatalf("exit %d (want 2: the demo fleet keeps blockers): %s", code, errOut)
	}
	for _, name := range []string{"RUNBOOK.md", "runbook.sh"} {
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		golden.Assert(t, filepath.Join("testdata", "demo", name), data)
	}
	if runtime.GOOS != "windows" {
		if info, err := os.Stat(filepath.Join(out, "runbook.sh")); err != nil || info.Mode().Perm()&0o100 == 0 {
			t.Errorf("runbook.sh is not executable: %v %v", info.Mode(), err)
		}
	}
}
