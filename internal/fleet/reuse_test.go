package fleet

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleetgen"
)

// The loader reads each file into a buffer that the next file read on the
// same worker reuses (see loans): nothing loaded may point into it once
// its file is loaded. Loading inputs of every kind (each shape, YAML,
// arrays and streams of documents, broken documents, a snapshot, files
// that are not ours) with each buffer overwritten before it is reused
// gives the fleet and the diagnostics of a load that reuses none.
func TestNothingLoadedKeepsAFilesBuffer(t *testing.T) {
	dir := t.TempDir()
	gen := filepath.Join(dir, "generated")
	if err := fleetgen.WriteTemp(gen, fleetgen.Options{Services: 60, PerCluster: 20}); err != nil {
		t.Fatal(err)
	}
	first, diags := Load(context.Background(), []string{gen}, nil)
	if len(diags) > 0 {
		t.Fatalf("generated fleet: %v", diags)
	}
	var snap bytes.Buffer
	if err := WriteSnapshot(&snap, first, SnapshotMeta{}); err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "snapshot.json", snap.String())
	services, err := os.ReadFile(filepath.Join(shapesDir, "services.json"))
	if err != nil {
		t.Fatal(err)
	}
	tds, err := os.ReadFile(filepath.Join(shapesDir, "describe-task-definition.json"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "array.json", "["+string(services)+","+string(tds)+"]")
	writeFile(t, dir, "stream.json", string(tds)+"\n"+string(services))
	writeFile(t, dir, "broken-stream.json", string(tds)+"\n{\"services\": [}\n"+string(services))
	writeFile(t, dir, "unknown-fields.json", strings.Replace(string(tds), `"family"`, `"surprise": {"a": ["b"]}, "family"`, 1))
	writeFile(t, dir, "wrong-type.json", strings.Replace(string(tds), `"family": "`, `"family": 7, "familyX": "`, 1))
	paths := []string{gen, dir, shapesDir, "testdata/yaml", "testdata/metricdata", "../../testdata/corpus", "../../examples"}

	defer func(limit int) { reuseLimit, scribble = limit, false }(reuseLimit)
	reuseLimit = 0
	want, wantDiags := Load(context.Background(), paths, nil)
	reuseLimit, scribble = maxReused, true
	got, gotDiags := Load(context.Background(), paths, nil)

	if len(want.Services) < 60 || len(want.TaskDefinitions) < 60 || len(want.Metrics)+len(want.ClusterMetrics) == 0 {
		t.Fatalf("too little loaded to tell: %d services, %d task definitions", len(want.Services), len(want.TaskDefinitions))
	}
	requireSameLoad(t, got, want, gotDiags, wantDiags, "a load that reuses no buffer")
	for _, td := range got.TaskDefinitions {
		b, err := td.Doc.Bytes()
		if err != nil || bytes.Contains(b, []byte("###")) {
			t.Fatalf("%s: the document's bytes are %.40q, %v", td.Doc.Source.File, b, err)
		}
	}
}
