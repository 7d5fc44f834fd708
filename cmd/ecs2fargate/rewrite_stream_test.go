package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/rewrite"
	"github.com/ecs2fargate/ecs2fargate/rewrite/runbook"
)

// mixedFleet is a generated fleet that exercises what rewrite --out must
// decide over the whole set: two accounts and regions (folders), a family
// with two revisions (revision in the name), blocked task definitions
// (privileged), one that cannot be rewritten at all (no containers), and
// services moved and not.
func mixedFleet(t *testing.T) *fleet.Fleet {
	t.Helper()
	snap := map[string]any{"schemaVersion": fleet.SnapshotSchemaVersion}
	var tds, svcs, cis, insts []any
	for c := range 4 {
		arn := "arn:aws:ecs:us-east-1:123456789012:"
		if c%2 == 1 {
			arn = "arn:aws:ecs:eu-west-1:210987654321:"
		}
		cluster := fmt.Sprintf("cluster-%03d", c%3)
		for i := range 6 {
			family := fmt.Sprintf("svc-%03d", i)
			td := genTaskDef(arn, family, i%4 == 0)
			tds = append(tds, map[string]any{"taskDefinition": td})
			svcs = append(svcs, map[string]any{"serviceArn": arn + "service/" + cluster + "/" + family, "serviceName": family,
				"clusterArn": arn + "cluster/" + cluster, "taskDefinition": arn + "task-definition/" + family + ":1",
				"desiredCount": 2, "runningCount": 2, "launchType": "EC2", "schedulingStrategy": "REPLICA"})
		}
		second := genTaskDef(arn, "svc-001", false)
		second["taskDefinitionArn"], second["revision"] = arn+"task-definition/svc-001:2", 2
		empty := genTaskDef(arn, "empty", false)
		empty["containerDefinitions"] = []any{}
		tds = append(tds, map[string]any{"taskDefinition": second}, map[string]any{"taskDefinition": empty})
		ci, inst := genHost(arn, cluster, fmt.Sprintf("i-%012x", c), c)
		cis, insts = append(cis, ci), append(insts, inst)
	}
	snap["taskDefinitions"], snap["services"], snap["containerInstances"], snap["instances"] = tds, svcs, cis, insts
	data, err := json.Marshal(snap)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := fleet.LoadBytes("mixed-fleet.json", data)
	return f
}

// readTree reads every file under dir by its slash path.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// rewrite --out, writing each result as it is produced, writes the bytes
// that writing the whole report at once writes: documents, changes.json,
// changes.md, RUNBOOK.md and runbook.sh, in the same folders under the
// same names; so does its --diff form, which keeps the results. No spool
// or temporary file is left.
func TestRewriteOutStreamedEqualsWhole(t *testing.T) {
	f := mixedFleet(t)
	whole := t.TempDir()
	run := rewriteFleet(f, rewriteOptions{})
	if len(run.report.Errors) == 0 {
		t.Fatal("the mixed fleet should hold a task definition that cannot be rewritten")
	}
	files, err := outputFiles(run.report)
	if err != nil {
		t.Fatal(err)
	}
	if err := writeOutputs(whole, files, run.report, runbook.Build(f, run.report, false)); err != nil {
		t.Fatal(err)
	}
	want := readTree(t, whole)
	for _, k := range []string{"123456789012/us-east-1/svc-001.1.taskdef.json", "210987654321/eu-west-1/cluster-001.svc-002.update-service.json"} {
		if _, ok := want[k]; !ok {
			t.Fatalf("the whole report's files lack %s: the fleet does not exercise folders and revisions", k)
		}
	}
	// The runbook's steps are numbered across both accounts' groups,
	// preconditions first: what the spooled runbook.sh must renumber.
	if sh := want["runbook.sh"]; strings.Count(sh, "\n#### service ") < 2 || !strings.Contains(sh, "######## account 210987654321") || !strings.Contains(sh, "precondition: ") {
		t.Fatalf("the whole report's runbook.sh does not move services in both accounts:\n%s", sh)
	}
	for _, diff := range []bool{false, true} {
		dir := t.TempDir()
		tally, err := rewriteOut(f, rewriteOptions{out: dir, diff: diff}, streams{out: &strings.Builder{}, err: &strings.Builder{}})
		if err != nil {
			t.Fatal(err)
		}
		got := readTree(t, dir)
		for name, w := range want {
			if got[name] != w {
				t.Errorf("diff %v: %s differs from the whole report's:\n%s\nwant:\n%s", diff, name, got[name], w)
			}
		}
		for name := range got {
			if _, ok := want[name]; !ok {
				t.Errorf("diff %v: %s written, not in the whole report's files", diff, name)
			}
		}
		if len(tally.errors) != len(run.report.Errors) || tally.tds != len(run.report.TaskDefinitions) || tally.svcs != len(run.report.Services) {
			t.Errorf("diff %v: tally %d errors, %d task definitions, %d services", diff, len(tally.errors), tally.tds, tally.svcs)
		}
	}
}

