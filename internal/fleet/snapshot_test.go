package fleet

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// A snapshot of every shape reads back into the same fleet, and writing
// that fleet again gives the same bytes.
func TestSnapshotRoundTrip(t *testing.T) {
	f := loadClean(t, shapesDir)
	f.Gaps = []Gap{{Scope: "account 123456789012 region eu-west-1", Reason: "AccessDenied: ecs:ListClusters"}}
	var first bytes.Buffer
	if err := WriteSnapshot(&first, f, SnapshotMeta{GeneratedBy: "test"}); err != nil {
		t.Fatal(err)
	}
	g, diags := LoadBytes("snap.json", first.Bytes())
	for _, d := range diags {
		t.Errorf("reading the snapshot: %s", d)
	}
	counts := func(f *Fleet) [8]int {
		return [8]int{len(f.TaskDefinitions), len(f.Services), countDetails(f), len(f.ContainerInstances),
			len(f.Instances), len(f.Images), len(f.TargetGroups), len(f.Subnets)}
	}
	if counts(f) != counts(g) {
		t.Errorf("counts %v after the round trip, want %v", counts(g), counts(f))
	}
	for i, td := range f.TaskDefinitions {
		got := g.TaskDefinitions[i]
		if got.Key() != td.Key() || compact(t, docBytes(t, got.Doc)) != compact(t, docBytes(t, td.Doc)) || len(got.Tags) != len(td.Tags) {
			t.Errorf("task definition %s changed in the round trip", td.Key())
		}
	}
	for i, s := range f.Services {
		got := g.Services[i]
		if got.Name() != s.Name() || got.Cluster != s.Cluster || got.TaskDef == nil || got.TaskDef.Key() != s.TaskDef.Key() {
			t.Errorf("service %s changed in the round trip", s.Name())
		}
	}
	if g.ContainerInstances[0].Cluster != "shop" || g.ContainerInstances[0].Instance == nil {
		t.Errorf("container instance lost its cluster or instance: %+v", g.ContainerInstances[0])
	}
	if len(g.Gaps) != 1 || g.Gaps[0] != f.Gaps[0] {
		t.Errorf("gaps = %+v", g.Gaps)
	}
	var second bytes.Buffer
	if err := WriteSnapshot(&second, g, SnapshotMeta{GeneratedBy: "test"}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first.Bytes(), second.Bytes()) {
		t.Error("writing the read-back snapshot gives different bytes")
	}
}

func TestSnapshotOfAnotherVersionIsRejected(t *testing.T) {
	_, diags := LoadBytes("snap.json", []byte(`{"schemaVersion": 99, "services": []}`))
	if len(diags) != 1 || diags[0].Level != LevelError || diags[0].Path != "schemaVersion" || !strings.Contains(diags[0].Message, "99") {
		t.Errorf("diagnostics = %v", diags)
	}
}

// compact drops the insignificant white space a snapshot re-indents.
func compact(t *testing.T, raw []byte) string {
	t.Helper()
	var b bytes.Buffer
	if err := json.Compact(&b, raw); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
