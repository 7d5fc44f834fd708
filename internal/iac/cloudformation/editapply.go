package cloudformation

import (
	"bytes"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/ecs2fargate/ecs2fargate/internal/fieldpath"
	"github.com/ecs2fargate/ecs2fargate/internal/jsonedit"
)

// templateEditor edits one template's bytes: each edit is located on a
// fresh parse (so node positions are those of the current bytes) and
// spliced in, in YAML by node spans (yamlText), in JSON with jsonedit.
type templateEditor struct {
	file string
	src  []byte
	json bool
	t    *Template
	st   yamlStyle
}

func newTemplateEditor(file string, src []byte) (*templateEditor, error) {
	e := &templateEditor{file: file, src: src}
	trimmed := bytes.TrimLeft(src, " \t\r\n\ufeff")
	e.json = len(trimmed) > 0 && trimmed[0] == '{'
	if err := e.reparse(); err != nil {
		return nil, err
	}
	e.st = detectStyle(e.t, newYAMLText(src))
	return e, nil
}

func (e *templateEditor) reparse() error {
	t, err := Parse(e.file, e.src)
	if err != nil {
		return err
	}
	e.t = t
	return nil
}

// detectStyle reads the template's indentation step from its Resources
// (the column of the first logical ID) and how its block sequences sit
// under their keys.
func detectStyle(t *Template, txt *yamlText) yamlStyle {
	st := yamlStyle{step: 2, seq: 2}
	if len(t.Resources) > 0 && t.Resources[0].Key.Column > 1 {
		st.step = t.Resources[0].Key.Column - 1
	}
	st.seq = st.step
	var find func(n *yaml.Node) bool
	find = func(n *yaml.Node) bool {
		if n == nil {
			return false
		}
		if n.Kind == yaml.MappingNode && n.Style&yaml.FlowStyle == 0 {
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				if v.Kind == yaml.SequenceNode && v.Style&yaml.FlowStyle == 0 && len(v.Content) > 0 && v.Content[0].Line > k.Line {
					dash := v.Content[0].Column - 2
					st.seq = max(0, dash-k.Column)
					return true
				}
				if find(v) {
					return true
				}
			}
		}
		if n.Kind == yaml.SequenceNode {
			for _, c := range n.Content {
				if find(c) {
					return true
				}
			}
		}
		return false
	}
	for _, r := range t.Resources {
		if find(r.Props) {
			break
		}
	}
	return st
}

// place is where an API path of a resource lies in the template: the
// deepest node the template has on the way, with its key (for a mapping
// member) and container, and the steps the template lacks.
type place struct {
	cfn    fieldpath.Path // the template path of node (Resources.ID.Properties…)
	node   *yaml.Node
	key    *yaml.Node // node's key, nil for a sequence item
	parent *yaml.Node // the mapping or sequence holding node
	flow   bool       // node is inside a flow collection
	rest   fieldpath.Path
	// fn is the intrinsic function the walk stopped at, with rest the
	// steps inside it: its value is known only at deployment.
	fn string
}

// locate follows the API path p from resource r's Properties.
func (e *templateEditor) locate(r *Resource, p fieldpath.Path, nm names) place {
	pl := place{cfn: fieldpath.Keys("Resources", r.ID, "Properties"), node: deref(r.Props)}
	for i, st := range p {
		if pl.node == nil {
			pl.rest = p[i:]
			return pl
		}
		if fn, _, ok := intrinsic(pl.node); ok {
			pl.fn, pl.rest = fn, p[i:]
			return pl
		}
		flow := pl.flow || pl.node.Style&yaml.FlowStyle != 0
		if st.IsIndex {
			if pl.node.Kind != yaml.SequenceNode || st.Index >= len(pl.node.Content) {
				pl.rest = p[i:]
				return pl
			}
			pl = place{cfn: pl.cfn.Child(st), node: deref(pl.node.Content[st.Index]), parent: pl.node, flow: flow}
			continue
		}
		want := nm.cfnName(p[:i], st.Key)
		k, v := findKey(pl.node, want, st.Key)
		if k == nil {
			pl.rest = p[i:]
			return pl
		}
		pl = place{cfn: pl.cfn.Child(fieldpath.Key(k.Value)), node: deref(v), key: k, parent: pl.node, flow: flow}
	}
	return pl
}

// findKey finds the member of mapping n named either name, ignoring case
// (CloudFormation's names are PascalCase, the API's camelCase).
func findKey(n *yaml.Node, names ...string) (k, v *yaml.Node) {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		for _, name := range names {
			if strings.EqualFold(n.Content[i].Value, name) {
				return n.Content[i], n.Content[i+1]
			}
		}
	}
	return nil, nil
}

// errInsideFunction says an edit would change a value inside an intrinsic
// function, which the template computes at deployment.
type errInsideFunction struct{ fn string }

