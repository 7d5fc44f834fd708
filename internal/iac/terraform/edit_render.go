package terraform

import (
	"encoding/json"
	"math/big"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
)

// rawExpr is a value written as HCL source as it is (var.web_subnets), not
// as a literal.
type rawExpr string

// hclValue writes a JSON value (as decoded with UseNumber) as an HCL
// literal: "x", 1, true, ["a"], { key = "v" }.
func hclValue(v any) string {
	if r, ok := v.(rawExpr); ok {
		return string(r)
	}
	if l, ok := v.([]any); ok && containsRaw(l) {
		parts := make([]string, len(l))
		for i, x := range l {
			parts[i] = hclValue(x)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return strings.TrimSpace(string(hclwrite.TokensForValue(ctyOf(v)).Bytes()))
}

func containsRaw(l []any) bool {
	for _, x := range l {
		if _, ok := x.(rawExpr); ok {
			return true
		}
	}
	return false
}

// ctyOf converts a decoded JSON value to cty, objects as objects (so that
// keys keep their names) and arrays as tuples.
func ctyOf(v any) cty.Value {
	switch x := v.(type) {
	case nil:
		return cty.NullVal(cty.DynamicPseudoType)
	case string:
		return cty.StringVal(x)
	case bool:
		return cty.BoolVal(x)
	case json.Number:
		f, _, err := big.ParseFloat(string(x), 10, 512, big.ToNearestEven)
		if err != nil {
			return cty.StringVal(string(x))
		}
		return cty.NumberVal(f)
	case float64:
		return cty.NumberFloatVal(x)
	case []any:
		if len(x) == 0 {
			return cty.EmptyTupleVal
		}
		vals := make([]cty.Value, len(x))
		for i, e := range x {
			vals[i] = ctyOf(e)
		}
		return cty.TupleVal(vals)
	case map[string]any:
		if len(x) == 0 {
			return cty.EmptyObjectVal
		}
		vals := map[string]cty.Value{}
		for k, e := range x {
			vals[k] = ctyOf(e)
		}
		return cty.ObjectVal(vals)
	}
	return cty.NullVal(cty.DynamicPseudoType)
}

// equalJSON compares two decoded JSON values.
func equalJSON(a, b any) bool {
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && string(x) == string(y)
}

// keysOf is the union of two objects' keys, sorted.
func keysOf(a, b map[string]any) []string {
	seen := map[string]bool{}
	var keys []string
	for _, m := range []map[string]any{a, b} {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	sort.Strings(keys)
	return keys
}
