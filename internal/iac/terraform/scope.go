package terraform

import (
	"fmt"
	"path"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// scope is one instance of a module: the root module, or a module called
// from it with its inputs. It evaluates expressions with what is known
// statically and translates the module's resources.
type scope struct {
	u      *unit
	m      *module
	prefix string               // address prefix: "" or "module.ecs."
	inputs map[string]cty.Value // the caller's arguments (nil for the root)
	active map[string]bool      // directories on the call stack, against cycles
	ctx    *hcl.EvalContext
	inst   string // the key of the resource instance being read: "", [0], ["api"]
}

func newScope(u *unit, m *module, prefix string, inputs map[string]cty.Value, active map[string]bool) *scope {
	s := &scope{u: u, m: m, prefix: prefix, inputs: inputs, active: active}
	s.ctx = &hcl.EvalContext{Variables: map[string]cty.Value{}, Functions: s.functions()}
	s.ctx.Variables["var"] = s.variables()
	s.ctx.Variables["path"] = cty.ObjectVal(map[string]cty.Value{
		"module": cty.StringVal(m.dir), "root": cty.StringVal(m.dir), "cwd": cty.StringVal("."),
	})
	s.ctx.Variables["local"] = s.locals()
	s.addResourceRefs()
	s.ctx.Variables["local"] = s.locals() // locals may name resources
	return s
}

// variables is var: the caller's argument, else (in the root module) the
// terraform.tfvars value, else the default; unknown otherwise. Terraform
// requires a default and a tfvars value to be literal, so they are
// evaluated with no context.
func (s *scope) variables() cty.Value {
	vars := map[string]cty.Value{}
	for name, b := range s.m.variables {
		v := cty.DynamicVal
		if in, ok := s.inputs[name]; ok {
			v = in
		} else if e, ok := s.m.tfvars[name]; ok && s.inputs == nil {
			v = literal(e)
		} else if a, ok := b.Body.Attributes["default"]; ok {
			v = literal(a.Expr)
		}
		vars[name] = v
	}
	return cty.ObjectVal(vars)
}

// literal is an expression's value when it needs no context.
func literal(e hcl.Expression) cty.Value {
	v, diags := e.Value(nil)
	if diags.HasErrors() {
		return cty.DynamicVal
	}
	return v
}

// locals evaluates the locals until no more become known: they may name
// one another in any order.
func (s *scope) locals() cty.Value {
	vals := map[string]cty.Value{}
	for name := range s.m.locals {
		vals[name] = cty.DynamicVal
	}
	for range len(s.m.locals) + 1 {
		s.ctx.Variables["local"] = cty.ObjectVal(vals)
		changed := false
		for name, a := range s.m.locals {
			v := s.eval(s.ctx, a.Expr)
			if !v.RawEquals(vals[name]) {
				vals[name], changed = v, true
			}
		}
		if !changed {
			break
		}
	}
	return cty.ObjectVal(vals)
}

// eval is an expression's value; a name the context does not hold (a data
// source, a resource we do not model, count, each) is unknown, and so is
// what an evaluation error leaves.
func (s *scope) eval(ctx *hcl.EvalContext, e hcl.Expression) cty.Value {
	for _, t := range e.Variables() {
		root := t.RootName()
		if _, ok := lookupVar(ctx, root); !ok {
			s.ctx.Variables[root] = cty.DynamicVal
		}
	}
	v, _ := e.Value(ctx)
	return v
}

func lookupVar(ctx *hcl.EvalContext, name string) (cty.Value, bool) {
	for c := ctx; c != nil; c = c.Parent() {
		if v, ok := c.Variables[name]; ok {
			return v, true
		}
	}
	return cty.NilVal, false
}

// addResourceRefs makes the attributes that link resources known: a task
// definition's arn is its family (the loader links a service to a task
// definition of that family), a cluster's id, arn and name are its name,
// and a target group's arn is its module directory and address (no account
// or region is known; see targetGroupID).
// A resource with count is a list of one; with for_each, unknown.
func (s *scope) addResourceRefs() {
	byType := map[string]map[string]cty.Value{}
	for _, r := range s.m.resources {
		switch r.typ {
		case "aws_ecs_task_definition", "aws_ecs_cluster", "aws_lb_target_group", "aws_alb_target_group":
		default:
			continue
		}
		if byType[r.typ] == nil {
			byType[r.typ] = map[string]cty.Value{}
		}
		byType[r.typ][r.name] = s.resourceRef(r)
	}
	for typ, names := range byType {
		s.ctx.Variables[typ] = cty.ObjectVal(names)
	}
}

// resourceRef is the value a reference to r gives: one object of its
// linking attributes, a list of them (count) or a map (for_each) when the
// instances are known; unknown when they are not.
func (s *scope) resourceRef(r *resource) cty.Value {
	insts, known := s.instances(r)
	_, counted := r.block.Body.Attributes["count"]
	_, each := r.block.Body.Attributes["for_each"]
	if !known && each {
		return cty.DynamicVal
	}
	var list []cty.Value
	byKey := map[string]cty.Value{}
	for _, in := range insts {
		s.with(in, func() {
			v := s.linkAttrs(r)
			list = append(list, v)
			byKey[in.each] = v
		})
	}
	switch {
	case each:
		return cty.ObjectVal(byKey)
	case counted && len(list) == 0:
		return cty.EmptyTupleVal
	case counted:
		return cty.TupleVal(list)
	}
	return list[0]
}

// linkAttrs are the attributes of the instance being read that link
// resources.
func (s *scope) linkAttrs(r *resource) cty.Value {
	switch r.typ {
	case "aws_ecs_task_definition":
		f := cty.StringVal(s.family(r))
		return cty.ObjectVal(map[string]cty.Value{"arn": f, "arn_without_revision": f, "family": f, "id": f})
	case "aws_ecs_cluster":
		n := cty.StringVal(s.clusterName(r))
		return cty.ObjectVal(map[string]cty.Value{"arn": n, "id": n, "name": n})
	}
	a := cty.StringVal(s.targetGroupID(r))
	return cty.ObjectVal(map[string]cty.Value{"arn": a, "id": a, "arn_suffix": a})
}

// instance is one instance of a resource: its key in the address and the
// context its expressions see (count.index, each.key and each.value).
type instance struct {
	key  string
	each string // the for_each key
	ctx  *hcl.EvalContext
}

// instances lists a resource's instances as Terraform creates them: one
// without count or for_each, one per count or for_each element when that
// is known statically (none for count = 0), and one, read once with
// count.index and each unknown, when it is not (known is then false).
func (s *scope) instances(r *resource) ([]instance, bool) {
	if a, ok := r.block.Body.Attributes["count"]; ok {
		v := s.eval(s.ctx, a.Expr)
		if !v.IsKnown() || v.IsNull() || v.Type() != cty.Number {
			return []instance{{ctx: s.child("count", cty.ObjectVal(map[string]cty.Value{"index": cty.UnknownVal(cty.Number)}))}}, false
		}
		n, _ := v.AsBigFloat().Int64()
		out := make([]instance, 0, n)
		for i := range n {
			out = append(out, instance{key: fmt.Sprintf("[%d]", i), ctx: s.child("count", cty.ObjectVal(map[string]cty.Value{"index": cty.NumberIntVal(i)}))})
		}
		return out, true
	}
	if a, ok := r.block.Body.Attributes["for_each"]; ok {
		v := s.eval(s.ctx, a.Expr)
		if !v.IsWhollyKnown() || v.IsNull() || !v.CanIterateElements() {
			return []instance{{ctx: s.child("each", cty.DynamicVal)}}, false
		}
		var out []instance
		for it := v.ElementIterator(); it.Next(); {
			k, ev := it.Element()
			if v.Type().IsSetType() || v.Type().IsListType() || v.Type().IsTupleType() {
				k = ev // for_each over a set: each.key is the element
			}
			ks, err := convert.Convert(k, cty.String)
			if err != nil || ks.IsNull() {
				continue
			}
			key := ks.AsString()
			out = append(out, instance{key: fmt.Sprintf("[%q]", key), each: key,
				ctx: s.child("each", cty.ObjectVal(map[string]cty.Value{"key": ks, "value": ev}))})
		}
		return out, true
	}
	return []instance{{ctx: s.ctx}}, true
}

// child is the module's context with one more name.
func (s *scope) child(name string, v cty.Value) *hcl.EvalContext {
	c := s.ctx.NewChild()
	c.Variables = map[string]cty.Value{name: v}
	return c
}

// with runs f with in as the instance being read.
func (s *scope) with(in instance, f func()) {
	ctx, inst := s.ctx, s.inst
	s.ctx, s.inst = in.ctx, in.key
	defer func() { s.ctx, s.inst = ctx, inst }()
	f()
}

func (s *scope) address(r *resource) string { return s.prefix + r.typ + "." + r.name + s.inst }

// targetGroupID stands for a target group's ARN, which only AWS assigns:
// its module's directory and its address, unique among the inputs.
func (s *scope) targetGroupID(r *resource) string { return s.m.dir + ":" + s.address(r) }

// family is a task definition's family, or its address when the family
// is not known statically (the link between resources is known even then).
func (s *scope) family(r *resource) string {
	return s.knownString(r.block.Body, "family", s.address(r))
}

// clusterName is a cluster's name, or its address when not known.
func (s *scope) clusterName(r *resource) string {
	return s.knownString(r.block.Body, "name", s.address(r))
}

// knownString is a string attribute's value, or def when it is absent or
// not known statically.
func (s *scope) knownString(body *hclsyntax.Body, attr, def string) string {
	a, ok := body.Attributes[attr]
	if !ok {
		return def
	}
	v := s.eval(s.ctx, a.Expr)
	if !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
		return def
	}
	return v.AsString()
}

