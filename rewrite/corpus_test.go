package rewrite

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/testtool"
)

// corpusRoot holds the real-world corpus: public task definitions, each
// with its provenance and expectations (testdata/corpus/README.md).
const corpusRoot = "../testdata/corpus"

// pendingIssuePoints lists the corpus cases today's code does not yet meet,
// each with the point of issue 10 whose fix makes it pass. A pending case's
// problems are logged as PENDING instead of failing; a pending case that
// passes fails the test, so the list can only shrink.
var pendingIssuePoints = map[string]string{}

// corpusExpect is a case's expect.json.
type corpusExpect struct {
	Source struct {
		Repository string   `json:"repository"`
		Path       string   `json:"path"`
		Commit     string   `json:"commit"`
		URL        string   `json:"url"`
		AlsoUsed   []string `json:"alsoUsed"`
	} `json:"source"`
	What        string            `json:"what"`
	Changes     []string          `json:"changes"`
	Categories  []string          `json:"categories"`
	Verdict     string            `json:"verdict"`
	Why         string            `json:"why"`
	MustFire    map[string]string `json:"mustFire"`
	MustNotFire map[string]string `json:"mustNotFire"`
	// Fallback, for a blocked case, is what its way forward must say: one
	// of AnyOf, none of NoneOf (case-insensitive), and why.
	Fallback *struct {
		AnyOf  []string `json:"anyOf"`
		NoneOf []string `json:"noneOf"`
		Why    string   `json:"why"`
	} `json:"fallback"`
}

// corpusCase is one case and what checking it found wrong.
type corpusCase struct {
	name     string
	file     string
	want     corpusExpect
	doc      []byte // the rewrite's document, when it wrote one
	problems []string
}

func (c *corpusCase) fail(format string, args ...any) {
	c.problems = append(c.problems, fmt.Sprintf(format, args...))
}

// corpusOptions are the rewrite options of every case: the corpus has no
// services and most cases no ARN, so the log Region and the execution
// role are given, as a user would with --log-region and
// --execution-role-arn.
var corpusOptions = Options{LogRegion: "us-east-1", ExecutionRoleARN: "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"}

// TestCorpus audits every corpus task definition and checks the verdict and
// the rules that must and must not fire; rewrites it and checks the
// document with botocore's ParamValidator and cfn-lint; and re-audits the
// document, which must leave nothing fixable and no blocker.
func TestCorpus(t *testing.T) {
	cases := loadCorpus(t)
	checkCorpusShape(t, cases)
	for _, c := range cases {
		auditCorpusCase(c)
	}
	ran := corpusBotocore(t, cases)
	ran = corpusCfnLint(t, cases) && ran
	for name := range pendingIssuePoints {
		if !slices.ContainsFunc(cases, func(c *corpusCase) bool { return c.name == name }) {
			t.Errorf("pendingIssuePoints names %s, which is not a corpus case", name)
		}
	}
	for _, c := range cases {
		point, pending := pendingIssuePoints[c.name]
		switch {
		case pending && len(c.problems) > 0:
			for _, p := range c.problems {
				t.Logf("PENDING (issue 10 %s): %s: %s", point, c.name, p)
			}
		case pending && ran:
			t.Errorf("%s now meets its expectations: remove it from pendingIssuePoints (%s)", c.name, point)
		case !pending:
			for _, p := range c.problems {
				t.Errorf("%s: %s", c.name, p)
			}
		}
	}
}

func loadCorpus(t *testing.T) []*corpusCase {
	t.Helper()
	dirs, err := os.ReadDir(corpusRoot)
	if err != nil {
		t.Fatal(err)
	}
	var cases []*corpusCase
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		c := &corpusCase{name: d.Name(), file: filepath.Join(corpusRoot, d.Name(), "taskdef.json")}
		data, err := os.ReadFile(filepath.Join(corpusRoot, d.Name(), "expect.json"))
		if err != nil {
			t.Fatal(err)
		}
		dec := json.NewDecoder(strings.NewReader(string(data)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&c.want); err != nil {
			t.Fatalf("%s/expect.json: %v", d.Name(), err)
		}
		cases = append(cases, c)
	}
	return cases
}

var commitHash = regexp.MustCompile(`^[0-9a-f]{40}$`)