// Each task definition's document is on disk before the services are
// rewritten: the results are written as they come, not after the run.
func TestRewriteOutWritesAsProduced(t *testing.T) {
	f := mixedFleet(t)
	dir := t.TempDir()
	names := namesOfFleet(f)
	w, err := newOutWriter(dir, f, names, textNamesOfFleet(f), false)
	if err != nil {
		t.Fatal(err)
	}
	var written []string
	checked := false
	err = rewriteEach(f, rewriteOptions{}, rewriteSink{
		taskDefinition: func(_ *fleet.TaskDefinition, res *rewrite.Result) error {
			err := w.taskDefinition(res)
			if res.Output != "" {
				written = append(written, res.Output)
			}
			return err
		},
		failed: w.failed,
		service: func(res *rewrite.ServiceResult) error {
			if !checked {
				checked = true
				w.files.wait() //nolint:errcheck // checked by the reads
				for _, name := range written {
					if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name))); err != nil {
						t.Errorf("%s not on disk when the services begin: %v", name, err)
					}
				}
				if _, err := os.Stat(filepath.Join(dir, "changes.json")); err == nil {
					t.Error("changes.json is in place before the run is finished")
				}
				w.files = newFileQueue(dir)
			}
			return w.service(res)
		},
	})
	if err != nil || len(written) == 0 || !checked {
		t.Fatalf("err %v, %d documents, services seen %v", err, len(written), checked)
	}
	if err := w.finish(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "changes.json")); err != nil {
		t.Error(err)
	}
}

// Two services whose files would share a name are refused before
// anything is rewritten or written, whatever their rewrite would be.
func TestRewriteOutRefusesSharedNamesUpFront(t *testing.T) {
	f := mixedFleet(t)
	dup := *f.Services[0]
	f.Services = append(f.Services, &dup)
	dir := filepath.Join(t.TempDir(), "out")
	_, err := rewriteOut(f, rewriteOptions{out: dir}, streams{out: &strings.Builder{}, err: &strings.Builder{}})
	if err == nil || !strings.Contains(err.Error(), "cluster-000.svc-000") {
		t.Fatalf("err = %v, want a refusal naming cluster-000.svc-000", err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("the output directory exists (%v): nothing should be written", err)
	}
}

// A document that cannot be written stops the run: the error names it,
// and neither changes.json nor a spool or temporary file is left, so the
// directory does not look like a finished run.
func TestRewriteOutFailureLeavesNoRecord(t *testing.T) {
	f := mixedFleet(t)
	dir := t.TempDir()
	blocker := filepath.Join(dir, "123456789012", "us-east-1", "svc-001.1.taskdef.json")
	if err := os.MkdirAll(filepath.Join(blocker, "in-the-way"), 0o755); err != nil { // a directory where the document goes
		t.Fatal(err)
	}
	_, err := rewriteOut(f, rewriteOptions{out: dir}, streams{out: &strings.Builder{}, err: &strings.Builder{}})
	if err == nil || !strings.Contains(err.Error(), "svc-001.1.taskdef.json") {
		t.Fatalf("err = %v, want one naming svc-001.1.taskdef.json", err)
	}
	for name := range readTree(t, dir) {
		base := filepath.Base(name)
		if base == "changes.json" || base == "changes.md" || base == "RUNBOOK.md" || strings.Contains(base, ".spool-") || strings.Contains(base, ".tmp-") {
			t.Errorf("%s left after a failed run", name)
		}
	}
}
