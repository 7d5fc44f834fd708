package cloudformation

import (
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// converter turns one resource's Properties into the AWS API's JSON shape,
// guided by the SDK type the loader decodes it into: CloudFormation's
// PascalCase names become the API's names (the SDK field's, with a lower
// first letter unless pascal), "10" becomes 10 where the API wants a
// number (CloudFormation accepts both), and keys of user-owned maps
// (dockerLabels, log options) stay as written. It records where each field
// came from and which values are not known statically.
type converter struct {
	e       *evaluator
	file    string
	pascal  bool              // keep the SDK field names as they are (describe-target-groups)
	renames map[string]string // CloudFormation name → SDK field name where the two differ, by "parent pattern.name" (lower case)
	drop    map[string]bool   // CloudFormation-only properties the model has no field for, same keys
	linkAt  func(path string, l link) (any, bool)
	pos     map[string]fleet.Position // lower-case JSON path → position
	unknown map[string]string         // JSON path → why its value is not known statically
}

func newConverter(e *evaluator, file string) *converter {
	return &converter{e: e, file: file, pos: map[string]fleet.Position{}, unknown: map[string]string{}}
}

func position(n *yaml.Node) fleet.Position { return fleet.Position{Line: n.Line, Column: n.Column} }

// at records where the field at path is written.
func (c *converter) at(path string, n *yaml.Node) {
	if n.Line == 0 {
		return // a node made from an evaluated value: its parent's place stands
	}
	if _, seen := c.pos[strings.ToLower(path)]; !seen {
		c.pos[strings.ToLower(path)] = position(n)
	}
}

// convert returns n's value for a field of type t at path; keep is false
// when the field is to be left out (absent, or not known and not a string).
func (c *converter) convert(n *yaml.Node, path string, t reflect.Type) (v any, keep bool) {
	n = deref(n)
	if n == nil {
		return nil, false
	}
	if fn, arg, ok := intrinsic(n); ok {
		if fn == "Fn::If" {
			branch, r := c.e.chooseIf(deref(arg))
			if branch == nil {
				return c.notKnown(path, t, r)
			}
			return c.convert(branch, path, t)
		}
		r := c.e.call(fn, deref(arg))
		switch {
		case r.absent:
			return nil, false
		case r.link != nil:
			if c.linkAt != nil {
				if v, ok := c.linkAt(path, *r.link); ok {
					return v, true
				}
			}
			return c.notKnown(path, t, r.asUnknown())
		case !r.known:
			return c.notKnown(path, t, r)
		}
		return c.literal(r.lit, path, t)
	}
	switch n.Kind {
	case yaml.MappingNode:
		return c.mapping(n, path, t)
	case yaml.SequenceNode:
		var elem reflect.Type
		if t = indirect(t); t != nil && t.Kind() == reflect.Slice {
			elem = t.Elem()
		}
		out := []any{}
		for i, item := range n.Content {
			p := path + "[" + strconv.Itoa(i) + "]"
			c.at(p, item)
			if v, keep := c.convert(item, p, elem); keep {
				out = append(out, v)
			}
		}
		return out, true
	}
	return c.literal(scalar(n), path, t)
}

// notKnown records why the value at path is not known statically. A string
// field keeps a stand-in (the ${…} text a reader recognises from Fn::Sub)
// so that rules asking only whether it is set still see it set; any other
// field is left out.
func (c *converter) notKnown(path string, t reflect.Type, r result) (any, bool) {
	c.unknown[path] = r.why
	if k := indirect(t); k != nil && k.Kind() == reflect.String && r.standIn != "" {
		return r.standIn, true
	}
	return nil, false
}

func (c *converter) mapping(n *yaml.Node, path string, t reflect.Type) (any, bool) {
	t = indirect(t)
	out := map[string]any{}
	var fields map[string]reflect.StructField
	if t != nil && t.Kind() == reflect.Struct {
		fields = structFields(t)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		name, ft := k.Value, reflect.Type(nil)
		switch {
		case t != nil && t.Kind() == reflect.Map:
			ft = t.Elem() // user-owned keys: as written
		case fields != nil:
			rule := "." + joinPath(pattern(path), strings.ToLower(name))
			if c.drop[rule] {
				continue
			}
			if r, ok := c.renames[rule]; ok {
				name = r
			}
			if f, ok := fields[strings.ToLower(name)]; ok {
				name, ft = f.Name, f.Type
			}
			if !c.pascal {
				name = lowerFirst(name)
			}
		}
		p := joinPath(path, name)
		c.at(p, k)
		if val, keep := c.convert(v, p, ft); keep {
			out[name] = val
		}
	}
	return out, true
}

// literal converts an evaluated value (a parameter default, a mapping
// entry) to the field's type; composite literals are converted as if
// written in place, positioned at the function that produced them.
func (c *converter) literal(v any, path string, t reflect.Type) (any, bool) {
	if v == nil {
		return nil, false
	}
	t = indirect(t)
	switch x := v.(type) {
	case []any:
		var elem reflect.Type
		if t != nil && t.Kind() == reflect.Slice {
			elem = t.Elem()
		}
		out := []any{}
		for i, item := range x {
			if v, keep := c.literal(item, path+"["+strconv.Itoa(i)+"]", elem); keep {
				out = append(out, v)
			}
		}
		return out, true
	case map[string]any:
		node := &yaml.Node{}
		if err := node.Encode(x); err != nil {
			return x, true
		}
		return c.mapping(node, path, t)
	}
	if t == nil {
		return v, true
	}
	return c.coerce(v, path, t), true
}

// coerce converts a scalar to the kind the API wants where CloudFormation
// accepts either ("Cpu": "10", "Essential": "true"); a value that does not
// convert is left for the loader to report with its path.
func (c *converter) coerce(v any, path string, t reflect.Type) any {
	s := ""
	switch x := v.(type) {
	case string:
		s = x
	case json.Number:
		s = x.String()
	case bool:
		s = strconv.FormatBool(x)
	}
	switch t.Kind() {
	case reflect.String:
		return s
	case reflect.Bool:
		if b, err := strconv.ParseBool(s); err == nil {
			return b
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Float32, reflect.Float64:
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return json.Number(s)
		}
	}
	return v
}

func indirect(t reflect.Type) reflect.Type {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// structFields indexes a struct's exported fields by lower-case name.
func structFields(t reflect.Type) map[string]reflect.StructField {
	out := map[string]reflect.StructField{}
	for i := 0; i < t.NumField(); i++ {
		if f := t.Field(i); f.IsExported() && f.Name != "ResultMetadata" {
			out[strings.ToLower(f.Name)] = f
		}
	}
	return out
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

func joinPath(parent, key string) string {
	if parent == "" {
		return key
	}
	return parent + "." + key
}

// pattern is a path in lower case with its indices dropped
// (containerDefinitions[2].name → containerdefinitions[].name).
func pattern(path string) string {
	var b strings.Builder
	skip := false
	for _, r := range strings.ToLower(path) {
		switch {
		case r == '[':
			b.WriteString("[]")
			skip = true
		case r == ']':
			skip = false
		case !skip:
			b.WriteRune(r)
		}
	}
	return b.String()
}
