package fleet

import (
	"fmt"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"
)

// Loading on many workers gives the same fleet and the same diagnostics, in
// the same order, as loading on one: duplicates across files, warnings
// inside a file between its resources, bad files and unknown shapes.
func TestConcurrentLoadMatchesSequential(t *testing.T) {
	dir := t.TempDir()
	for i := range 12 {
		// Every file repeats service s0 (a duplicate warning from the
		// builder) between services with an unknown field (a warning from
		// the worker), so the two kinds of diagnostic interleave.
		writeFile(t, dir, fmt.Sprintf("c%02d/services.json", i), fmt.Sprintf(`{"services": [
			{"serviceArn": "arn:aws:ecs:us-east-1:1:service/c%[1]d/a", "clusterArn": "arn:aws:ecs:us-east-1:1:cluster/c%[1]d", "oddField%[1]d": 1},
			{"serviceArn": "arn:aws:ecs:us-east-1:1:service/c0/s0", "clusterArn": "arn:aws:ecs:us-east-1:1:cluster/c0", "serviceName": "s0"},
			{"serviceArn": "arn:aws:ecs:us-east-1:1:service/c%[1]d/b", "clusterArn": "arn:aws:ecs:us-east-1:1:cluster/c%[1]d", "other%[1]d": true}
		]}`, i))
	}
	writeFile(t, dir, "c05/broken.json", `{"services": [`)
	writeFile(t, dir, "c07/notes.json", `{"hello": 1}`)

	loadWith := func(procs int) (*Fleet, []Diagnostic) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		return load(t, dir, shapesDir)
	}
	seqFleet, seqDiags := loadWith(1)
	parFleet, parDiags := loadWith(8)

	if len(seqDiags) < 12*3 {
		t.Fatalf("expected at least 36 diagnostics from the inputs, got %d", len(seqDiags))
	}
	if !reflect.DeepEqual(seqDiags, parDiags) {
		t.Errorf("diagnostics differ:\nsequential %v\nconcurrent %v", seqDiags, parDiags)
	}
	// In c01/services.json the builder's duplicate warning for s0 falls
	// between the worker's warnings about the first and the third service.
	var c01 []string
	for _, d := range parDiags {
		if d.File == filepath.Join(dir, "c01", "services.json") {
			c01 = append(c01, d.Path)
		}
	}
	if want := []string{"services[0].oddField1", "services[1]", "services[2].other1"}; !reflect.DeepEqual(c01, want) {
		t.Errorf("c01 diagnostics at %q, want %q", c01, want)
	}
	if !reflect.DeepEqual(seqFleet.Inputs, parFleet.Inputs) {
		t.Errorf("inputs differ:\nsequential %v\nconcurrent %v", seqFleet.Inputs, parFleet.Inputs)
	}
	if got, want := serviceSources(parFleet), serviceSources(seqFleet); !reflect.DeepEqual(got, want) {
		t.Errorf("services differ:\nsequential %v\nconcurrent %v", want, got)
	}
}

func serviceSources(f *Fleet) []Source {
	var out []Source
	for _, s := range f.Services {
		out = append(out, s.Doc.Source)
	}
	return out
}