// translate translates the module's resources and the local modules it
// calls. The calls are read first, so that the module's own resources can
// use their outputs (module.task.arn), as far as those are known.
func (s *scope) translate() {
	s.active[s.m.dir] = true
	defer delete(s.active, s.m.dir)
	children := s.calls()
	if len(children) > 0 {
		s.ctx.Variables["local"] = s.locals()
		s.addResourceRefs()
	}
	clusters := s.clusters()
	for _, r := range s.m.resources {
		insts, _ := s.instances(r)
		for _, in := range insts {
			s.with(in, func() {
				switch r.typ {
				case "aws_ecs_task_definition":
					s.u.add(s.taskDefinition(r))
				case "aws_ecs_service":
					s.u.add(s.service(r, clusters))
				case "aws_lb_target_group", "aws_alb_target_group":
					s.u.add(s.targetGroup(r))
				}
			})
		}
	}
	for _, c := range clusters {
		s.u.add(s.cluster(c))
	}
	for _, c := range children {
		c.translate()
	}
}

// calls makes a scope for each module block whose source is a local
// directory of the unit, with the arguments it sets, and makes their
// outputs known to this module as module.NAME.OUTPUT; any other source is
// named as not read, and its outputs are unknown.
func (s *scope) calls() []*scope {
	var out []*scope
	outputs := map[string]cty.Value{}
	for _, b := range s.m.calls {
		if c := s.call(b); c != nil {
			out = append(out, c)
			outputs[b.Labels[0]] = c.outputs()
		}
	}
	if len(outputs) > 0 {
		s.ctx.Variables["module"] = cty.ObjectVal(outputs)
	}
	return out
}

