package terraform

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

const cdPath = "containerDefinitions"

// subLocator finds paths inside JSON text that a document embeds (a
// heredoc, or a file read with file() or templatefile()).
type subLocator struct {
	prefix string // the document path of the JSON text's top
	locate func(rest string) fleet.Position
}

// containers reads container_definitions in any of the forms Terraform
// modules write it: jsonencode() of an HCL expression, a heredoc or string
// of JSON, file() or templatefile() of a JSON file, or a local or variable
// holding one of those.
func (d *doc) containers(a *hclsyntax.Attribute) ([]any, bool) {
	d.at[cdPath] = pos(a.NameRange.Start)
	d.texts[cdPath] = d.text(a.Expr)
	return d.containersFrom(a.Expr, 0)
}

func (d *doc) containersFrom(e hclsyntax.Expression, depth int) ([]any, bool) {
	switch x := e.(type) {
	case *hclsyntax.FunctionCallExpr:
		switch {
		case x.Name == "jsonencode" && len(x.Args) == 1:
			d.index(x.Args[0], cdPath)
			v, ok := d.toJSON(d.s.eval(d.s.ctx, x.Args[0]), cdPath)
			return d.list(v, ok)
		case x.Name == "file" && len(x.Args) == 1, x.Name == "templatefile" && len(x.Args) == 2:
			return d.fromFile(x)
		}
	case *hclsyntax.TemplateExpr, *hclsyntax.TemplateWrapExpr:
		text, markers, ok := d.render(d.s.ctx, e)
		if !ok {
			d.markUnknown(cdPath)
			return nil, false
		}
		d.embedded(e.Range().Filename, d.s.m.src[e.Range().Filename], e.Range())
		return d.parse(text, markers, e.Range())
	case *hclsyntax.ConditionalExpr:
		// var.defs == "" ? local.defaults : var.defs: follow the branch the
		// condition takes when it is known.
		if c := d.s.eval(d.s.ctx, x.Condition); c.IsKnown() && !c.IsNull() && c.Type() == cty.Bool && depth < 4 {
			if c.True() {
				return d.containersFrom(x.TrueResult, depth+1)
			}
			return d.containersFrom(x.FalseResult, depth+1)
		}
	case *hclsyntax.ScopeTraversalExpr:
		// local.containers = jsonencode([...]): read the local's expression,
		// so positions point into it.
		if depth < 4 && len(x.Traversal) == 2 && x.Traversal.RootName() == "local" {
			if attr, ok := x.Traversal[1].(hcl.TraverseAttr); ok {
				if la, ok := d.s.m.locals[attr.Name]; ok {
					return d.containersFrom(la.Expr, depth+1)
				}
			}
		}
	}
	v := d.s.eval(d.s.ctx, e)
	if !v.IsKnown() {
		d.markUnknown(cdPath)
		return nil, false
	}
	if s, err := convert.Convert(v, cty.String); err == nil && !s.IsNull() {
		return d.parse(s.AsString(), nil, e.Range())
	}
	v2, ok := d.toJSON(v, cdPath)
	return d.list(v2, ok)
}

func (d *doc) list(v any, ok bool) ([]any, bool) {
	if !ok {
		return nil, false
	}
	if l, isList := v.([]any); isList {
		return l, true
	}
	d.s.u.diags = append(d.s.u.diags, d.diag(cdPath, "container_definitions is not a list of containers"))
	return nil, false
}

// fromFile reads container definitions from a file in the module.
func (d *doc) fromFile(call *hclsyntax.FunctionCallExpr) ([]any, bool) {
	pv := d.s.eval(d.s.ctx, call.Args[0])
	if !pv.IsKnown() || pv.IsNull() || pv.Type() != cty.String {
		d.markUnknown(cdPath)
		return nil, false
	}
	file := d.s.resolve(pv.AsString())
	data, err := os.ReadFile(file)
	if err != nil {
		d.s.u.diags = append(d.s.u.diags, d.diag(cdPath, fmt.Sprintf("container_definitions: cannot read %s: %v", file, err)))
		return nil, false
	}
	text, markers := string(data), map[string]string(nil)
	if call.Name == "templatefile" {
		expr, diags := hclsyntax.ParseTemplate(data, file, hcl.InitialPos)
		if diags.HasErrors() {
			d.s.u.hclDiags(diags)
			return nil, false
		}
		ctx := &hcl.EvalContext{Variables: map[string]cty.Value{}, Functions: d.s.functions()}
		if v := d.s.eval(d.s.ctx, call.Args[1]); !v.IsKnown() {
			d.markUnknown(cdPath)
			return nil, false
		} else if !v.IsNull() && (v.Type().IsObjectType() || v.Type().IsMapType()) {
			for it := v.ElementIterator(); it.Next(); {
				k, ev := it.Element()
				ctx.Variables[k.AsString()] = ev
			}
		}
		var ok bool
		if text, markers, ok = d.renderIn(ctx, expr, data); !ok {
			d.markUnknown(cdPath)
			return nil, false
		}
	}
	d.subs = append(d.subs, subLocator{prefix: cdPath, locate: func(rest string) fleet.Position {
		at := fleet.Locate(data, []string{rest})[rest]
		if at.Line > 0 {
			at.File = file
		}
		return at
	}})
	return d.parse(text, markers, call.Range())
}

