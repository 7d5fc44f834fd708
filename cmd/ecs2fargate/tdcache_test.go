package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/awsfake"
)

// --td-cache: the second sweep reads no task definition again and says
// so; --td-cache-from takes them from an earlier snapshot; the outputs
// are the same as a sweep that read everything.
func TestTaskDefinitionCacheFlags(t *testing.T) {
	fake := liveEnv(t)
	fake.Put(awsfake.DefaultAccount, "us-east-1", awsfake.Generate(awsfake.DefaultAccount, "us-east-1",
		awsfake.Shape{Clusters: 2, Services: 12, TaskDefinitions: 5, Instances: 2}))
	dir := filepath.Join(t.TempDir(), "tds")
	audit := func(extra ...string) (string, string) {
		t.Helper()
		code, out, errOut := runCLI(t, "", append([]string{"audit", "--aws", "--format", "json", "--fail-on", "none"}, extra...)...)
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		return out, errOut
	}
	reads := func() int { return fake.Calls()["ecs:DescribeTaskDefinition"] }

	plain, _ := audit()
	before := reads()
	first, _ := audit("--td-cache", dir)
	if reads()-before != 5 {
		t.Errorf("first cached sweep read %d task definitions, want 5", reads()-before)
	}
	before = reads()
	second, progress := audit("--td-cache", dir)
	if reads() != before {
		t.Errorf("second sweep read %d task definitions again", reads()-before)
	}
	if !strings.Contains(progress, "5 task definitions from the cache") {
		t.Errorf("progress does not say what came from the cache:\n%s", progress)
	}
	if first != plain || second != plain {
		t.Error("the audit differs with the cache")
	}

	snap := filepath.Join(t.TempDir(), "snap.json")
	if code, _, errOut := runCLI(t, "", "snapshot", "--aws", "--quiet", "--out", snap); code != exitOK {
		t.Fatalf("snapshot: exit %d: %s", code, errOut)
	}
	before = reads()
	if fromSnap, _ := audit("--td-cache-from", snap); fromSnap != plain || reads() != before {
		t.Errorf("--td-cache-from read %d task definitions again (or changed the audit)", reads()-before)
	}
	if code, _, errOut := runCLI(t, "", "audit", "--aws", "--td-cache-from", filepath.Join(t.TempDir(), "missing.json")); code != exitError || !strings.Contains(errOut, "--td-cache-from") {
		t.Errorf("a missing --td-cache-from file: exit %d: %s", code, errOut)
	}
}
