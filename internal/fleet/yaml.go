package fleet

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/ecs2fargate/ecs2fargate/internal/jsonscan"
)

// YAML input is the AWS CLI's `--output yaml`: the same documents as its
// JSON output. Each YAML document is converted to JSON and loaded as a
// JSON document is, so that every shape, check and diagnostic is the same;
// positions are found again in the YAML (yamlOffsets), so diagnostics and
// SARIF results point into the YAML file itself.

// loadYAML reads a YAML file: one document, several separated by `---`,
// or a sequence of documents.
func (l *fileLoad) loadYAML(file string, data []byte, named bool) {
	if len(bytes.TrimSpace(data)) == 0 {
		l.loadDocument(file, data, named) // says the file is empty
		return
	}
	roots, single, err := yamlDocuments(data)
	if err != nil && len(roots) == 0 {
		l.diags = append(l.diags, yamlSyntaxError(file, err, named))
		return
	}
	if single && err == nil {
		l.loadYAMLDocument(file, roots[0], named)
		return
	}
	docs := make([]document, len(roots))
	for i, n := range roots {
		if isCloudFormationTemplate(mappingKeys(n)) {
			d := notTemplateInput(file, named)
			d.Path = "[" + strconv.Itoa(i) + "]"
			docs[i].bad = &d
			continue
		}
		data, cerr := yamlToJSON(n)
		if cerr != nil {
			docs[i].bad = &Diagnostic{File: file, Line: cerr.line, Column: cerr.column, Path: "[" + strconv.Itoa(i) + "]", Level: LevelError, Message: cerr.msg}
			continue
		}
		docs[i].data = data
	}
	l.loadDocuments(file, docs, named)
	if err != nil {
		// The documents before the error were read; the error stops the rest.
		l.diags = append(l.diags, yamlSyntaxError(file, err, true))
	}
}

// loadYAMLDocument loads a file that holds one YAML mapping.
func (l *fileLoad) loadYAMLDocument(file string, root *yaml.Node, named bool) {
	if isCloudFormationTemplate(mappingKeys(root)) {
		l.diags = append(l.diags, notTemplateInput(file, named))
		return
	}
	data, cerr := yamlToJSON(root)
	if cerr != nil {
		l.diags = append(l.diags, Diagnostic{File: file, Line: cerr.line, Column: cerr.column, Level: LevelError, Message: cerr.msg})
		return
	}
	l.loadDocument(file, data, named)
}

// yamlDocuments parses every YAML document in data and returns the
// documents of the file: each YAML document, or each item of a YAML
// document that is a sequence; single is true when the file is one YAML
// document that is not a sequence (its paths then carry no index). When a
// document cannot be parsed, those before it are returned with the error.
func yamlDocuments(data []byte) (roots []*yaml.Node, single bool, err error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	docs, seqs := 0, 0
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			return roots, docs == 1 && seqs == 0, nil
		}
		if err != nil {
			return roots, false, err
		}
		if len(doc.Content) == 0 {
			continue
		}
		docs++
		root := doc.Content[0]
		if root.Kind == yaml.SequenceNode {
			seqs++
			roots = append(roots, root.Content...)
		} else {
			roots = append(roots, root)
		}
	}
}

// yamlLine finds the line number in the YAML library's error messages,
// which carry no column ("yaml: line 7: did not find expected key").
var yamlLine = regexp.MustCompile(`line (\d+)`)

// yamlSyntaxError is a YAML parse error as a diagnostic with its line.
// Found while walking a directory it is a warning: directories hold YAML
// of every kind (CI pipelines, Helm templates) that is not ours to judge.
func yamlSyntaxError(file string, err error, named bool) Diagnostic {
	d := Diagnostic{File: file, Level: LevelError, Message: "malformed YAML: " + trimYAMLPrefix(err.Error())}
	if !named {
		d.Level, d.Message = LevelWarning, "skipped: "+d.Message
	}
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		d.Line, _ = strconv.Atoi(m[1])
	}
	return d
}

// yamlPrefix is what the YAML library puts before its messages.
var yamlPrefix = regexp.MustCompile(`^yaml: (line \d+: )?`)

func trimYAMLPrefix(s string) string { return yamlPrefix.ReplaceAllString(s, "") }

// mappingKeys lists the keys of a YAML mapping (nil for other nodes).
func mappingKeys(n *yaml.Node) []string {
	if n.Kind != yaml.MappingNode {
		return nil
	}
	keys := make([]string, 0, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		keys = append(keys, n.Content[i].Value)
	}
	return keys
}

// yamlError is a value that has no JSON form, where it is.
type yamlError struct {
	line, column int
	msg          string
}

// maxAliasExpansion bounds the JSON a document's aliases may expand to
// (a "billion laughs" document would otherwise exhaust memory), counting
// the indentation yamlToJSON lays it out with: each line is indented four
// spaces a level, so a document nested thousands deep is mostly spaces
// (an 18 KB file of flow sequences 9,000 deep came to about 320 MB, 2 GB
// of peak memory and 8 seconds before this counted them).
const maxAliasExpansion = 64 << 20

