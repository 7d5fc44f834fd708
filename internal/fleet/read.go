package fleet

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// checkEncoding drops a UTF-8 byte-order mark (PowerShell writes one) and
// rejects UTF-16, which encoding/json cannot read.
func checkEncoding(file string, data []byte) ([]byte, *Diagnostic) {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return nil, &Diagnostic{File: file, Level: LevelError, Message: "the file is UTF-16 encoded (Windows PowerShell's > redirection writes UTF-16); " +
			"save the AWS CLI output as UTF-8, e.g. with | Out-File -Encoding utf8"}
	}
	return bytes.TrimPrefix(data, utf8BOM), nil
}

// parseObject reads a whole file as one JSON object, keeping each top-level
// member's bytes. Syntax errors come back as a Diagnostic with line and column.
func parseObject(file string, data []byte) (map[string]json.RawMessage, *Diagnostic) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &Diagnostic{File: file, Level: LevelError, Message: "the file is empty; expected AWS CLI JSON output or an ecs2fargate snapshot"}
	}
	kind, keys, vals, ok := splitValid(data)
	if !ok {
		if d := checkSyntax(file, data); d != nil {
			return nil, d
		}
		kind, keys, vals = split(data)
	}
	if kind != '{' {
		// Not an object: the caller reports it like any other unknown shape.
		return nil, nil
	}
	return membersMap(keys, vals), nil
}

// membersMap maps an object's member names to their values; the last of
// repeated names wins, as with json.Unmarshal.
func membersMap(keys []string, vals []json.RawMessage) map[string]json.RawMessage {
	m := make(map[string]json.RawMessage, len(keys))
	for i, k := range keys {
		m[k] = vals[i]
	}
	return m
}

// objectMembers is json.Unmarshal of valid JSON into a map of raw members,
// without copying them: an object gives its members, null a nil map, and
// anything else fails.
func objectMembers(raw []byte) (map[string]json.RawMessage, bool) {
	kind, keys, vals := split(raw)
	switch {
	case kind == '{':
		return membersMap(keys, vals), true
	case string(bytes.TrimSpace(raw)) == "null":
		return nil, true
	}
	return nil, false
}

// checkSyntax validates data and turns the first syntax error into a
// file:line:col diagnostic.
func checkSyntax(file string, data []byte) *Diagnostic {
	if isValidJSON(data) {
		return nil // one cheap pass; the decoder below only runs to locate an error
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var v json.RawMessage
	err := dec.Decode(&v)
	if err == nil {
		if _, extra := dec.Token(); extra != io.EOF {
			off := int(dec.InputOffset())
			line, col := lineCol(data, off)
			return &Diagnostic{File: file, Line: line, Column: col, Level: LevelError, Message: "unexpected data after the JSON value"}
		}
		return nil
	}
	off := len(data)
	var syn *json.SyntaxError
	if errors.As(err, &syn) && syn.Offset > 0 {
		off = int(syn.Offset) - 1 // Offset counts the offending byte itself
	}
	line, col := lineCol(data, off)
	msg := strings.TrimPrefix(err.Error(), "json: ")
	if errors.Is(err, io.ErrUnexpectedEOF) {
		msg = "unexpected end of file (the JSON is truncated)"
	}
	return &Diagnostic{File: file, Line: line, Column: col, Level: LevelError, Message: "malformed JSON: " + msg}
}

func topKind(data []byte) string {
	switch bytes.TrimSpace(data)[0] {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	}
	return "scalar value"
}

// lineCol converts a byte offset into a 1-based line and column.
func lineCol(data []byte, off int) (int, int) {
	if off > len(data) {
		off = len(data)
	}
	line := 1 + bytes.Count(data[:off], []byte{'\n'})
	col := off - bytes.LastIndexByte(data[:off], '\n')
	return line, col
}

// member returns the top-level member whose name matches key without regard
// to case: EC2 and ELB output is PascalCase, ECS and ECR camelCase.
func member(top map[string]json.RawMessage, key string) (json.RawMessage, string, bool) {
	if v, ok := top[key]; ok {
		return v, key, true
	}
	for k, v := range top {
		if strings.EqualFold(k, key) {
			return v, k, true
		}
	}
	return nil, "", false
}

// items splits an array member of a parsed file into its elements' bytes.
func items(file, key string, raw json.RawMessage, diags *[]Diagnostic) []json.RawMessage {
	kind, _, out := split(raw)
	if kind != '[' {
		*diags = append(*diags, Diagnostic{File: file, Path: key, Level: LevelError, Message: "expected an array"})
		return nil
	}
	return out
}

// generic decodes raw bytes into maps, slices and json.Number.
func generic(raw []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	err := dec.Decode(&v)
	return v, err
}

func errorf(file, path, format string, args ...any) Diagnostic {
	return Diagnostic{File: file, Path: path, Level: LevelError, Message: fmt.Sprintf(format, args...)}
}
