package terraform

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// doc builds one translated document from a resource block: the values
// known statically, where each came from, and what is unknown. Paths are
// relative to the resource's object in the document (see finish).
type doc struct {
	s       *scope
	r       *resource
	at      map[string]fleet.Position // where each path was set
	texts   map[string]string         // the source text of the expression that set it
	unknown map[string]string         // paths not known statically, with why
	subs    []subLocator              // JSON text the document embeds (a heredoc, a file)
}

func (s *scope) newDoc(r *resource) *doc {
	return &doc{s: s, r: r, at: map[string]fleet.Position{}, texts: map[string]string{}, unknown: map[string]string{}}
}

// kind says how an attribute's value is written in the document.
type kind int

const (
	kAny     kind = iota // as it is
	kString              // a string (numbers and bools as their text)
	kNumber              // a number
	kBool                // a boolean
	kStrings             // a list of strings
	kTags                // a map written as [{key, value}]
)

// field maps an HCL attribute or nested block onto a document member.
type field struct {
	hcl, json string
	kind      kind
	block     []field // set for a nested block
	list      bool    // the block repeats: the member is a list
}

// fill sets obj's members from body's attributes and nested blocks, per
// spec; base is obj's path.
func (d *doc) fill(ctx *hcl.EvalContext, body *hclsyntax.Body, spec []field, base string, obj map[string]any) {
	for _, f := range spec {
		p := join(base, f.json)
		if f.block == nil {
			if a, ok := body.Attributes[f.hcl]; ok {
				if v, ok := d.attr(ctx, a, p, f.kind); ok {
					obj[f.json] = v
				}
			}
			continue
		}
		if v, ok := d.blocks(ctx, body, f, p); ok {
			obj[f.json] = v
		}
	}
}

// attr evaluates an attribute for the member at p.
func (d *doc) attr(ctx *hcl.EvalContext, a *hclsyntax.Attribute, p string, k kind) (any, bool) {
	d.at[p] = pos(a.NameRange.Start)
	d.texts[p] = d.text(a.Expr)
	return d.value(d.s.eval(ctx, a.Expr), p, k)
}

// value converts v for the member at p; an unknown value is recorded and
// left out.
func (d *doc) value(v cty.Value, p string, k kind) (any, bool) {
	if v.IsNull() {
		return nil, false
	}
	if !v.IsKnown() {
		d.markUnknown(p)
		return nil, false
	}
	switch k {
	case kString:
		if s, err := convert.Convert(v, cty.String); err == nil && s.IsKnown() && !s.IsNull() {
			// The provider sends an optional string only when it is not
			// empty (cpu = var.fargate ? 256 : "" sets no cpu).
			return s.AsString(), s.AsString() != ""
		}
	case kNumber:
		if n, err := convert.Convert(v, cty.Number); err == nil && n.IsKnown() && !n.IsNull() {
			return json.Number(n.AsBigFloat().Text('f', -1)), true
		}
	case kBool:
		if b, err := convert.Convert(v, cty.Bool); err == nil && b.IsKnown() && !b.IsNull() {
			return b.True(), true
		}
	case kStrings:
		if l, err := convert.Convert(v, cty.List(cty.String)); err == nil {
			return d.toJSON(l, p)
		}
	case kTags:
		if m, err := convert.Convert(v, cty.Map(cty.String)); err == nil && m.IsWhollyKnown() {
			var tags []any
			for it := m.ElementIterator(); it.Next(); {
				key, val := it.Element()
				tags = append(tags, map[string]any{"key": key.AsString(), "value": val.AsString()})
			}
			return tags, len(tags) > 0
		}
	}
	return d.toJSON(v, p) // the loader says what is wrong with it, here
}

// toJSON converts a value to JSON, leaving out nulls (the provider drops
// them before calling AWS) and recording unknown parts.
func (d *doc) toJSON(v cty.Value, p string) (any, bool) {
	if v.IsNull() {
		return nil, false
	}
	if !v.IsKnown() {
		d.markUnknown(p)
		return nil, false
	}
	t := v.Type()
	switch {
	case t == cty.String:
		return v.AsString(), true
	case t == cty.Number:
		return json.Number(v.AsBigFloat().Text('f', -1)), true
	case t == cty.Bool:
		return v.True(), true
	case t.IsObjectType() || t.IsMapType():
		out := map[string]any{}
		for it := v.ElementIterator(); it.Next(); {
			k, ev := it.Element()
			if j, ok := d.toJSON(ev, join(p, k.AsString())); ok {
				out[k.AsString()] = j
			}
		}
		return out, true
	case t.IsListType() || t.IsTupleType() || t.IsSetType():
		out := []any{}
		i := 0
		for it := v.ElementIterator(); it.Next(); i++ {
			_, ev := it.Element()
			if j, ok := d.toJSON(ev, fmt.Sprintf("%s[%d]", p, i)); ok {
				out = append(out, j)
			}
		}
		return out, true
	}
	return nil, false
}

// markUnknown records that the member at p is not known statically, naming
// the expression that set it (the nearest one recorded).
func (d *doc) markUnknown(p string) {
	for q := p; ; q = fleet.ParentPath(q) {
		if t, ok := d.texts[q]; ok {
			d.unknown[p] = fmt.Sprintf("value of %s is not known statically", t)
			return
		}
		if q == "" {
			d.unknown[p] = "value is not known statically"
			return
		}
	}
}