// corpusCategories must each hold at least one case: the kinds of task
// definition issue 10 asks the corpus to cover.
var corpusCategories = []string{"ec2-daemon", "ec2-bridge", "dynamic-ports", "links", "firelens", "efs", "gpu",
	"windows", "secrets", "app-mesh", "fargate-native", "console-export", "terraform"}

// checkCorpusShape checks what the corpus promises: at least 30 cases, at
// least 5 already on Fargate, every category covered, provenance on each
// case and an AWS documentation reason for each verdict and must-fire rule.
func checkCorpusShape(t *testing.T, cases []*corpusCase) {
	t.Helper()
	if len(cases) < 30 {
		t.Errorf("the corpus has %d cases; issue 10 asks for at least 30", len(cases))
	}
	known := map[string]bool{}
	for _, r := range analyzer.Rules() {
		known[r.ID] = true
	}
	covered := map[string]int{}
	native := 0
	for _, c := range cases {
		w := c.want
		for _, cat := range w.Categories {
			covered[cat]++
		}
		if slices.Contains(w.Categories, "fargate-native") {
			native++
			if w.Verdict != analyzer.Ready {
				t.Errorf("%s: a fargate-native case must expect ready, not %s", c.name, w.Verdict)
			}
		}
		if w.Source.Repository == "" || w.Source.Path == "" || !commitHash.MatchString(w.Source.Commit) {
			t.Errorf("%s: provenance needs repository, path and a 40-hex commit: %+v", c.name, w.Source)
		}
		if len(w.Changes) == 0 || w.What == "" {
			t.Errorf("%s: say what the file is and what was changed (or \"none\")", c.name)
		}
		// unknown: the platform is undecided (issue 10 point 2); the
		// rewrite still writes the Linux document and is checked like a
		// fixable one.
		if !slices.Contains([]string{analyzer.Ready, analyzer.Fixed, analyzer.Blocked, analyzer.Unknown}, w.Verdict) {
			t.Errorf("%s: verdict %q is not ready, fixable, blocked or unknown", c.name, w.Verdict)
		}
		if !strings.Contains(w.Why, "https://") {
			t.Errorf("%s: the verdict's reason cites no documentation URL", c.name)
		}
		for id, why := range w.MustFire {
			if !known[id] {
				t.Errorf("%s: mustFire names unknown rule %s", c.name, id)
			}
			if !strings.Contains(why, "https://") {
				t.Errorf("%s: mustFire %s cites no documentation URL", c.name, id)
			}
			if _, both := w.MustNotFire[id]; both {
				t.Errorf("%s: %s is in both mustFire and mustNotFire", c.name, id)
			}
		}
		if fb := w.Fallback; fb != nil && (w.Verdict != analyzer.Blocked || len(fb.AnyOf) == 0 || !strings.Contains(fb.Why, "https://")) {
			t.Errorf("%s: a fallback expectation needs a blocked verdict, anyOf and a reason citing documentation", c.name)
		}
		for id, why := range w.MustNotFire {
			if !known[id] || why == "" {
				t.Errorf("%s: mustNotFire %s is not a known rule with a reason", c.name, id)
			}
		}
	}
	if native < 5 {
		t.Errorf("%d fargate-native cases; issue 10 asks for at least 5", native)
	}
	for _, cat := range corpusCategories {
		if covered[cat] == 0 {
			t.Errorf("no corpus case covers %s", cat)
		}
	}
}

