package fleet

// validJSON against json.Valid and, built with GOEXPERIMENT=jsonv2,
// encoding/json/v2's jsontext (issue 16; figures in docs/benchmarks.md).
// With the experiment json.Valid is encoding/json/v2's too. Run with
//
//	go test ./internal/fleet -run Valid -bench ValidFleet
//	GOEXPERIMENT=jsonv2 go test ./internal/fleet -run Valid -bench ValidFleet

import (
	"encoding/json"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleetgen"
)

// fleetFiles is every file of a generated 1,000-service fleet.
func fleetFiles(tb testing.TB) (files [][]byte, size int64) {
	tb.Helper()
	gen, err := fleetgen.Generate(fleetgen.Options{Services: 1000})
	if err != nil {
		tb.Fatal(err)
	}
	for _, f := range gen {
		files, size = append(files, f.Data), size+int64(len(f.Data))
	}
	return files, size
}

var validators = map[string]func([]byte) bool{
	"validJSON":     validJSON,
	"encoding/json": json.Valid,
}

// TestValidatorsAgree: all of them accept every file of the fleet.
func TestValidatorsAgree(t *testing.T) {
	files, _ := fleetFiles(t)
	for name, valid := range validators {
		for i, d := range files {
			if !valid(d) {
				t.Fatalf("%s rejects file %d", name, i)
			}
		}
	}
}

// BenchmarkValidFleet/…: one op checks every file of the fleet.
func BenchmarkValidFleet(b *testing.B) {
	files, size := fleetFiles(b)
	for _, name := range []string{"validJSON", "jsontext", "encoding/json"} {
		if validators[name] == nil {
			continue
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				for _, d := range files {
					if !validators[name](d) {
						b.Fatal("rejected")
					}
				}
			}
		})
	}
}
