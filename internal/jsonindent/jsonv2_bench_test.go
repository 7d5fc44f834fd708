//go:build goexperiment.jsonv2

package jsonindent

import "encoding/json/jsontext"

// With GOEXPERIMENT=jsonv2, BenchmarkIndentFleet and TestIndentersAgree
// (indent_bench_test.go) also run encoding/json/v2's formatter.
func init() {
	indenters["jsontext"] = func(dst, src []byte) ([]byte, error) {
		return jsontext.AppendFormat(dst, src, jsontext.WithIndent("  "))
	}
}