func (e errInsideFunction) Error() string {
	return "the value is computed by " + e.fn + " at deployment; make this change by hand"
}

// apply makes one op on resource r.
func (e *templateEditor) apply(r *Resource, o op, nm names) error {
	pl := e.locate(r, o.path, nm)
	if pl.fn != "" && (len(pl.rest) > 0 || o.kind == opAppend) {
		return errInsideFunction{pl.fn}
	}
	switch o.kind {
	case opDelete:
		if len(pl.rest) > 0 {
			return nil // already absent
		}
		return e.remove(r, o.path, pl, nm)
	case opAppend:
		if len(pl.rest) > 0 {
			return e.apply(r, op{kind: opSet, path: o.path, value: []any{o.value}}, nm)
		}
		return e.append(pl, nm.cfnValue(o.path.Child(fieldpath.Index(len(pl.node.Content))), o.value))
	}
	if len(pl.rest) == 0 {
		return e.replace(pl, nm.cfnValue(o.path, o.value))
	}
	at := o.path[:len(o.path)-len(pl.rest)]
	if pl.rest[0].IsIndex {
		return fmt.Errorf("%s: the template has fewer elements than the translated resource", o.path)
	}
	v := nm.cfnValue(o.path, o.value)
	for i := len(pl.rest) - 1; i > 0; i-- {
		if pl.rest[i].IsIndex {
			return fmt.Errorf("%s: the template has fewer elements than the translated resource", o.path)
		}
		v = omap{{Key: nm.cfnName(o.path[:len(o.path)-len(pl.rest)+i], pl.rest[i].Key), Value: v}}
	}
	return e.insert(pl, nm.cfnName(at, pl.rest[0].Key), v)
}

// splice replaces src[from:to] with text and parses the result. A
// template with CRLF line ends gets CRLF in the new text too.
func (e *templateEditor) splice(from, to int, text string) error {
	if bytes.Contains(e.src, []byte("\r\n")) {
		text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\n", "\r\n")
	}
	out := make([]byte, 0, len(e.src)+len(text))
	out = append(append(append(out, e.src[:from]...), text...), e.src[to:]...)
	return e.setSource(out)
}

func (e *templateEditor) setSource(out []byte) error {
	old := e.src
	e.src = out
	if err := e.reparse(); err != nil {
		e.src = old
		_ = e.reparse()
		return fmt.Errorf("the edit would not parse (%v)", err)
	}
	return nil
}

// replace writes v in place of the node at pl.
func (e *templateEditor) replace(pl place, v any) error {
	if e.json {
		return e.jsonEdit(func(d []byte) ([]byte, error) { return jsonedit.Set(d, pl.cfn, jsonText(v)) })
	}
	txt := newYAMLText(e.src)
	n := pl.node
	switch {
	case pl.flow:
		return e.splice(txt.start(n), txt.end(n, true), yamlFlow(v))
	case pl.key != nil:
		colon := txt.keyEnd(pl.key)
		end := max(txt.end(n, false), colon+1)
		return e.splice(colon+1, end, e.st.after(v, pl.key.Column-1))
	case pl.parent != nil && pl.parent.Kind == yaml.SequenceNode:
		return e.splice(txt.start(n), txt.end(n, false), e.st.itemBody(v, n.Column-1))
	}
	return fmt.Errorf("%s: cannot replace the value here", pl.cfn)
}

// insert adds the member key: v to the mapping at pl.
func (e *templateEditor) insert(pl place, key string, v any) error {
	if e.json {
		return e.jsonEdit(func(d []byte) ([]byte, error) {
			return jsonedit.Set(d, pl.cfn.Child(fieldpath.Key(key)), jsonText(v))
		})
	}
	m := pl.node
	if m.Kind != yaml.MappingNode {
		return fmt.Errorf("%s: not a mapping", pl.cfn)
	}
	if len(m.Content) == 0 {
		return e.replace(pl, omap{{Key: key, Value: v}})
	}
	txt := newYAMLText(e.src)
	last := m.Content[len(m.Content)-1]
	if pl.flow || m.Style&yaml.FlowStyle != 0 {
		return e.splice(txt.end(last, true), txt.end(last, true), ", "+key+": "+yamlFlow(v))
	}
	at := txt.lineEnd(txt.end(last, false))
	text := e.st.member(key, v, m.Content[0].Column-1) + "\n"
	if at == len(e.src) && (at == 0 || e.src[at-1] != '\n') {
		text = "\n" + text
	}
	return e.splice(at, at, text)
}