// outputs is the module's outputs, as far as they are known.
func (s *scope) outputs() cty.Value {
	vals := map[string]cty.Value{}
	for name, a := range s.m.outputs {
		vals[name] = s.eval(s.ctx, a.Expr)
	}
	return cty.ObjectVal(vals)
}

// call makes the scope of a module block whose source is a local directory
// of the unit, passing the arguments it sets; nil for any other source,
// which is not read.
func (s *scope) call(b *hclsyntax.Block) *scope {
	dir, ok := localSource(s.m.dir, b)
	child := s.u.modules[dir]
	if !ok || child == nil {
		src := "an expression"
		if a, ok := b.Body.Attributes["source"]; ok {
			if v := literal(a.Expr); v.IsKnown() && v.Type() == cty.String {
				src = v.AsString()
			}
		}
		s.u.diags = append(s.u.diags, fleet.Diagnostic{File: s.fileOf(b), Line: b.DefRange().Start.Line, Column: b.DefRange().Start.Column, Level: fleet.LevelWarning,
			Message: fmt.Sprintf("Terraform: module %q (source %s) is not read: only modules in local directories among the inputs are; name its directory to audit it on its own", b.Labels[0], src)})
		return nil
	}
	if s.active[dir] {
		return nil
	}
	inputs := map[string]cty.Value{}
	for name, a := range b.Body.Attributes {
		switch name {
		case "source", "version", "count", "for_each", "providers", "depends_on":
			continue
		}
		inputs[name] = s.eval(s.ctx, a.Expr)
	}
	return newScope(s.u, child, s.prefix+"module."+b.Labels[0]+".", inputs, s.active)
}

// fileOf names the file a block of the module is in.
func (s *scope) fileOf(b *hclsyntax.Block) string {
	if f := b.DefRange().Filename; f != "" {
		return f
	}
	return path.Join(s.m.dir, "main.tf")
}

// add records a translated document.
func (u *unit) add(t *fleet.Translated) {
	if t != nil {
		u.docs = append(u.docs, *t)
	}
}
