package rewrite

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sync"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/fleetgen"
)

// auditedFleets are the fleets the fast paths are checked on: the demo
// fleet and a generated one with every kind of cluster, loaded once (the
// tests only read them). The map is the caller's own. The generated
// fleet's files stay until the package's tests end (TestMain), as a
// rewrite reads its task definitions' documents again from them.
func auditedFleets(t *testing.T) map[string]*fleet.Fleet {
	t.Helper()
	testFleets.once.Do(func() {
		testFleets.demo, _ = fleet.Load(context.Background(), []string{filepath.Join("..", "examples", "demo-fleet")}, nil)
		dir, err := os.MkdirTemp("", "rewrite-fleetgen-")
		if err != nil {
			testFleets.err = err
			return
		}
		testFleets.dir = dir
		if _, testFleets.err = fleetgen.Write(context.Background(), dir, fleetgen.Options{Services: 420, PerCluster: 20}); testFleets.err == nil {
			testFleets.gen, _ = fleet.Load(context.Background(), []string{dir}, nil)
		}
	})
	if testFleets.err != nil {
		t.Fatal(testFleets.err)
	}
	demo, gen := testFleets.demo, testFleets.gen
	if len(demo.TaskDefinitions) == 0 || len(gen.TaskDefinitions) == 0 {
		t.Fatalf("fleets not loaded: %d and %d task definitions", len(demo.TaskDefinitions), len(gen.TaskDefinitions))
	}
	return map[string]*fleet.Fleet{"demo": demo, "fleetgen": gen}
}

var testFleets struct {
	once      sync.Once
	demo, gen *fleet.Fleet
	dir       string // the generated fleet's files
	err       error
}

// TestMain removes the generated fleet's files once the tests are done.
func TestMain(m *testing.M) {
	code := m.Run()
	if testFleets.dir != "" {
		os.RemoveAll(testFleets.dir)
	}
	os.Exit(code)
}

// TestAuditedIsTheRewritesOwnAudit: the findings AuditedBy takes from
// analyzer.Audit are, field for field and in order, those the rewrite's
// own audit finds, on every task definition of the golden cases and the
// fleets.
func TestAuditedIsTheRewritesOwnAudit(t *testing.T) {
	fleets := auditedFleets(t)
	for _, c := range tdCases(t) {
		fleets["case "+c.name] = c.f
	}
	for name, f := range fleets {
		res, err := analyzer.Audit(f, analyzer.Options{})
		if err != nil {
			t.Fatal(err)
		}
		known, n := AuditedBy(res, f), 0
		var reused []analyzer.Finding // one list, as a rewrite's scratch keeps it
		for _, td := range f.TaskDefinitions {
			got, ok := known.findings(td)
			if !ok {
				continue
			}
			n++
			again, ok := known.appendFindings(reused[:0], td)
			if !ok || !reflect.DeepEqual(again, got) {
				t.Errorf("%s: %s: gathered in a reused list, the findings are\n %+v\nnot\n %+v", name, td.Key(), again, got)
			}
			reused = again
			want := newAuditor(f, td).audit(td)
			if !reflect.DeepEqual(nonNilFindings(got), nonNilFindings(want)) {
				t.Errorf("%s: %s: audited findings differ from the rewrite's audit:\n got %+v\nwant %+v", name, td.Key(), got, want)
			}
		}
		if n == 0 {
			t.Errorf("%s: no task definition's findings were taken from the audit", name)
		}
	}
}

func nonNilFindings(fs []analyzer.Finding) []analyzer.Finding {
	if fs == nil {
		return []analyzer.Finding{}
	}
	return fs
}

// TestAuditedRewriteIsTheSame: rewriting with the audit's findings gives
// byte for byte what rewriting without them gives.
func TestAuditedRewriteIsTheSame(t *testing.T) {
	for name, f := range auditedFleets(t) {
		res, err := analyzer.Audit(f, analyzer.Options{})
		if err != nil {
			t.Fatal(err)
		}
		fast, fastErrs := TaskDefinitionsAudited(f, f.TaskDefinitions, Options{}, AuditedBy(res, f))
		slow, slowErrs := TaskDefinitionsOf(f, f.TaskDefinitions, Options{})
		if !sameResults(fast, slow, fastErrs, slowErrs) {
			t.Errorf("%s: the rewrite with the audit's findings differs from the one without", name)
		}
	}
}

// sameResults reports whether two rewrites of the same definitions are
// the same: documents byte for byte (json.Marshal would compact them),
// the rest as JSON, errors by text.
func sameResults(a, b []*Result, errsA, errsB []error) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if (a[i] == nil) != (b[i] == nil) || a[i] != nil && !bytes.Equal(a[i].Document, b[i].Document) {
			return false
		}
	}
	x, _ := json.Marshal([]any{a, errTexts(errsA)})
	y, _ := json.Marshal([]any{b, errTexts(errsB)})
	return string(x) == string(y)
}

func errTexts(errs []error) []string {
	out := make([]string, len(errs))
	for i, err := range errs {
		if err != nil {
			out[i] = err.Error()
		}
	}
	return out
}

// TestAuditedNeedsEveryRule: an audit of some rules only cannot stand in
// for the rewrite's, nor one that shares a key and source between two
// definitions.
func TestAuditedNeedsEveryRule(t *testing.T) {
	c := loadTDCase(t, "links")
	res, err := analyzer.Audit(c.f, analyzer.Options{Skip: []string{"links"}})
	if err != nil {
		t.Fatal(err)
	}
	if AuditedBy(res, c.f) != nil {
		t.Error("an audit without the links rule was taken for the rewrite's")
	}
	res, _ = analyzer.Audit(c.f, analyzer.Options{})
	twice := &fleet.Fleet{TaskDefinitions: append(slices.Clone(c.f.TaskDefinitions), c.td)}
	if _, ok := AuditedBy(res, twice).findings(c.td); ok {
		t.Error("a definition listed twice was given findings it cannot be told apart by")
	}
	if _, ok := AuditedBy(res, c.f).findings(c.td); !ok {
		t.Error("the definition's findings were not taken from a full audit")
	}
}
