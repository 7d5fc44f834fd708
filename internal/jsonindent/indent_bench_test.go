package jsonindent

// Append against json.Indent and, built with GOEXPERIMENT=jsonv2,
// encoding/json/v2's jsontext.AppendFormat (issue 16; figures in
// docs/benchmarks.md). With the experiment json.Indent is encoding/json/v2's
// too. Run with
//
//	go test ./internal/jsonindent -run Indenters -bench IndentFleet
//	GOEXPERIMENT=jsonv2 go test ./internal/jsonindent -run Indenters -bench IndentFleet

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleetgen"
)

// compactFleet is every file of a generated 1,000-service fleet, compacted
// as the rewrite's requests come from encoding/json.
func compactFleet(tb testing.TB) (docs [][]byte, size int64) {
	tb.Helper()
	gen, err := fleetgen.Generate(fleetgen.Options{Services: 1000})
	if err != nil {
		tb.Fatal(err)
	}
	for _, f := range gen {
		var b bytes.Buffer
		if err := json.Compact(&b, f.Data); err != nil {
			tb.Fatal(err)
		}
		docs, size = append(docs, b.Bytes()), size+int64(b.Len())
	}
	return docs, size
}

var indenters = map[string]func(dst, src []byte) ([]byte, error){
	"jsonindent": func(dst, src []byte) ([]byte, error) { return Append(dst, src, "  ") },
	"encoding/json": func(dst, src []byte) ([]byte, error) {
		b := bytes.NewBuffer(dst)
		err := json.Indent(b, src, "", "  ")
		return b.Bytes(), err
	},
}

// TestIndentersAgree: all of them lay out every file the same.
func TestIndentersAgree(t *testing.T) {
	docs, _ := compactFleet(t)
	for i, d := range docs {
		want, _ := indenters["encoding/json"](nil, d)
		for name, indent := range indenters {
			if got, err := indent(nil, d); err != nil || !bytes.Equal(got, want) {
				t.Fatalf("%s lays out file %d differently (%v)", name, i, err)
			}
		}
	}
}

// BenchmarkIndentFleet/…: one op indents every file of the fleet.
func BenchmarkIndentFleet(b *testing.B) {
	docs, size := compactFleet(b)
	for _, name := range []string{"jsonindent", "jsontext", "encoding/json"} {
		if indenters[name] == nil {
			continue
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			var buf []byte
			for b.Loop() {
				for _, d := range docs {
					var err error
					if buf, err = indenters[name](buf[:0], d); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
