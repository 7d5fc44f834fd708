//go:build goexperiment.jsonv2

package fleet

import "encoding/json/jsontext"

// With GOEXPERIMENT=jsonv2, BenchmarkValidFleet and TestValidatorsAgree
// (valid_bench_test.go) also run encoding/json/v2's validator.
func init() {
	validators["jsontext"] = func(d []byte) bool { return jsontext.Value(d).IsValid() }
}