// append adds v as the last element of the sequence at pl.
func (e *templateEditor) append(pl place, v any) error {
	if e.json {
		return e.jsonEdit(func(d []byte) ([]byte, error) { return jsonedit.Append(d, pl.cfn, jsonText(v)) })
	}
	s := pl.node
	if s.Kind != yaml.SequenceNode {
		return fmt.Errorf("%s: not a list", pl.cfn)
	}
	if len(s.Content) == 0 {
		return e.replace(pl, []any{v})
	}
	txt := newYAMLText(e.src)
	last := s.Content[len(s.Content)-1]
	if pl.flow || s.Style&yaml.FlowStyle != 0 {
		return e.splice(txt.end(last, true), txt.end(last, true), ", "+yamlFlow(v))
	}
	dash := txt.dash(s.Content[0])
	at := txt.lineEnd(txt.end(last, false))
	text := e.st.item(v, dash-txt.lineStart(dash)) + "\n"
	if at == len(e.src) && (at == 0 || e.src[at-1] != '\n') {
		text = "\n" + text
	}
	return e.splice(at, at, text)
}

// remove deletes the member or element at pl; the last one of its
// container leaves the container empty ({} or []).
func (e *templateEditor) remove(r *Resource, p fieldpath.Path, pl place, nm names) error {
	if e.json {
		return e.jsonEdit(func(d []byte) ([]byte, error) { return jsonedit.Delete(d, pl.cfn) })
	}
	parent := pl.parent
	if parent == nil {
		return fmt.Errorf("%s: cannot remove the resource's properties", pl.cfn)
	}
	isMap := parent.Kind == yaml.MappingNode
	count := len(parent.Content)
	if isMap {
		count /= 2
	}
	if count == 1 {
		up := e.locate(r, p.Parent(), nm)
		if isMap {
			return e.replace(up, omap{})
		}
		return e.replace(up, []any{})
	}
	txt := newYAMLText(e.src)
	idx, first := e.indexIn(parent, pl.node)
	if pl.flow || parent.Style&yaml.FlowStyle != 0 {
		if idx+1 < count { // up to the next member or element
			return e.splice(first, txt.start(e.childStart(parent, idx+1)), "")
		}
		prev := parent.Content[len(parent.Content)-1-step(isMap)]
		return e.splice(txt.end(prev, true), txt.end(pl.node, true), "")
	}
	from := first
	if isMap {
		from = txt.start(pl.key)
	} else {
		from = txt.dash(pl.node)
	}
	end := txt.lineEnd(txt.end(pl.node, false))
	if txt.onlySpaceBefore(from) {
		return e.splice(txt.lineStart(from), end, "")
	}
	// A key right after "- ": the next member moves up onto the dash line.
	if idx+1 < count {
		return e.splice(from, txt.start(e.childStart(parent, idx+1)), "")
	}
	return fmt.Errorf("%s: cannot remove the value here", pl.cfn)
}

func step(isMap bool) int {
	if isMap {
		return 2
	}
	return 1
}

// indexIn finds a child's index in its container and where it starts.
func (e *templateEditor) indexIn(parent, child *yaml.Node) (int, int) {
	txt := newYAMLText(e.src)
	if parent.Kind == yaml.MappingNode {
		for i := 1; i < len(parent.Content); i += 2 {
			if deref(parent.Content[i]) == child {
				return i / 2, txt.start(parent.Content[i-1])
			}
		}
	}
	for i, c := range parent.Content {
		if deref(c) == child {
			return i, txt.start(c)
		}
	}
	return 0, txt.start(child)
}

// childStart is the node starting the container's i-th member or element.
func (e *templateEditor) childStart(parent *yaml.Node, i int) *yaml.Node {
	if parent.Kind == yaml.MappingNode {
		return parent.Content[2*i]
	}
	return parent.Content[i]
}

func (e *templateEditor) jsonEdit(fn func([]byte) ([]byte, error)) error {
	out, err := fn(e.src)
	if err != nil {
		return err
	}
	return e.setSource(out)
}

// keyEnd is the offset of the ':' after a block mapping key.
func (t *yamlText) keyEnd(k *yaml.Node) int {
	i := t.contentStart(k)
	if k.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		i = t.quotedEnd(i, t.src[i])
	}
	for i < len(t.src) && t.src[i] != ':' {
		i++
	}
	return i
}

// dash is the offset of the "-" introducing a block sequence item.
func (t *yamlText) dash(item *yaml.Node) int {
	i := t.start(item) - 1
	for i >= 0 && t.src[i] != '-' {
		i--
	}
	return max(i, 0)
}

// insertAfter adds the member key: v to the block mapping m after the
// member whose key is after (a resource attribute beside Type).
func (e *templateEditor) insertAfter(m, after *yaml.Node, key string, v any) error {
	if m.Style&yaml.FlowStyle != 0 || after == nil {
		return fmt.Errorf("not a block mapping")
	}
	var val *yaml.Node
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i] == after {
			val = m.Content[i+1]
		}
	}
	txt := newYAMLText(e.src)
	at := txt.lineEnd(txt.end(val, false))
	return e.splice(at, at, e.st.member(key, v, after.Column-1)+"\n")
}