// yamlToJSON converts one YAML document to JSON, keys in their order,
// laid out as the AWS CLI writes JSON (four-space indent): the document's
// bytes are what the rewrite edits and what --diff shows, so they read as
// the same command's JSON output would.
func yamlToJSON(n *yaml.Node) ([]byte, *yamlError) {
	c := yamlConverter{}
	if err := c.value(n, 0); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	out.Grow(len(c.out) * 2)
	if err := json.Indent(&out, c.out, "", "    "); err != nil {
		return nil, &yamlError{n.Line, n.Column, "malformed YAML: " + err.Error()} // cannot happen: the converter writes valid JSON
	}
	return out.Bytes(), nil
}

type yamlConverter struct {
	out []byte
	// indent is about what json.Indent will add to out: a new line and
	// four spaces a level before each member and each closing bracket.
	indent int
}

// newLine counts a line json.Indent will start at depth.
func (c *yamlConverter) newLine(depth int) { c.indent += 1 + 4*depth }

func (c *yamlConverter) value(n *yaml.Node, depth int) *yamlError {
	if depth > maxNesting || len(c.out)+c.indent > maxAliasExpansion {
		return &yamlError{n.Line, n.Column, "malformed YAML: nested or aliased too deeply to read"}
	}
	switch n.Kind {
	case yaml.AliasNode:
		return c.value(n.Alias, depth+1)
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			c.out = append(c.out, "null"...)
			return nil
		}
		return c.value(n.Content[0], depth)
	case yaml.MappingNode:
		return c.mapping(n, depth)
	case yaml.SequenceNode:
		c.out = append(c.out, '[')
		for i, item := range n.Content {
			if i > 0 {
				c.out = append(c.out, ',')
			}
			c.newLine(depth + 1)
			if err := c.value(item, depth+1); err != nil {
				return err
			}
		}
		if len(n.Content) > 0 {
			c.newLine(depth)
		}
		c.out = append(c.out, ']')
		return nil
	}
	return c.scalar(n)
}

func (c *yamlConverter) mapping(n *yaml.Node, depth int) *yamlError {
	c.out = append(c.out, '{')
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			return &yamlError{k.Line, k.Column, "malformed YAML: a mapping key that is not a plain value has no JSON form"}
		}
		if i > 0 {
			c.out = append(c.out, ',')
		}
		c.newLine(depth + 1)
		c.out = appendJSONString(c.out, k.Value)
		c.out = append(c.out, ':')
		c.indent++ // the space after the colon
		if err := c.value(v, depth+1); err != nil {
			return err
		}
	}
	if len(n.Content) > 0 {
		c.newLine(depth)
	}
	c.out = append(c.out, '}')
	return nil
}

// scalar writes a YAML scalar as the JSON value the AWS CLI would have
// written: numbers, booleans and null as such, everything else (dates
// included, which the CLI quotes in JSON) as a string.
func (c *yamlConverter) scalar(n *yaml.Node) *yamlError {
	switch n.ShortTag() {
	case "!!null":
		c.out = append(c.out, "null"...)
		return nil
	case "!!bool":
		var b bool
		if n.Decode(&b) == nil {
			c.out = strconv.AppendBool(c.out, b)
			return nil
		}
	case "!!int", "!!float":
		if num, ok := jsonNumber(n); ok {
			c.out = append(c.out, num...)
			return nil
		}
	}
	c.out = appendJSONString(c.out, n.Value)
	return nil
}

// jsonNumber is a YAML number as JSON number text: the text as written
// when JSON accepts it, else the number's value (0x1F, 1e3 are fine; .inf
// and .nan have no JSON form and stay strings).
func jsonNumber(n *yaml.Node) (string, bool) {
	if isJSONNumber(n.Value) {
		return n.Value, true
	}
	var v any
	if n.Decode(&v) != nil {
		return "", false
	}
	switch x := v.(type) {
	case int:
		return strconv.Itoa(x), true
	case int64:
		return strconv.FormatInt(x, 10), true
	case uint64:
		return strconv.FormatUint(x, 10), true
	case float64:
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return "", false
		}
		return strconv.FormatFloat(x, 'g', -1, 64), true
	}
	return "", false
}

func isJSONNumber(s string) bool {
	return s != "" && jsonscan.NumberEnd([]byte(s), 0) == len(s)
}

// appendJSONString appends s as a JSON string, escaping only what JSON
// requires (the AWS CLI does not escape <, > or &).
func appendJSONString(out []byte, s string) []byte {
	out = append(out, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				out = append(out, `\ufffd`...)
			} else {
				out = append(out, s[i:i+size]...)
			}
			i += size
			continue
		}
		switch {
		case c == '"' || c == '\\':
			out = append(out, '\\', c)
		case c == '\n':
			out = append(out, `\n`...)
		case c == '\r':
			out = append(out, `\r`...)
		case c == '\t':
			out = append(out, `\t`...)
		case c < 0x20:
			out = append(out, fmt.Sprintf(`\u%04x`, c)...)
		default:
			out = append(out, c)
		}
		i++
	}
	return append(out, '"')
}