// embedded locates paths inside JSON text written in a .tf file (a
// heredoc): the JSON starts at its first '[' or '{'.
func (d *doc) embedded(file string, src []byte, r hcl.Range) {
	if r.End.Byte > len(src) {
		return
	}
	start := bytes.IndexAny(src[r.Start.Byte:r.End.Byte], "[{")
	if start < 0 {
		return
	}
	start += r.Start.Byte
	text := src[start:r.End.Byte]
	line := 1 + bytes.Count(src[:start], []byte{'\n'})
	col := start - bytes.LastIndexByte(src[:start], '\n')
	d.subs = append(d.subs, subLocator{prefix: cdPath, locate: func(rest string) fleet.Position {
		at := fleet.Locate(text, []string{rest})[rest]
		if at.Line == 1 {
			at.Column += col - 1
		}
		if at.Line > 0 {
			at.Line += line - 1
		}
		return at
	}})
}

// marker stands in a rendered template for an interpolation whose value is
// not known statically; the JSON value holding it is then unknown.
func marker(i int) string { return fmt.Sprintf("@@ecs2fargate-unknown-%d@@", i) }

// render renders a template expression of the module (a heredoc), with a
// marker for each interpolation that is not known.
func (d *doc) render(ctx *hcl.EvalContext, e hclsyntax.Expression) (string, map[string]string, bool) {
	return d.renderIn(ctx, e, d.s.m.src[e.Range().Filename])
}

func (d *doc) renderIn(ctx *hcl.EvalContext, e hclsyntax.Expression, src []byte) (string, map[string]string, bool) {
	var parts []hclsyntax.Expression
	switch x := e.(type) {
	case *hclsyntax.TemplateExpr:
		parts = x.Parts
	case *hclsyntax.TemplateWrapExpr:
		parts = []hclsyntax.Expression{x.Wrapped}
	default:
		parts = []hclsyntax.Expression{e}
	}
	var b strings.Builder
	markers := map[string]string{}
	for _, p := range parts {
		v := d.s.eval(ctx, p)
		if v.IsWhollyKnown() && !v.IsNull() {
			if s, err := convert.Convert(v, cty.String); err == nil {
				b.WriteString(s.AsString())
				continue
			}
		}
		if _, lit := p.(*hclsyntax.LiteralValueExpr); lit {
			return "", nil, false
		}
		m := marker(len(markers))
		r := p.Range()
		text := "an expression"
		if r.End.Byte <= len(src) && r.Start.Byte <= r.End.Byte {
			text = strings.Join(strings.Fields(string(src[r.Start.Byte:r.End.Byte])), " ")
		}
		markers[m] = text
		b.WriteString(m)
	}
	return b.String(), markers, true
}

// parse reads container definitions from JSON text; strings holding a
// marker are unknown.
func (d *doc) parse(text string, markers map[string]string, r hcl.Range) ([]any, bool) {
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		if len(markers) > 0 {
			// An interpolation outside a JSON string ("cpu": ${var.cpu}):
			// the text is JSON only once rendered.
			d.markUnknown(cdPath)
			return nil, false
		}
		d.s.u.diags = append(d.s.u.diags, d.diag(cdPath, "container_definitions is not valid JSON: "+err.Error()))
		return nil, false
	}
	v, _ = d.unmark(v, cdPath, markers)
	return d.list(v, true)
}

// unmark drops the values that hold a marker, recording them as unknown.
func (d *doc) unmark(v any, p string, markers map[string]string) (any, bool) {
	switch x := v.(type) {
	case string:
		for m, text := range markers {
			if strings.Contains(x, m) {
				d.unknown[p] = fmt.Sprintf("value of %s is not known statically", text)
				return nil, false
			}
		}
	case map[string]any:
		for k, e := range x {
			if nv, ok := d.unmark(e, join(p, k), markers); ok {
				x[k] = nv
			} else {
				delete(x, k)
			}
		}
	case []any:
		out := x[:0]
		for i, e := range x {
			if nv, ok := d.unmark(e, p+index(i), markers); ok {
				out = append(out, nv)
			}
		}
		return out, true
	case nil:
		return nil, false // the provider drops nulls
	}
	return v, true
}

// index records where each member of an HCL object or tuple expression
// (the argument of jsonencode) is written, and its source text.
func (d *doc) index(e hclsyntax.Expression, p string) {
	switch x := e.(type) {
	case *hclsyntax.TupleConsExpr:
		for i, el := range x.Exprs {
			ip := p + index(i)
			d.at[ip] = pos(el.StartRange().Start)
			d.texts[ip] = d.text(el)
			d.index(el, ip)
		}
	case *hclsyntax.ObjectConsExpr:
		for _, it := range x.Items {
			key := hcl.ExprAsKeyword(it.KeyExpr)
			if key == "" {
				if kv, diags := it.KeyExpr.Value(nil); !diags.HasErrors() && kv.Type() == cty.String {
					key = kv.AsString()
				}
			}
			if key == "" {
				continue
			}
			kp := join(p, key)
			d.at[kp] = pos(it.KeyExpr.StartRange().Start)
			d.texts[kp] = d.text(it.ValueExpr)
			d.index(it.ValueExpr, kp)
		}
	case *hclsyntax.ParenthesesExpr:
		d.index(x.Expression, p)
	}
}

// diag is an error about the member at p, placed where it is written.
func (d *doc) diag(p, msg string) fleet.Diagnostic {
	at := d.where(p, pos(d.r.block.DefRange().Start))
	file := d.r.file
	if at.File != "" {
		file = at.File
	}
	return fleet.Diagnostic{File: file, Line: at.Line, Column: at.Column, Path: d.s.address(d.r) + "." + p, Level: fleet.LevelError, Message: "Terraform: " + msg}
}
