package terraform

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/fieldpath"
	"github.com/ecs2fargate/ecs2fargate/internal/jsonedit"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// Container definitions are edited where they are written, in the
// module's own style: inside a jsonencode() HCL object, in a heredoc's
// JSON, or in the JSON file read with file() or templatefile().

// editContainers applies ops (paths below containerDefinitions) to the
// expression expr of the container_definitions argument.
func (ed *editor) editContainers(res string, f *editFile, expr hclsyntax.Expression, ops []jsonOp, depth int) {
	switch x := expr.(type) {
	case *hclsyntax.FunctionCallExpr:
		switch {
		case x.Name == "jsonencode" && len(x.Args) == 1:
			for _, op := range ops {
				ed.hclOp(res, f, x.Args[0], op, op.path)
			}
			return
		case (x.Name == "file" && len(x.Args) == 1) || (x.Name == "templatefile" && len(x.Args) == 2):
			ed.fileOps(res, f, x.Args[0], ops)
			return
		}
	case *hclsyntax.TemplateExpr:
		ed.heredocOps(res, f, x, ops)
		return
	case *hclsyntax.TemplateWrapExpr:
		// "${file("c.json")}": the old interpolation-only style.
		ed.editContainers(res, f, x.Wrapped, ops, depth+1)
		return
	case *hclsyntax.ScopeTraversalExpr:
		if depth < 4 && len(x.Traversal) == 2 && x.Traversal.RootName() == "local" {
			if attr, ok := x.Traversal[1].(hcl.TraverseAttr); ok {
				if lf, la := ed.local(path.Dir(f.path), attr.Name); la != nil {
					ed.editContainers(res, lf, la.Expr, ops, depth+1)
					return
				}
			}
		}
	}
	ed.problem(res, "container_definitions is written in a form the editor cannot edit (%s); make the container changes by hand", exprKind(expr))
}

func exprKind(e hclsyntax.Expression) string {
	return strings.TrimPrefix(fmt.Sprintf("%T", e), "*hclsyntax.")
}

// hclOp applies one op inside an HCL expression: rest is the part of the
// path still to walk from e.
func (ed *editor) hclOp(res string, f *editFile, e hclsyntax.Expression, op jsonOp, rest fieldpath.Path) {
	if len(rest) == 0 {
		s, end := offsets(e.Range())
		f.add(s, end, hclValue(op.value))
		return
	}
	step := rest[0]
	switch x := e.(type) {
	case *hclsyntax.TupleConsExpr:
		if step.IsIndex && step.Index < len(x.Exprs) {
			ed.hclOp(res, f, x.Exprs[step.Index], op, rest[1:])
			return
		}
	case *hclsyntax.ObjectConsExpr:
		if step.IsIndex {
			break
		}
		for i, item := range x.Items {
			if objectKey(item.KeyExpr) != step.Key {
				continue
			}
			if len(rest) == 1 && op.remove {
				removeItem(f, x, i)
				return
			}
			ed.hclOp(res, f, item.ValueExpr, op, rest[1:])
			return
		}
		if len(rest) == 1 && !op.remove {
			addItem(f, x, step.Key, hclValue(op.value))
			return
		}
		if op.remove {
			return // already absent
		}
	}
	ed.problem(res, "container_definitions: %s is written as %s, which the editor cannot edit; set it by hand to %s", op.path, exprKind(e), hclValue(op.value))
}

// objectKey is the name of an HCL object key (name = or "name" =).
func objectKey(k hclsyntax.Expression) string {
	if w, ok := k.(*hclsyntax.ObjectConsKeyExpr); ok {
		if name := hcl.ExprAsKeyword(w.Wrapped); name != "" {
			return name
		}
		k = w.Wrapped
	}
	if v, diags := k.Value(nil); !diags.HasErrors() && v.Type() == cty.String && v.IsKnown() {
		return v.AsString()
	}
	return ""
}

// removeItem removes an object's i-th item: its whole line when it has the
// line to itself, else the item and its separator.
func removeItem(f *editFile, x *hclsyntax.ObjectConsExpr, i int) {
	item := x.Items[i]
	s := item.KeyExpr.Range().Start.Byte
	end := item.ValueExpr.Range().End.Byte
	if ws, we, whole := wholeLines(f.src, s, end); whole {
		f.add(ws, we, "")
		return
	}
	src := f.src
	j := end
	for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
		j++
	}
	if j < len(src) && src[j] == ',' {
		j++
		for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
			j++
		}
		f.add(s, j, "")
		return
	}
	k := s
	for k > 0 && (src[k-1] == ' ' || src[k-1] == '\t') {
		k--
	}
	if k > 0 && src[k-1] == ',' {
		k--
	}
	f.add(k, end, "")
}

