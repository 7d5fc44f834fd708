package rewrite

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/golden"
)

const svcCaseRoot = "testdata/rewrite-service"

// svcCaseOptions is a case's options.json: the arguments of Service.
type svcCaseOptions struct {
	NewTaskDefinition string   `json:"newTaskDefinition"`
	Subnets           []string `json:"subnets"`
	SecurityGroups    []string `json:"securityGroups"`
	AssignPublicIP    bool     `json:"assignPublicIp"`
	SpotWeight        int      `json:"spotWeight"`
	Force             bool     `json:"force"`
}

// svcCaseDirs lists the golden cases.
func svcCaseDirs(t *testing.T) []string {
	t.Helper()
	dirs, err := filepath.Glob(filepath.Join(svcCaseRoot, "*", "in.json"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no cases under %s: %v", svcCaseRoot, err)
	}
	for i := range dirs {
		dirs[i] = filepath.Dir(dirs[i])
	}
	return dirs
}

// svcLoadCase loads a case's in.json (an array of AWS CLI outputs) as a
// fleet and rewrites its one service.
func svcLoadCase(t *testing.T, dir string) (*fleet.Fleet, *ServiceResult) {
	t.Helper()
	var docs []json.RawMessage
	svcReadJSON(t, filepath.Join(dir, "in.json"), &docs)
	var opts svcCaseOptions
	svcReadJSON(t, filepath.Join(dir, "options.json"), &opts)
	tmp := t.TempDir()
	for i, d := range docs {
		if err := os.WriteFile(filepath.Join(tmp, fmt.Sprintf("%02d.json", i)), d, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f, diags := fleet.Load(context.Background(), []string{tmp}, nil)
	for _, d := range diags {
		t.Errorf("%s: loading input: %+v", dir, d)
	}
	if len(f.Services) != 1 {
		t.Fatalf("%s: want one service in in.json, got %d", dir, len(f.Services))
	}
	res, err := Service(f, f.Services[0], opts.NewTaskDefinition, ServiceOptions{
		Subnets: opts.Subnets, SecurityGroups: opts.SecurityGroups, AssignPublicIP: opts.AssignPublicIP, SpotWeight: opts.SpotWeight, Force: opts.Force})
	if err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	return f, res
}

func svcReadJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// TestServiceGolden compares every document and the change list of each
// case with its golden files; a document the rewrite does not write must
// have no golden file either.
func TestServiceGolden(t *testing.T) {
	for _, dir := range svcCaseDirs(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			_, res := svcLoadCase(t, dir)
			svcAssertDoc(t, filepath.Join(dir, "update-service.json"), res.UpdateService)
			svcAssertDoc(t, filepath.Join(dir, "create-service.json"), res.CreateService)
			svcAssertTargetGroups(t, dir, res.TargetGroups)
			golden.Assert(t, filepath.Join(dir, "changes.json"), svcChangesJSON(t, res))
		})
	}
}

func svcAssertDoc(t *testing.T, path string, doc json.RawMessage) {
	t.Helper()
	if doc != nil {
		golden.Assert(t, path, doc)
		return
	}
	svcAssertAbsent(t, path)
}

// svcAssertAbsent fails when a golden file exists for a document that was
// not written (with -update it removes the stale file).
func svcAssertAbsent(t *testing.T, path string) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		return
	}
	if golden.Updating() {
		if err := os.Remove(path); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("%s exists but the rewrite wrote no such document", path)
}

// svcAssertTargetGroups checks target-group.json (one group) or
// target-group-<name>.json files.
func svcAssertTargetGroups(t *testing.T, dir string, tgs []TargetGroupDoc) {
	t.Helper()
	want := map[string]bool{}
	for _, tg := range tgs {
		path := filepath.Join(dir, "target-group-"+tg.Name+".json")
		want[path] = true
		golden.Assert(t, path, tg.Document)
	}
	old, _ := filepath.Glob(filepath.Join(dir, "target-group*.json"))
	for _, path := range old {
		if !want[path] {
			svcAssertAbsent(t, path)
		}
	}
}

// svcChangesJSON is the golden form of everything but the documents.
func svcChangesJSON(t *testing.T, res *ServiceResult) []byte {
	t.Helper()
	view := struct {
		NotInPlace string      `json:"notInPlace,omitempty"`
		Forced     bool        `json:"forced,omitempty"`
		Changes    []Change    `json:"changes"`
		Remaining  []Remaining `json:"remaining"`
	}{res.NotInPlace, res.Forced, res.Changes, res.Remaining}
	b, err := json.Marshal(view)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := json.Indent(&out, b, "", "  "); err != nil {
		t.Fatal(err)
	}
	out.WriteByte('\n')
	return out.Bytes()
}
