package cloudformation

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// result is what a template value evaluates to: a literal, a reference to
// a resource of the template, or a value not known until deployment.
type result struct {
	lit    any   // the literal (string, json.Number, bool, []any, map[string]any) when known
	known  bool  // lit is the value
	absent bool  // AWS::NoValue: the property is left out
	link   *link // a Ref or Fn::GetAtt to a resource of the template
	// why says why the value is not known statically; standIn is text
	// that stands for it in messages and in string fields (e.g. "${Env}").
	why, standIn string
}

// link is a Ref (Attr "") or Fn::GetAtt to a resource of the template.
type link struct{ ID, Attr string }

func (l link) String() string {
	if l.Attr == "" {
		return l.ID
	}
	return l.ID + "." + l.Attr
}

func known(v any) result { return result{lit: v, known: true} }

func unknown(standIn, format string, args ...any) result {
	return result{why: fmt.Sprintf(format, args...), standIn: standIn}
}

// asUnknown turns a link, where only a literal will do, into an unknown.
func (r result) asUnknown() result {
	if r.link == nil {
		return r
	}
	return unknown("${"+r.link.String()+"}", "it refers to %s, which the stack creates", r.link)
}

// text is the value as a string when it is a known scalar.
func (r result) text() (string, bool) {
	if !r.known {
		return "", false
	}
	switch v := r.lit.(type) {
	case string:
		return v, true
	case json.Number:
		return v.String(), true
	case bool:
		return strconv.FormatBool(v), true
	}
	return "", false
}

// display is the value's text, or its stand-in when it is not known.
func (r result) display() string {
	if s, ok := r.text(); ok {
		return s
	}
	if r.link != nil {
		return "${" + r.link.String() + "}"
	}
	return r.standIn
}

// pseudo parameters are the stack's own (its region, account, name): one
// value per deployment, none in the template.
var pseudo = map[string]bool{
	"AWS::AccountId": true, "AWS::NotificationARNs": true, "AWS::Partition": true, "AWS::Region": true,
	"AWS::StackId": true, "AWS::StackName": true, "AWS::URLSuffix": true,
}

// intrinsic returns the function a node calls and its argument: a
// short-form tag (!Ref, !Sub, …) or a mapping of one Ref / Fn:: / Condition
// key. ok is false for a plain value.
func intrinsic(n *yaml.Node) (fn string, arg *yaml.Node, ok bool) {
	if tag := n.Tag; strings.HasPrefix(tag, "!") && !strings.HasPrefix(tag, "!!") {
		name := tag[1:]
		bare := *n
		bare.Tag = ""
		switch name {
		case "Ref", "Condition":
			return name, &bare, true
		}
		return "Fn::" + name, &bare, true
	}
	if n.Kind == yaml.MappingNode && len(n.Content) == 2 {
		k := n.Content[0].Value
		if k == "Ref" || k == "Condition" || strings.HasPrefix(k, "Fn::") {
			return k, n.Content[1], true
		}
	}
	return "", nil, false
}

// deref follows YAML aliases to the anchored node.
func deref(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

// evaluator resolves intrinsic functions against one template; depth stops
// a condition or mapping that refers to itself.
type evaluator struct {
	t     *Template
	depth int
}

// value evaluates any node: plain scalars, sequences and mappings (with the
// functions inside them) and function calls.
func (e *evaluator) value(n *yaml.Node) result {
	n = deref(n)
	if n == nil {
		return known(nil)
	}
	if e.depth > 50 {
		return unknown("${?}", "the value refers to itself")
	}
	e.depth++
	defer func() { e.depth-- }()
	if fn, arg, ok := intrinsic(n); ok {
		return e.call(fn, deref(arg))
	}
	switch n.Kind {
	case yaml.ScalarNode:
		return known(scalar(n))
	case yaml.SequenceNode:
		out := []any{}
		for _, c := range n.Content {
			r := e.value(c)
			if r.absent {
				continue
			}
			if !r.known {
				return r.asUnknown()
			}
			out = append(out, r.lit)
		}
		return known(out)
	case yaml.MappingNode:
		out := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			r := e.value(n.Content[i+1])
			if r.absent {
				continue
			}
			if !r.known {
				return r.asUnknown()
			}
			out[n.Content[i].Value] = r.lit
		}
		return known(out)
	}
	return known(nil)
}