// addItem adds key = value to an object: on a line of its own before the
// closing brace of an object written over several lines, else after the
// last item.
func addItem(f *editFile, x *hclsyntax.ObjectConsExpr, key, value string) {
	src := f.src
	closeAt := x.SrcRange.End.Byte - 1
	name := key
	if !hclsyntax.ValidIdentifier(key) {
		name = fmt.Sprintf("%q", key)
	}
	if onlySpaceBefore(src, closeAt) {
		indent := indentOf(src, closeAt) + "  "
		if len(x.Items) > 0 {
			indent = indentOf(src, x.Items[0].KeyExpr.Range().Start.Byte)
		}
		at := lineStart(src, closeAt)
		f.add(at, at, indent+name+" = "+indentValue(value, indent)+"\n")
		return
	}
	if len(x.Items) == 0 {
		f.add(closeAt, closeAt, " "+name+" = "+value+" ")
		return
	}
	last := x.Items[len(x.Items)-1].ValueExpr.Range().End.Byte
	f.add(last, last, ", "+name+" = "+value)
}

// heredocOps edits the JSON of a heredoc (or a quoted string without
// escapes) in place.
func (ed *editor) heredocOps(res string, f *editFile, x *hclsyntax.TemplateExpr, ops []jsonOp) {
	s, end := offsets(x.Range())
	text := f.src[s:end]
	from, to := s, end
	if bytes.HasPrefix(text, []byte("<<")) {
		nl := bytes.IndexByte(text, '\n')
		if nl < 0 {
			ed.problem(res, "container_definitions: heredoc without a body")
			return
		}
		from = s + nl + 1
		to = lineStart(f.src, end-1)
		if to < from {
			to = from
		}
	} else if len(text) >= 2 && text[0] == '"' && !bytes.Contains(text, []byte(`\`)) {
		from, to = s+1, end-1
	} else {
		ed.problem(res, "container_definitions is a quoted string with escapes; make the container changes by hand")
		return
	}
	out, err := applyJSONOps(f.src[from:to], ops)
	if err != nil {
		ed.problem(res, "container_definitions: %v; make the container changes by hand", err)
		return
	}
	f.add(from, to, string(out))
}

// fileOps edits the JSON file a file() or templatefile() call reads.
func (ed *editor) fileOps(res string, f *editFile, arg hclsyntax.Expression, ops []jsonOp) {
	dir := path.Dir(f.path)
	ctx := &hcl.EvalContext{Variables: map[string]cty.Value{
		"path": cty.ObjectVal(map[string]cty.Value{"module": cty.StringVal(dir), "root": cty.StringVal(ed.root), "cwd": cty.StringVal(".")}),
	}}
	v, diags := arg.Value(ctx)
	if diags.HasErrors() || !v.IsKnown() || v.Type() != cty.String {
		ed.problem(res, "container_definitions: the file's path is not known statically; make the container changes by hand")
		return
	}
	name := v.AsString()
	if !path.IsAbs(name) && !strings.HasPrefix(name, dir+"/") {
		name = path.Join(dir, name)
	}
	jf, err := ed.file(name, false)
	if err != nil {
		ed.problem(res, "container_definitions: %v", err)
		return
	}
	out, err := applyJSONOps(jf.src, ops)
	if err != nil {
		ed.problem(res, "container_definitions in %s: %v; make the container changes by hand", name, err)
		return
	}
	jf.add(0, len(jf.src), string(out))
}

// applyJSONOps applies ops to JSON text (the containers list) with
// jsonedit, which keeps the text's layout.
func applyJSONOps(text []byte, ops []jsonOp) ([]byte, error) {
	out := append([]byte(nil), text...)
	for _, op := range ops {
		var err error
		if op.remove {
			out, err = jsonedit.Delete(out, op.path)
		} else {
			var v []byte
			if v, err = json.Marshal(op.value); err == nil {
				out, err = jsonedit.Set(out, op.path, v)
			}
		}
		if err != nil {
			return nil, fmt.Errorf("editing %s: %w", op.path, err)
		}
	}
	return out, nil
}

// readFile reads a file of the unit afresh.
func readFile(name string) ([]byte, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	return b, nil
}