// auditCorpusCase loads, audits, rewrites and re-audits one case, noting
// every way it differs from its expectations.
func auditCorpusCase(c *corpusCase) {
	f, diags := fleet.Load(context.Background(), []string{c.file}, nil)
	for _, d := range diags {
		if d.Level == fleet.LevelError {
			c.fail("load: %s", d)
		}
	}
	if len(f.TaskDefinitions) != 1 {
		c.fail("want one task definition, loaded %d", len(f.TaskDefinitions))
		return
	}
	td := f.TaskDefinitions[0]
	res, err := analyzer.Audit(f, analyzer.Options{})
	if err != nil {
		c.fail("audit: %v", err)
		return
	}
	fired := firedRules(res)
	verdict := taskVerdict(res)
	if verdict.Verdict != c.want.Verdict {
		c.fail("verdict %s, want %s (%s)", verdict.Verdict, c.want.Verdict, c.want.Why)
	}
	checkFallback(c, verdict.Fallback)
	for _, id := range sortedKeys(c.want.MustFire) {
		if !fired[id] {
			c.fail("rule %s did not fire; it must: %s", id, c.want.MustFire[id])
		}
	}
	for _, id := range sortedKeys(c.want.MustNotFire) {
		if fired[id] {
			c.fail("rule %s fired; it must not: %s", id, c.want.MustNotFire[id])
		}
	}
	if c.want.Verdict == analyzer.Blocked {
		return
	}
	rw, err := TaskDefinition(f, td, corpusOptions)
	switch {
	case err != nil:
		c.fail("rewrite: %v", err)
		return
	case rw.Document == nil:
		c.fail("the rewrite wrote no document (blocked: %v)", rw.Blocked)
		return
	}
	c.doc = rw.Document
	for _, ref := range danglingLinkRefs(td, rw.Document) {
		c.fail("the rewrite removed the links but %s", ref)
	}
	if slices.Contains(c.want.Categories, "windows") {
		checkWindowsRewrite(c)
	}
	if c.want.Verdict == analyzer.Ready && len(rw.Changes) > 0 {
		c.fail("a ready task definition is left alone, but the rewrite made %d changes (first: %s %s)", len(rw.Changes), rw.Changes[0].RuleID, rw.Changes[0].Message)
	}
	reauditCorpusDoc(c)
}

// checkWindowsRewrite checks that a Windows task definition's rewrite is a
// Windows one: a Windows Server runtimePlatform and a Windows Fargate cpu
// (1, 2 or 4 vCPU), https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-windows-fargate.html
// (issue 10 point 2: a Linux rewrite of a Windows task fails at launch).
func checkWindowsRewrite(c *corpusCase) {
	var doc struct {
		CPU             string `json:"cpu"`
		RuntimePlatform struct {
			OperatingSystemFamily string `json:"operatingSystemFamily"`
		} `json:"runtimePlatform"`
	}
	if err := json.Unmarshal(c.doc, &doc); err != nil {
		c.fail("rewritten document: %v", err)
		return
	}
	if !strings.HasPrefix(doc.RuntimePlatform.OperatingSystemFamily, "WINDOWS_SERVER_") {
		c.fail("the rewrite of a Windows task declares operatingSystemFamily %q, not a Windows Server family", doc.RuntimePlatform.OperatingSystemFamily)
	}
	if !slices.Contains([]string{"1024", "2048", "4096"}, doc.CPU) {
		c.fail("the rewrite of a Windows task has cpu %q; Windows on Fargate comes in 1024, 2048 or 4096", doc.CPU)
	}
}

// reauditCorpusDoc audits the rewritten document: nothing fixable and no
// blocker may be left.
func reauditCorpusDoc(c *corpusCase) {
	f, diags := fleet.LoadBytes(c.name+".rewritten.json", c.doc)
	for _, d := range diags {
		if d.Level == fleet.LevelError {
			c.fail("re-audit load: %s", d)
		}
	}
	res, err := analyzer.Audit(f, analyzer.Options{})
	if err != nil {
		c.fail("re-audit: %v", err)
		return
	}
	for fd := range res.Findings.All() {
		if fd.Severity == analyzer.Fixable || fd.Severity == analyzer.Blocker {
			c.fail("re-audit of the rewrite: %s %s at %s: %s", fd.Severity, fd.RuleID, fd.Path, fd.Message)
		}
	}
}

func firedRules(res *analyzer.Result) map[string]bool {
	fired := map[string]bool{}
	for fd := range res.Findings.All() {
		fired[fd.RuleID] = true
	}
	return fired
}

// taskVerdict is the verdict on the one task definition of a corpus case.
func taskVerdict(res *analyzer.Result) analyzer.Verdict {
	for _, v := range res.Verdicts {
		if v.Service == "" {
			return v
		}
	}
	return analyzer.Verdict{Verdict: "none"}
}