// scalar is a plain scalar's value as JSON would hold it.
func scalar(n *yaml.Node) any {
	switch n.ShortTag() {
	case "!!int", "!!float":
		return number(n.Value)
	case "!!bool":
		b, _ := strconv.ParseBool(strings.ToLower(n.Value))
		return b
	case "!!null":
		return nil
	}
	return n.Value
}

// number writes a YAML number as JSON does: 0x1F, 0o17 and 1_000 in
// decimal; .inf and .nan, which JSON cannot hold, stay text.
func number(v string) any {
	clean := strings.ReplaceAll(v, "_", "")
	if i, err := strconv.ParseInt(clean, 0, 64); err == nil {
		return json.Number(strconv.FormatInt(i, 10))
	}
	if f, err := strconv.ParseFloat(clean, 64); err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
		if json.Valid([]byte(clean)) {
			return json.Number(clean)
		}
		return json.Number(strconv.FormatFloat(f, 'g', -1, 64))
	}
	return v
}

// call evaluates one intrinsic function
// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html).
func (e *evaluator) call(fn string, arg *yaml.Node) result {
	switch fn {
	case "Ref":
		return e.ref(arg.Value)
	case "Fn::GetAtt":
		return e.getAtt(arg)
	case "Fn::Sub":
		return e.sub(arg)
	case "Fn::Join":
		return e.join(arg)
	case "Fn::Select":
		return e.selectItem(arg)
	case "Fn::FindInMap":
		return e.findInMap(arg)
	case "Fn::If":
		return e.ifValue(arg)
	case "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not", "Condition":
		b, r := e.condition(fn, arg)
		if !r.known && r.why != "" {
			return r
		}
		return known(b)
	case "Fn::Split":
		return e.split(arg)
	case "Fn::Base64":
		r := e.value(arg).asUnknown()
		if s, ok := r.text(); ok {
			return known(base64.StdEncoding.EncodeToString([]byte(s)))
		}
		return r
	case "Fn::ImportValue":
		name := e.value(arg).display()
		return unknown("${ImportValue:"+name+"}", "it is imported from another stack's export %s (Fn::ImportValue)", name)
	}
	return unknown("${"+fn+"}", "%s is evaluated only when the stack is deployed", fn)
}

func (e *evaluator) ref(name string) result {
	if name == "AWS::NoValue" {
		return result{absent: true}
	}
	if pseudo[name] {
		return unknown("${"+name+"}", "the pseudo parameter %s is known only when the stack is deployed", name)
	}
	if p, ok := e.t.Parameters[name]; ok {
		def := member(p, "Default")
		if def == nil {
			return unknown("${"+name+"}", "parameter %s has no Default", name)
		}
		return e.value(def)
	}
	if e.t.Resource(name) != nil {
		return result{link: &link{ID: name}}
	}
	return unknown("${"+name+"}", "Ref names %s, which is neither a parameter nor a resource of the template", name)
}

func (e *evaluator) getAtt(arg *yaml.Node) result {
	var id, attr string
	switch arg.Kind {
	case yaml.ScalarNode:
		id, attr, _ = strings.Cut(arg.Value, ".")
	case yaml.SequenceNode:
		if len(arg.Content) == 2 {
			id = arg.Content[0].Value
			attr = e.value(arg.Content[1]).display()
		}
	}
	if e.t.Resource(id) == nil {
		return unknown("${"+id+"."+attr+"}", "Fn::GetAtt names %s, which is not a resource of the template", id)
	}
	return result{link: &link{ID: id, Attr: attr}}
}

