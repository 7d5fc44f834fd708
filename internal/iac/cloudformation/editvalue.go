package cloudformation

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
)

// The values an edit writes: decoded from the rewrite's JSON keeping key
// order (omap), renamed to CloudFormation's property names, and written as
// YAML (block or flow) or JSON in the template's own style.

// omap is a JSON object with its key order.
type omap []omember

type omember struct {
	Key   string
	Value any
}

func (m omap) get(k string) (any, bool) {
	for _, e := range m {
		if e.Key == k {
			return e.Value, true
		}
	}
	return nil, false
}

// refTo is a Ref to a parameter or resource of the template: !Ref Name in
// YAML, {"Ref": "Name"} in JSON.
type refTo string

// subOf is an Fn::Sub of a string: !Sub "text" in YAML, {"Fn::Sub": "text"}
// in JSON.
type subOf string

// decodeOrdered decodes JSON keeping object key order and numbers as
// written.
func decodeOrdered(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	return decodeValue(dec)
}

func decodeValue(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			m := omap{}
			for dec.More() {
				k, err := dec.Token()
				if err != nil {
					return nil, err
				}
				v, err := decodeValue(dec)
				if err != nil {
					return nil, err
				}
				m = append(m, omember{Key: k.(string), Value: v})
			}
			_, err := dec.Token()
			return m, err
		case '[':
			l := []any{}
			for dec.More() {
				v, err := decodeValue(dec)
				if err != nil {
					return nil, err
				}
				l = append(l, v)
			}
			_, err := dec.Token()
			return l, err
		}
		return nil, fmt.Errorf("unexpected %v", t)
	}
	return tok, nil
}

// equalValue compares decoded values, object keys in any order.
func equalValue(a, b any) bool {
	switch x := a.(type) {
	case omap:
		y, ok := b.(omap)
		if !ok || len(x) != len(y) {
			return false
		}
		for _, e := range x {
			v, ok := y.get(e.Key)
			if !ok || !equalValue(e.Value, v) {
				return false
			}
		}
		return true
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !equalValue(x[i], y[i]) {
				return false
			}
		}
		return true
	case json.Number:
		y, ok := b.(json.Number)
		return ok && x == y
	}
	return a == b
}

// jsonText writes v as compact JSON (jsonedit lays it out).
func jsonText(v any) []byte {
	var b bytes.Buffer
	writeJSON(&b, v)
	return b.Bytes()
}

func writeJSON(b *bytes.Buffer, v any) {
	switch x := v.(type) {
	case omap:
		b.WriteByte('{')
		for i, e := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			b.Write(quoteJSON(e.Key))
			b.WriteByte(':')
			writeJSON(b, e.Value)
		}
		b.WriteByte('}')
	case []any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSON(b, e)
		}
		b.WriteByte(']')
	case subOf:
		b.WriteString(`{"Fn::Sub":`)
		b.Write(quoteJSON(string(x)))
		b.WriteByte('}')
	case refTo:
		b.WriteString(`{"Ref":`)
		b.Write(quoteJSON(string(x)))
		b.WriteByte('}')
	case string:
		b.Write(quoteJSON(x))
	case json.Number:
		b.WriteString(x.String())
	case bool:
		fmt.Fprint(b, x)
	case nil:
		b.WriteString("null")
	default:
		data, _ := json.Marshal(x)
		b.Write(data)
	}
}

func quoteJSON(s string) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return bytes.TrimRight(b.Bytes(), "\n")
}

// yamlStyle is how the template indents: the step of a nested mapping and
// how far a block sequence's dashes sit inside their key (0 or the step).
type yamlStyle struct{ step, seq int }

// plainSafe matches strings YAML reads back as the same string unquoted,
// in block and flow context alike: no indicator first, no ": " or " #",
// no flow punctuation, no space or colon at the end.
var plainSafe = regexp.MustCompile(`^[A-Za-z_/$(][A-Za-z0-9_./@$()<> :=+-]*$`)

// yamlScalar writes a scalar: plain when YAML reads it back as the same
// string, else double-quoted.
func yamlScalar(v any) string {
	switch x := v.(type) {
	case string:
		switch strings.ToLower(x) {
		case "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~":
			return string(quoteJSON(x))
		}
		if plainSafe.MatchString(x) && !strings.Contains(x, ": ") && !strings.HasSuffix(x, " ") && !strings.HasSuffix(x, ":") && !looksNumeric(x) {
			return x
		}
		return string(quoteJSON(x))
	case refTo:
		return "!Ref " + string(x)
	case subOf:
		return "!Sub " + string(quoteJSON(string(x)))
	case json.Number:
		return x.String()
	case bool:
		return fmt.Sprint(x)
	case nil:
		return "null"
	}
	return string(jsonText(v))
}

// yamlFlow writes v in flow style ([a, b], {K: v}).
func yamlFlow(v any) string {
	switch x := v.(type) {
	case omap:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = e.Key + ": " + yamlFlow(e.Value)
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = yamlFlow(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return yamlScalar(v)
}

// after writes what follows "Key:" for the value v of a key indented by
// ind: " scalar", or a block on the following lines (no final newline).
func (st yamlStyle) after(v any, ind int) string {
	switch x := v.(type) {
	case omap:
		if len(x) == 0 {
			return " {}"
		}
		var b strings.Builder
		for _, e := range x {
			b.WriteString("\n" + st.member(e.Key, e.Value, ind+st.step))
		}
		return b.String()
	case []any:
		if len(x) == 0 {
			return " []"
		}
		var b strings.Builder
		for _, e := range x {
			b.WriteString("\n" + st.item(e, ind+st.seq))
		}
		return b.String()
	}
	return " " + yamlScalar(v)
}

// member writes "Key: value" indented by ind (no final newline).
func (st yamlStyle) member(key string, v any, ind int) string {
	return strings.Repeat(" ", ind) + key + ":" + st.after(v, ind)
}

// item writes "- value" with its dash indented by ind (no final newline).
func (st yamlStyle) item(v any, ind int) string {
	return strings.Repeat(" ", ind) + "- " + st.itemBody(v, ind+2)
}

// itemBody writes a sequence item's value after its "- ", whose content
// column is ind.
func (st yamlStyle) itemBody(v any, ind int) string {
	switch x := v.(type) {
	case omap:
		if len(x) == 0 {
			return "{}"
		}
		var b strings.Builder
		for i, e := range x {
			m := st.member(e.Key, e.Value, ind)
			if i == 0 {
				m = strings.TrimLeft(m, " ")
			} else {
				b.WriteString("\n")
			}
			b.WriteString(m)
		}
		return b.String()
	case []any:
		return yamlFlow(x)
	}
	return yamlScalar(v)
}

// looksNumeric reports whether YAML could read s as a number.
var numeric = regexp.MustCompile(`^[-+]?(\.?[0-9]|\.(inf|Inf|INF|nan|NaN|NAN))`)

func looksNumeric(s string) bool { return numeric.MatchString(s) }