// checkFallback checks a blocked verdict's way forward against the case's
// fallback expectation (issue 10 point 8: advice that fits the workload).
func checkFallback(c *corpusCase, got string) {
	want := c.want.Fallback
	if want == nil {
		return
	}
	lower := strings.ToLower(got)
	if !slices.ContainsFunc(want.AnyOf, func(w string) bool { return strings.Contains(lower, strings.ToLower(w)) }) {
		c.fail("the way forward %q names none of %q: %s", got, want.AnyOf, want.Why)
	}
	for _, w := range want.NoneOf {
		if strings.Contains(lower, strings.ToLower(w)) {
			c.fail("the way forward %q suggests %q, which does not fit: %s", got, w, want.Why)
		}
	}
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// corpusBotocore runs botocore's ParamValidator (RegisterTaskDefinition)
// on every rewritten document and gives each case its problems. It reports
// whether botocore ran.
func corpusBotocore(t *testing.T, cases []*corpusCase) bool {
	t.Helper()
	py, why := botocorePython()
	if py == "" {
		testtool.NotRun(t, "botocore", "the corpus rewrites' ParamValidator check did not run: %s", why)
		return false
	}
	dir := t.TempDir()
	var args []string
	byFile := map[string]*corpusCase{}
	for _, c := range cases {
		if c.doc == nil {
			continue
		}
		file := filepath.Join(dir, c.name+".json")
		if err := os.WriteFile(file, c.doc, 0o644); err != nil {
			t.Fatal(err)
		}
		byFile[file] = c
		args = append(args, "ecs", "RegisterTaskDefinition", file)
	}
	out, err := exec.Command(py, append([]string{svcBotocoreScript}, args...)...).CombinedOutput()
	if err == nil {
		return true
	}
	attributed := false
	for _, line := range strings.Split(string(out), "\n") {
		file, problem, ok := strings.Cut(line, ": ")
		if c := byFile[file]; ok && c != nil {
			c.fail("botocore: %s", problem)
			attributed = true
		}
	}
	if !attributed {
		t.Errorf("botocore check failed (%v):\n%s", err, out)
	}
	return true
}

// botocorePython returns python3 when it can import botocore, else why not.
func botocorePython() (string, string) {
	py, err := exec.LookPath("python3")
	if err != nil {
		return "", "python3 not found on PATH"
	}
	if out, err := exec.Command(py, "-c", "import botocore").CombinedOutput(); err != nil {
		return "", fmt.Sprintf("python3 cannot import botocore (%v: %s)", err, strings.TrimSpace(string(out)))
	}
	return py, ""
}

// corpusCfnLint lints every rewritten document as an
// AWS::ECS::TaskDefinition and gives each case its errors. A control
// resource with an invalid Fargate size proves the lint reports errors. It
// reports whether cfn-lint ran.
func corpusCfnLint(t *testing.T, cases []*corpusCase) bool {
	t.Helper()
	lint, err := exec.LookPath("cfn-lint")
	if err != nil {
		testtool.NotRun(t, "cfn-lint", "the corpus rewrites' cfn-lint check did not run: cfn-lint not found on PATH")
		return false
	}
	resources := map[string]any{}
	byID := map[string]*corpusCase{}
	for _, c := range cases {
		if c.doc == nil {
			continue
		}
		var v any
		if err := json.Unmarshal(c.doc, &v); err != nil {
			c.fail("rewritten document is not JSON: %v", err)
			continue
		}
		id := cfnLogicalID(c.name)
		byID[id] = c
		resources[id] = map[string]any{"Type": "AWS::ECS::TaskDefinition", "Properties": cfnProperties(v, "")}
	}
	for _, m := range cfnLint(t, lint, "corpus.json", resources) {
		var id string
		if len(m.Location.Path) > 1 {
			id, _ = m.Location.Path[1].(string)
		}
		if c := byID[id]; c != nil && len(m.Location.Path) > 2 {
			c.fail("cfn-lint %s %v: %s", m.Rule.Id, m.Location.Path[2:], m.Message)
		} else {
			t.Errorf("cfn-lint %s %v: %s", m.Rule.Id, m.Location.Path, m.Message)
		}
	}
	return true
}

// danglingLinkRefs lists the places in the rewritten document that still
// name a container through a link the rewrite removed: in awsvpc the
// alias no longer resolves, and every container of the task is on
// localhost (issue 10 point 4).
func danglingLinkRefs(orig *fleet.TaskDefinition, doc []byte) []string {
	aliases := map[string]bool{}
	for _, c := range orig.Def.ContainerDefinitions {
		for _, l := range c.Links {
			name, alias, ok := strings.Cut(l, ":")
			if !ok {
				alias = name
			}
			aliases[alias] = true
		}
	}
	var out struct {
		ContainerDefinitions []struct {
			Name        string
			Links       []string
			Command     []string
			EntryPoint  []string
			Environment []struct{ Name, Value string }
			HealthCheck *struct{ Command []string }
		}
	}
	if len(aliases) == 0 || json.Unmarshal(doc, &out) != nil {
		return nil
	}
	var refs []string
	for _, c := range out.ContainerDefinitions {
		if len(c.Links) > 0 {
			continue // links kept: the aliases still resolve
		}
		check := func(where, text string) {
			for alias := range aliases {
				if regexp.MustCompile(`(^|[^A-Za-z0-9_.-])` + regexp.QuoteMeta(alias) + `($|[^A-Za-z0-9_-])`).MatchString(text) {
					refs = append(refs, fmt.Sprintf("container %s %s still names link alias %q", c.Name, where, alias))
				}
			}
		}
		for _, e := range c.Environment {
			check("environment "+e.Name, e.Value)
		}
		for i, a := range c.Command {
			check(fmt.Sprintf("command[%d]", i), a)
		}
		for i, a := range c.EntryPoint {
			check(fmt.Sprintf("entryPoint[%d]", i), a)
		}
		if c.HealthCheck != nil {
			for i, a := range c.HealthCheck.Command {
				check(fmt.Sprintf("healthCheck.command[%d]", i), a)
			}
		}
	}
	sort.Strings(refs)
	return refs
}

// TestCorpusChecksCanFail proves the corpus checks report a wrong
// expectation: a GPU task expected ready, with gpu expected not to fire and
// privileged expected to fire, gives three problems.
func TestCorpusChecksCanFail(t *testing.T) {
	c := &corpusCase{name: "docs-gpu", file: filepath.Join(corpusRoot, "docs-gpu", "taskdef.json")}
	c.want.Verdict = analyzer.Ready
	c.want.MustFire = map[string]string{"privileged": "wrong on purpose"}
	c.want.MustNotFire = map[string]string{"gpu": "wrong on purpose"}
	auditCorpusCase(c)
	for _, want := range []string{"verdict blocked, want ready", "rule privileged did not fire", "rule gpu fired"} {
		if !slices.ContainsFunc(c.problems, func(p string) bool { return strings.Contains(p, want) }) {
			t.Errorf("no problem says %q: %q", want, c.problems)
		}
	}
}

// TestDanglingLinkRefs finds a removed link's alias in each place a
// container can name it, and nothing once it is localhost.
func TestDanglingLinkRefs(t *testing.T) {
	f, _ := fleet.LoadBytes("links.json", []byte(`{"family":"f","containerDefinitions":[
		{"name":"db","image":"mysql"},{"name":"app","image":"app","links":["db:mysql"]}]}`))
	doc := []byte(`{"containerDefinitions":[{"name":"db"},{"name":"app",
		"environment":[{"name":"DB_HOST","value":"mysql"},{"name":"URL","value":"tcp://mysql:3306/x"},{"name":"OK","value":"mysqladmin"}],
		"command":["wait-for","mysql:3306"],"entryPoint":["sh"],"healthCheck":{"command":["CMD-SHELL","ping -c1 mysql"]}}]}`)
	refs := danglingLinkRefs(f.TaskDefinitions[0], doc)
	if len(refs) != 4 {
		t.Errorf("want 4 references (DB_HOST, URL, command[1], healthCheck), got %q", refs)
	}
	fixed := []byte(`{"containerDefinitions":[{"name":"app","environment":[{"name":"DB_HOST","value":"localhost"}],"command":["wait-for","localhost:3306"]}]}`)
	if refs := danglingLinkRefs(f.TaskDefinitions[0], fixed); len(refs) != 0 {
		t.Errorf("localhost is not a dangling reference: %q", refs)
	}
}