// sub substitutes ${Name} and ${Resource.Attribute} in a string
// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-sub.html).
func (e *evaluator) sub(arg *yaml.Node) result {
	tmpl := arg
	vars := map[string]*yaml.Node{}
	if arg.Kind == yaml.SequenceNode && len(arg.Content) > 0 {
		tmpl = deref(arg.Content[0])
		if len(arg.Content) > 1 {
			eachMember(deref(arg.Content[1]), func(k, v *yaml.Node) { vars[k.Value] = v })
		}
	}
	if tmpl.Kind != yaml.ScalarNode {
		return unknown("${Fn::Sub}", "Fn::Sub's string is not literal")
	}
	s := tmpl.Value
	var out strings.Builder
	var whys []string
	for {
		i := strings.Index(s, "${")
		if i < 0 {
			out.WriteString(s)
			break
		}
		out.WriteString(s[:i])
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			out.WriteString(s[i:])
			break
		}
		name := s[i+2 : i+j]
		s = s[i+j+1:]
		if strings.HasPrefix(name, "!") { // ${!Literal} writes ${Literal}
			out.WriteString("${" + name[1:] + "}")
			continue
		}
		var r result
		if v, ok := vars[name]; ok {
			r = e.value(v)
		} else if id, attr, dotted := strings.Cut(name, "."); dotted && e.t.Resource(id) != nil {
			r = result{link: &link{ID: id, Attr: attr}}
		} else {
			r = e.ref(name)
		}
		r = r.asUnknown()
		if t, ok := r.text(); ok {
			out.WriteString(t)
			continue
		}
		out.WriteString(r.display())
		whys = append(whys, r.why)
	}
	if len(whys) > 0 {
		return unknown(out.String(), "%s", strings.Join(dedupe(whys), "; "))
	}
	return known(out.String())
}

func (e *evaluator) join(arg *yaml.Node) result {
	if arg.Kind != yaml.SequenceNode || len(arg.Content) != 2 {
		return unknown("${Fn::Join}", "Fn::Join needs a delimiter and a list")
	}
	delim, _ := e.value(arg.Content[0]).text()
	list := deref(arg.Content[1])
	var parts []result
	if list.Kind == yaml.SequenceNode {
		for _, c := range list.Content {
			if r := e.value(c); !r.absent {
				parts = append(parts, r.asUnknown())
			}
		}
	} else {
		r := e.value(list).asUnknown()
		if !r.known {
			return r
		}
		items, _ := r.lit.([]any)
		for _, it := range items {
			parts = append(parts, known(it))
		}
	}
	var texts, whys []string
	for _, p := range parts {
		if t, ok := p.text(); ok {
			texts = append(texts, t)
			continue
		}
		texts = append(texts, p.display())
		whys = append(whys, p.why)
	}
	if len(whys) > 0 {
		return unknown(strings.Join(texts, delim), "%s", strings.Join(dedupe(whys), "; "))
	}
	return known(strings.Join(texts, delim))
}

func (e *evaluator) selectItem(arg *yaml.Node) result {
	if arg.Kind != yaml.SequenceNode || len(arg.Content) != 2 {
		return unknown("${Fn::Select}", "Fn::Select needs an index and a list")
	}
	idx := e.value(arg.Content[0]).asUnknown()
	s, ok := idx.text()
	if !ok {
		return idx
	}
	i, err := strconv.Atoi(s)
	if err != nil {
		return unknown("${Fn::Select}", "Fn::Select's index %q is not a number", s)
	}
	list := deref(arg.Content[1])
	if list.Kind == yaml.SequenceNode {
		if i < 0 || i >= len(list.Content) {
			return unknown("${Fn::Select}", "Fn::Select's index %d is outside the list", i)
		}
		return e.value(list.Content[i])
	}
	r := e.value(list).asUnknown()
	if !r.known {
		return r
	}
	items, _ := r.lit.([]any)
	if i < 0 || i >= len(items) {
		return unknown("${Fn::Select}", "Fn::Select's index %d is outside the list", i)
	}
	return known(items[i])
}

func (e *evaluator) split(arg *yaml.Node) result {
	if arg.Kind != yaml.SequenceNode || len(arg.Content) != 2 {
		return unknown("${Fn::Split}", "Fn::Split needs a delimiter and a string")
	}
	delim, _ := e.value(arg.Content[0]).text()
	r := e.value(arg.Content[1]).asUnknown()
	s, ok := r.text()
	if !ok {
		return r
	}
	var out []any
	for _, p := range strings.Split(s, delim) {
		out = append(out, p)
	}
	return known(out)
}

