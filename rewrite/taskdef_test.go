package rewrite

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// fixableTaskRules are the task rules that can report a fixable finding
// (Rule.Severities: their Severity or Also; a test in the analyzer holds
// those to what the audit emits).
func fixableTaskRules(t *testing.T) []string {
	t.Helper()
	var ids []string
	for _, r := range analyzer.Rules() {
		if r.Scope == analyzer.ScopeTask && slices.Contains(r.Severities(), analyzer.Fixable) {
			ids = append(ids, r.ID)
		}
	}
	return ids
}

// TestEveryFixableRuleHasAGoldenCase requires a case whose change list
// applies each fixable rule.
func TestEveryFixableRuleHasAGoldenCase(t *testing.T) {
	applied := map[string]bool{}
	for _, c := range tdCases(t) {
		if c.err == nil {
			for _, ch := range c.res.Changes {
				applied[ch.RuleID] = true
			}
		}
	}
	var missing []string
	for _, id := range append(fixableTaskRules(t), analyzer.RuleReadOnlyFields) {
		if !applied[id] {
			missing = append(missing, id)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("no golden case under %s applies: %s", tdCaseRoot, strings.Join(missing, ", "))
	}
}

// substitute puts a rewritten document in place of the original inside the
// case's fleet, so that hosts and images still give the context.
func substitute(t *testing.T, c *tdCase, doc []byte) {
	t.Helper()
	decoded, diags := fleet.LoadBytes("out.json", doc)
	if len(decoded.TaskDefinitions) != 1 {
		t.Fatalf("out.json does not load: %v", diags)
	}
	n := decoded.TaskDefinitions[0]
	c.td.Def, c.td.Tags, c.td.Doc.Raw, c.td.Registerable = n.Def, n.Tags, doc, true
}

// TestRewriteIsIdempotent rewrites every output again: nothing changes.
func TestRewriteIsIdempotent(t *testing.T) {
	for _, c := range tdCases(t) {
		if c.err != nil || c.res.Document == nil || c.res.Forced {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			substitute(t, c, c.res.Document)
			again, err := TaskDefinition(c.f, c.td, c.opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(again.Changes) > 0 || !bytes.Equal(again.Document, c.res.Document) {
				t.Errorf("second rewrite changed %d things: %+v", len(again.Changes), again.Changes)
			}
		})
	}
}

// TestReauditShowsOnlyRemaining (issue 3, 6d): auditing the output finds
// no blocker or fixable finding that the result does not list as remaining.
func TestReauditShowsOnlyRemaining(t *testing.T) {
	eachReaudit(t, func(t *testing.T, c *tdCase, res *analyzer.Result) {
		listed := map[string]bool{}
		for _, r := range c.res.Remaining {
			listed[r.RuleID] = true
		}
		for f := range res.Findings.All() {
			if f.Service == "" && f.Severity >= analyzer.Fixable && !listed[f.RuleID] {
				t.Errorf("re-audit finds %s %s at %s, not reported as remaining: %s", f.Severity, f.RuleID, f.Path, f.Message)
			}
		}
	})
}

// TestRemainingIsStillThere: every blocker or fixable item listed as
// remaining is still found when the output is audited (another rule's
// change may have fixed it: the execution role the ECR step adds also
// serves the secrets). Forced documents keep their blockers by design.
func TestRemainingIsStillThere(t *testing.T) {
	eachReaudit(t, func(t *testing.T, c *tdCase, res *analyzer.Result) {
		if c.res.Forced {
			return
		}
		found := map[string]bool{}
		for f := range res.Findings.All() {
			found[f.RuleID+" "+f.Severity.String()] = true
		}
		for _, r := range c.res.Remaining {
			if (r.Severity == "blocker" || r.Severity == "fixable") && !found[r.RuleID+" "+r.Severity] {
				t.Errorf("remaining %s %s at %s is not in the output: %s", r.Severity, r.RuleID, r.Path, r.Message)
			}
		}
	})
}

// eachReaudit audits the output of every golden case that has one, in
// place of its input, and hands the result to check.
func eachReaudit(t *testing.T, check func(t *testing.T, c *tdCase, res *analyzer.Result)) {
	for _, c := range tdCases(t) {
		if c.err != nil || c.res.Document == nil {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			substitute(t, c, c.res.Document)
			res, err := analyzer.Audit(c.f, analyzer.Options{})
			if err != nil {
				t.Fatal(err)
			}
			check(t, c, res)
		})
	}
}

// TestBytesOutsideEditsSurvive checks the promise of issue 3 point 2 on
// the case with fields newer than our SDK and odd number spellings.
func TestBytesOutsideEditsSurvive(t *testing.T) {
	c := loadTDCase(t, "newer-fields")
	for _, keep := range []string{
		`"futureTaskField": {"mode": "on", "ratio": 1.50},`,
		`"futureContainerField": [1, 2.0, 3e2],`,
		`"dockerLabels": {"Com.Example.Z": "1", "com.example.a": "2"},`,
		`"Mode": "non-blocking"}`,
	} {
		if !bytes.Contains(c.res.Document, []byte(keep)) {
			t.Errorf("output lost %s:\n%s", keep, c.res.Document)
		}
	}
	in, _ := os.ReadFile(filepath.Join(c.dir, "in.json"))
	if bytes.Index(c.res.Document, []byte(`"family"`)) > bytes.Index(c.res.Document, []byte(`"futureTaskField"`)) != (bytes.Index(in, []byte(`"family"`)) > bytes.Index(in, []byte(`"futureTaskField"`))) {
		t.Error("key order changed")
	}
}

