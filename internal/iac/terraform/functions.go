package terraform

import (
	"os"
	"path"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/tryfunc"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// functions are the Terraform functions modules use to build ECS
// resources, from go-cty's standard library (which Terraform's own
// functions are built on), plus file and templatefile, which read relative
// to the module. A function we do not know makes its call unknown.
func (s *scope) functions() map[string]function.Function {
	return map[string]function.Function{
		"jsonencode": stdlib.JSONEncodeFunc, "jsondecode": stdlib.JSONDecodeFunc,
		"merge": stdlib.MergeFunc, "concat": stdlib.ConcatFunc, "lookup": stdlib.LookupFunc,
		"coalesce": stdlib.CoalesceFunc, "coalescelist": stdlib.CoalesceListFunc, "compact": stdlib.CompactFunc,
		"format": stdlib.FormatFunc, "join": stdlib.JoinFunc, "split": stdlib.SplitFunc,
		"lower": stdlib.LowerFunc, "upper": stdlib.UpperFunc, "replace": stdlib.ReplaceFunc,
		"trimspace": stdlib.TrimSpaceFunc, "substr": stdlib.SubstrFunc,
		"length": stdlib.LengthFunc, "element": stdlib.ElementFunc, "flatten": stdlib.FlattenFunc,
		"keys": stdlib.KeysFunc, "values": stdlib.ValuesFunc, "contains": stdlib.ContainsFunc,
		"distinct": stdlib.DistinctFunc, "zipmap": stdlib.ZipmapFunc,
		"max": stdlib.MaxFunc, "min": stdlib.MinFunc, "abs": stdlib.AbsoluteFunc,
		"ceil": stdlib.CeilFunc, "floor": stdlib.FloorFunc,
		"tostring": stdlib.MakeToFunc(cty.String), "tonumber": stdlib.MakeToFunc(cty.Number),
		"tobool": stdlib.MakeToFunc(cty.Bool), "tolist": stdlib.MakeToFunc(cty.List(cty.DynamicPseudoType)),
		"toset": stdlib.MakeToFunc(cty.Set(cty.DynamicPseudoType)), "tomap": stdlib.MakeToFunc(cty.Map(cty.DynamicPseudoType)),
		"try": tryfunc.TryFunc, "can": tryfunc.CanFunc,
		"file":         s.fileFunc(),
		"templatefile": s.templateFileFunc(),
	}
}

// resolve is a path a module names, as Terraform resolves it: paths built
// from path.module already start with the module's directory; others are
// taken relative to the module.
func (s *scope) resolve(p string) string {
	if path.IsAbs(p) || p == s.m.dir || strings.HasPrefix(p, s.m.dir+"/") {
		return p
	}
	return path.Join(s.m.dir, p)
}

func (s *scope) fileFunc() function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			data, err := os.ReadFile(s.resolve(args[0].AsString()))
			if err != nil {
				return cty.UnknownVal(cty.String), nil
			}
			return cty.StringVal(string(data)), nil
		},
	})
}

// templateFileFunc renders a template file with the variables given, as
// Terraform's templatefile does; a template that names anything else, or
// a variable whose value is unknown, renders unknown.
func (s *scope) templateFileFunc() function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}, {Name: "vars", Type: cty.DynamicPseudoType}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			file := s.resolve(args[0].AsString())
			data, err := os.ReadFile(file)
			if err != nil {
				return cty.UnknownVal(cty.String), nil
			}
			expr, diags := hclsyntax.ParseTemplate(data, file, hcl.InitialPos)
			if diags.HasErrors() {
				return cty.UnknownVal(cty.String), nil
			}
			vars := map[string]cty.Value{}
			if v := args[1]; v.IsKnown() && !v.IsNull() && (v.Type().IsObjectType() || v.Type().IsMapType()) {
				for it := v.ElementIterator(); it.Next(); {
					k, ev := it.Element()
					vars[k.AsString()] = ev
				}
			}
			out, diags := expr.Value(&hcl.EvalContext{Variables: vars, Functions: s.functions()})
			if diags.HasErrors() || !out.IsWhollyKnown() {
				return cty.UnknownVal(cty.String), nil
			}
			str, err := stdlibToString(out)
			if err != nil {
				return cty.UnknownVal(cty.String), nil
			}
			return str, nil
		},
	})
}

func stdlibToString(v cty.Value) (cty.Value, error) {
	return stdlib.MakeToFunc(cty.String).Call([]cty.Value{v})
}