// findInMap looks a value up in the template's literal Mappings
// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-findinmap.html).
func (e *evaluator) findInMap(arg *yaml.Node) result {
	if arg.Kind != yaml.SequenceNode || len(arg.Content) < 3 {
		return unknown("${Fn::FindInMap}", "Fn::FindInMap needs a map name and two keys")
	}
	var keys []string
	var whys []string
	for _, c := range arg.Content[:3] {
		r := e.value(c).asUnknown()
		s, ok := r.text()
		if !ok {
			s = r.display()
			whys = append(whys, r.why)
		}
		keys = append(keys, s)
	}
	standIn := "${" + strings.Join(keys, ".") + "}"
	if len(whys) > 0 {
		return unknown(standIn, "Fn::FindInMap's key is not literal: %s", strings.Join(whys, "; "))
	}
	top := deref(member(e.t.Mappings, keys[0]))
	second := deref(member(top, keys[1]))
	v := member(second, keys[2])
	if v == nil {
		return unknown(standIn, "Mappings has no %s", strings.Join(keys, "."))
	}
	return e.value(v)
}

func (e *evaluator) ifValue(arg *yaml.Node) result {
	n, r := e.chooseIf(arg)
	if n == nil {
		return r
	}
	return e.value(n)
}

// chooseIf picks Fn::If's branch when its condition evaluates; otherwise it
// returns nil and why not.
func (e *evaluator) chooseIf(arg *yaml.Node) (*yaml.Node, result) {
	if arg.Kind != yaml.SequenceNode || len(arg.Content) != 3 {
		return nil, unknown("${Fn::If}", "Fn::If needs a condition and two values")
	}
	name := deref(arg.Content[0]).Value
	b, r := e.condition("Condition", &yaml.Node{Kind: yaml.ScalarNode, Value: name})
	if !r.known {
		return nil, unknown("${If:"+name+"}", "it depends on condition %s, which %s", name, r.why)
	}
	if b {
		return arg.Content[1], r
	}
	return arg.Content[2], r
}

// condition evaluates a condition function; r.known is false, with why,
// when it depends on a value that is not known statically.
func (e *evaluator) condition(fn string, arg *yaml.Node) (bool, result) {
	e.depth++
	defer func() { e.depth-- }()
	if e.depth > 50 {
		return false, unknown("", "refers to itself")
	}
	arg = deref(arg)
	switch fn {
	case "Condition":
		c, ok := e.t.Conditions[arg.Value]
		if !ok {
			return false, unknown("", "is not defined")
		}
		c = deref(c)
		inner, a, ok := intrinsic(c)
		if !ok {
			return false, unknown("", "is not a condition function")
		}
		return e.condition(inner, deref(a))
	case "Fn::Equals":
		if arg.Kind != yaml.SequenceNode || len(arg.Content) != 2 {
			return false, unknown("", "has a malformed Fn::Equals")
		}
		a, b := e.value(arg.Content[0]).asUnknown(), e.value(arg.Content[1]).asUnknown()
		as, aok := a.text()
		bs, bok := b.text()
		switch {
		case !aok:
			return false, unknown("", "compares a value not known statically (%s)", a.why)
		case !bok:
			return false, unknown("", "compares a value not known statically (%s)", b.why)
		}
		return as == bs, known(nil)
	case "Fn::Not", "Fn::And", "Fn::Or":
		if arg.Kind != yaml.SequenceNode || len(arg.Content) == 0 {
			return false, unknown("", "has a malformed %s", fn)
		}
		var vals []bool
		for _, c := range arg.Content {
			c = deref(c)
			inner, a, ok := intrinsic(c)
			if !ok {
				return false, unknown("", "has an operand that is not a condition")
			}
			v, r := e.condition(inner, deref(a))
			if !r.known {
				return false, r
			}
			vals = append(vals, v)
		}
		switch fn {
		case "Fn::Not":
			return !vals[0], known(nil)
		case "Fn::And":
			for _, v := range vals {
				if !v {
					return false, known(nil)
				}
			}
			return true, known(nil)
		default:
			for _, v := range vals {
				if v {
					return true, known(nil)
				}
			}
			return false, known(nil)
		}
	}
	return false, unknown("", "uses %s, which is not a condition function", fn)
}

func dedupe(list []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range list {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
