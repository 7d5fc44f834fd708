package terraform

import (
	"github.com/ecs2fargate/ecs2fargate/internal/fieldpath"
)

// jsonOp is one change between two JSON values: the value at path is set
// to value (added when absent), or removed.
type jsonOp struct {
	path   fieldpath.Path
	remove bool
	value  any
}

// diffJSON lists the changes from before to after: members are compared
// one by one, lists of the same length element by element; a list whose
// length changes is set whole.
func diffJSON(before, after any, path fieldpath.Path) []jsonOp {
	if equalJSON(before, after) {
		return nil
	}
	bo, bok := before.(map[string]any)
	ao, aok := after.(map[string]any)
	if bok && aok {
		var ops []jsonOp
		for _, k := range keysOf(bo, ao) {
			b, inB := bo[k]
			a, inA := ao[k]
			p := append(append(fieldpath.Path{}, path...), fieldpath.Key(k))
			switch {
			case inB && !inA:
				ops = append(ops, jsonOp{path: p, remove: true})
			case !inB && inA:
				ops = append(ops, jsonOp{path: p, value: a})
			default:
				ops = append(ops, diffJSON(b, a, p)...)
			}
		}
		return ops
	}
	bl, bok := before.([]any)
	al, aok := after.([]any)
	if bok && aok && len(bl) == len(al) {
		var ops []jsonOp
		for i := range bl {
			p := append(append(fieldpath.Path{}, path...), fieldpath.Index(i))
			ops = append(ops, diffJSON(bl[i], al[i], p)...)
		}
		return ops
	}
	return []jsonOp{{path: path, value: after}}
}
