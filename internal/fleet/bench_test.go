package fleet

import (
	"os"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleetgen"
)

// benchServices is the describe-services file of a generated 100-service
// cluster, 4-space indented as the AWS CLI prints it.
func benchServices(b *testing.B) []byte {
	b.Helper()
	dir := b.TempDir()
	if err := fleetgen.WriteTemp(dir, fleetgen.Options{Services: 100, PerCluster: 100}); err != nil {
		b.Fatal(err)
	}
	f, diags := Load(b.Context(), []string{dir}, nil)
	if len(diags) > 0 || len(f.Services) == 0 {
		b.Fatalf("%d services, diagnostics %v", len(f.Services), diags)
	}
	data, err := os.ReadFile(f.Services[0].Doc.Source.File)
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// BenchmarkParseServices is the loader's first pass over a file: syntax
// check and top-level members.
func BenchmarkParseServices(b *testing.B) {
	data := benchServices(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if top, d := parseObject("s.json", data); d != nil || len(top) == 0 {
			b.Fatal(d)
		}
	}
}

// BenchmarkLoadServices is the whole load of one describe-services file.
func BenchmarkLoadServices(b *testing.B) {
	data := benchServices(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if f, diags := LoadBytes("s.json", data); len(diags) > 0 || len(f.Services) != 100 {
			b.Fatal(diags)
		}
	}
}