// TestAlreadyFargateIsUnchanged: a valid Fargate definition comes out
// byte for byte, with no changes.
func TestAlreadyFargateIsUnchanged(t *testing.T) {
	c := loadTDCase(t, "already-fargate")
	in, _ := os.ReadFile(filepath.Join(c.dir, "in.json"))
	if len(c.res.Changes) != 0 || !bytes.Equal(bytes.TrimSpace(in), c.res.Document) {
		t.Errorf("changes %+v; document differs: %t", c.res.Changes, !bytes.Equal(bytes.TrimSpace(in), c.res.Document))
	}
}

func TestBadInputs(t *testing.T) {
	if c := loadTDCase(t, "no-containers"); c.err == nil || !strings.Contains(c.err.Error(), "containerDefinitions is empty") {
		t.Errorf("no containers: err = %v", c.err)
	}
	w := loadTDCase(t, "windows-512")
	if w.res.Size != (Size{CPU: 1024, Memory: 2048}) {
		t.Errorf("Windows 512 cpu: size %+v, want the Windows minimum 1024/2048", w.res.Size)
	}
	m := loadTDCase(t, "memory-reservation-only")
	if m.res.Size != (Size{CPU: 512, Memory: 1024}) {
		t.Errorf("reservations 700+100 MiB, cpu 300: size %+v, want 512/1024", m.res.Size)
	}
	soft := false
	for _, r := range m.res.Remaining {
		soft = soft || r.RuleID == "memory-soft-limit-behaviour"
	}
	if !soft {
		t.Error("memoryReservation only: the soft-limit warning is not among the remaining")
	}
	b := loadTDCase(t, "blocked-privileged")
	if !b.res.Blocked || b.res.Document != nil || len(b.res.Changes) != 0 {
		t.Errorf("blocked definition: blocked %t, document %t, %d changes", b.res.Blocked, b.res.Document != nil, len(b.res.Changes))
	}
	f := loadTDCase(t, "forced-privileged")
	if !f.res.Forced || f.res.Document == nil || f.res.Changes[0].RuleID != ForceRuleID {
		t.Errorf("forced definition: forced %t, document %t, first change %+v", f.res.Forced, f.res.Document != nil, f.res.Changes[0])
	}
}

// TestSizeSaysHowMuchLarger: the size change names the growth over what
// the task reserved on EC2.
func TestSizeSaysHowMuchLarger(t *testing.T) {
	c := loadTDCase(t, "memory-reservation-only")
	for _, ch := range c.res.Changes {
		if ch.Path == "memory" && !strings.Contains(ch.Message, "224 MiB more than the task reserved on EC2") {
			t.Errorf("memory change: %s", ch.Message)
		}
		if ch.Path == "cpu" && !strings.Contains(ch.Message, "212 cpu units") {
			t.Errorf("cpu change: %s", ch.Message)
		}
	}
}

// TestCheckAgreesWithAudit: the rewrite's audit (analyzer.Check in its small fleet) finds what
// analyzer.Audit finds for each case's task definition.
func TestCheckAgreesWithAudit(t *testing.T) {
	for _, c := range tdCases(t) {
		res, err := analyzer.Audit(c.f, analyzer.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for f := range res.Findings.All() {
			if f.Service == "" {
				want = append(want, f.RuleID+" "+f.Severity.String()+" "+f.Path+" "+f.Message)
			}
		}
		a := newAuditor(c.f, c.td)
		got := a.audit(c.td)
		var have []string
		for _, f := range got {
			have = append(have, f.RuleID+" "+f.Severity.String()+" "+f.Path+" "+f.Message)
		}
		sort.Strings(want)
		sort.Strings(have)
		if strings.Join(want, "\n") != strings.Join(have, "\n") {
			t.Errorf("%s: rewrite's audit differs from analyzer.Audit:\n got %q\nwant %q", c.name, have, want)
		}
	}
}

// TestTaskDefinitionsInParallel: the parallel fleet rewrite gives what one
// call per definition gives (run with -race to check the sharing).
func TestTaskDefinitionsInParallel(t *testing.T) {
	var paths []string
	for _, name := range []string{"links", "runtime-platform-arch", "windows-512", "memory-reservation-only", "image-vs-ephemeral", "no-containers"} {
		p := filepath.Join(tdCaseRoot, name, "in.json")
		if _, err := os.Stat(p); err != nil {
			p = filepath.Join(tdCaseRoot, name, "in")
		}
		paths = append(paths, p)
	}
	f, _ := fleet.Load(t.Context(), paths, nil)
	results, errs := TaskDefinitions(f, Options{})
	for i, td := range f.TaskDefinitions {
		want, werr := TaskDefinition(f, td, Options{})
		if (werr == nil) != (errs[i] == nil) || werr == nil && !bytes.Equal(want.Document, results[i].Document) {
			t.Errorf("%s: parallel result differs (err %v vs %v)", td.Key(), errs[i], werr)
		}
	}
}