// blocks reads the nested blocks of one type (static, or dynamic with a
// for_each known statically) for the member at p.
func (d *doc) blocks(ctx *hcl.EvalContext, body *hclsyntax.Body, f field, p string) (any, bool) {
	var items []any
	for _, b := range body.Blocks {
		switch {
		case b.Type == f.hcl:
			ip := p
			if f.list {
				ip = fmt.Sprintf("%s[%d]", p, len(items))
			}
			d.at[ip] = pos(b.TypeRange.Start)
			obj := map[string]any{}
			d.fill(ctx, b.Body, f.block, ip, obj)
			items = append(items, obj)
		case b.Type == "dynamic" && len(b.Labels) == 1 && b.Labels[0] == f.hcl:
			more, ok := d.dynamic(ctx, b, f, p, len(items))
			if !ok {
				return nil, false
			}
			items = append(items, more...)
		}
	}
	if len(items) == 0 {
		return nil, false
	}
	if !f.list {
		return items[0], true
	}
	return items, true
}

// dynamic expands a dynamic block whose for_each is known statically; one
// that is not makes the whole member unknown.
func (d *doc) dynamic(ctx *hcl.EvalContext, b *hclsyntax.Block, f field, p string, from int) ([]any, bool) {
	fe, ok := b.Body.Attributes["for_each"]
	var content *hclsyntax.Block
	for _, c := range b.Body.Blocks {
		if c.Type == "content" {
			content = c
		}
	}
	if !ok || content == nil {
		return nil, true
	}
	d.at[p] = pos(b.TypeRange.Start)
	d.texts[p] = d.text(fe.Expr)
	coll := d.s.eval(ctx, fe.Expr)
	if !coll.IsWhollyKnown() || coll.IsNull() || !coll.CanIterateElements() {
		if !coll.IsNull() {
			d.markUnknown(p)
			return nil, false
		}
		return nil, true
	}
	name := f.hcl
	if it, ok := b.Body.Attributes["iterator"]; ok {
		if t := hcl.ExprAsKeyword(it.Expr); t != "" {
			name = t
		}
	}
	var out []any
	for it := coll.ElementIterator(); it.Next(); {
		k, v := it.Element()
		child := ctx.NewChild()
		child.Variables = map[string]cty.Value{name: cty.ObjectVal(map[string]cty.Value{"key": k, "value": v})}
		ip := p
		if f.list {
			ip = fmt.Sprintf("%s[%d]", p, from+len(out))
		}
		d.at[ip] = pos(content.TypeRange.Start)
		obj := map[string]any{}
		d.fill(child, content.Body, f.block, ip, obj)
		out = append(out, obj)
	}
	return out, true
}

// text is an expression's source, on one line and at most 60 characters,
// for messages.
func (d *doc) text(e hclsyntax.Expression) string {
	r := e.Range()
	src := d.s.m.src[r.Filename]
	if r.End.Byte > len(src) || r.Start.Byte > r.End.Byte {
		return "an expression"
	}
	t := strings.Join(strings.Fields(string(src[r.Start.Byte:r.End.Byte])), " ")
	if len(t) > 60 {
		t = t[:57] + "..."
	}
	return t
}

// finish makes the Translated: data is the document, prefix the path of
// the resource's object in it ("services[0]", "" for a task definition).
func (d *doc) finish(data any, prefix string) *fleet.Translated {
	raw, err := json.Marshal(data)
	if err != nil {
		d.s.u.diags = append(d.s.u.diags, fleet.Diagnostic{File: d.r.file, Level: fleet.LevelError, Message: err.Error()})
		return nil
	}
	unknown := map[string]string{}
	for p, why := range d.unknown {
		unknown[join(prefix, p)] = why
	}
	root := pos(d.r.block.DefRange().Start)
	return &fleet.Translated{File: d.r.file, Name: d.s.address(d.r), Data: raw, Unknown: unknown,
		Where: func(dataPath string) fleet.Position { return d.where(under(dataPath, prefix), root) }}
}

// where is the place of the member at the relative path p: inside embedded
// JSON when it is there, else the attribute or block that set it or its
// nearest ancestor, else the resource.
func (d *doc) where(p string, root fleet.Position) fleet.Position {
	for _, s := range d.subs {
		if rest, ok := cut(p, s.prefix); ok {
			if at := s.locate(rest); at.Line > 0 {
				return at
			}
		}
	}
	for q := p; ; q = fleet.ParentPath(q) {
		if at, ok := d.at[q]; ok {
			return at
		}
		if q == "" {
			return root
		}
	}
}

func pos(p hcl.Pos) fleet.Position { return fleet.Position{Line: p.Line, Column: p.Column} }

// join appends a member name to a path.
func join(base, name string) string {
	if base == "" {
		return name
	}
	return base + "." + name
}

// cut is p relative to prefix: "" for prefix itself, "[0].x" or ".x" below
// it (the separator kept, so callers can tell an index from a member).
func cut(p, prefix string) (string, bool) {
	if prefix == "" {
		return p, true
	}
	rest, ok := strings.CutPrefix(p, prefix)
	if !ok || rest != "" && rest[0] != '.' && rest[0] != '[' {
		return "", false
	}
	return rest, true
}

// under is p relative to prefix, as a path of its own.
func under(p, prefix string) string {
	rest, ok := cut(p, prefix)
	if !ok {
		return p
	}
	return strings.TrimPrefix(rest, ".")
}

// index is "[i]".
func index(i int) string { return "[" + strconv.Itoa(i) + "]" }
