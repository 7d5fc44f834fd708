package fleet

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
)

// Position is a 1-based line and column in a file. File is set only when
// the place is in another file than the one asked about (a JSON file that a
// Terraform resource reads with file()).
type Position struct {
	Line, Column int
	File         string
}

// Locate finds where each wanted JSON path (as written by the loader and the
// rules, e.g. `services[2].loadBalancers[0].targetGroupArn`) starts in data.
// A path that is absent resolves to its nearest present ancestor, so a
// finding about a missing field points at the object that lacks it. In a
// stream of concatenated documents, paths start with the document's index
// (`[1].services[0]`), as the loader writes them.
func Locate(data []byte, wanted []string) map[string]Position {
	data = bytes.TrimPrefix(data, utf8BOM) // editors do not count it as a column
	offsets := jsonOffsets(data, wanted)
	lines := newLineIndex(data)
	out := make(map[string]Position, len(wanted))
	for _, p := range wanted {
		for q := p; ; q = ParentPath(q) {
			if off, ok := offsets[q]; ok {
				line, col := lines.at(data, off)
				out[p] = Position{Line: line, Column: col}
				break
			}
			if q == "" {
				break
			}
		}
	}
	return out
}

// LocateFile is Locate for the input named file, JSON or YAML, decided as
// the loader decides it.
func LocateFile(file string, data []byte, wanted []string) map[string]Position {
	if isYAMLInput(file, data) {
		return locateYAML(bytes.TrimPrefix(data, utf8BOM), wanted)
	}
	return Locate(data, wanted)
}

// ancestors is the set of the wanted paths and all their ancestors, the
// root ("") included: the only members worth descending into.
func ancestors(wanted []string) map[string]bool {
	want := map[string]bool{"": true}
	for _, p := range wanted {
		for q := p; q != ""; q = ParentPath(q) {
			want[q] = true
		}
	}
	return want
}

// jsonOffsets is the byte offset at which each wanted path starts.
func jsonOffsets(data []byte, wanted []string) map[string]int {
	want := ancestors(wanted)
	if isValidJSON(data) {
		return memberOffsets(data, want)
	}
	if spans, _ := streamSpans(data); len(spans) > 1 {
		return streamOffsets(data, spans, wanted, want)
	}
	return scanOffsets(data, want) // stops where the JSON breaks
}

// streamOffsets is jsonOffsets for a stream of documents: each wanted
// path's document by its leading index, then the rest within it.
func streamOffsets(data []byte, spans []span, wanted []string, want map[string]bool) map[string]int {
	out := map[string]int{}
	for i, s := range spans {
		prefix := "[" + strconv.Itoa(i) + "]"
		if !want[prefix] {
			continue
		}
		out[prefix] = s.start
		var inner []string
		for _, p := range wanted {
			if rest, ok := strings.CutPrefix(p, prefix); ok && (rest == "" || rest[0] == '.' || rest[0] == '[') {
				inner = append(inner, strings.TrimPrefix(rest, "."))
			}
		}
		for p, off := range jsonOffsets(data[s.start:s.end], inner) {
			out[prefixPath(prefix, p)] = s.start + off
		}
	}
	return out
}

// ParentPath drops the last step of a path: a[1].b → a[1] → a → "" (also
// for patterns: a[].b → a[] → a).
func ParentPath(p string) string {
	if strings.HasSuffix(p, "]") {
		if i := strings.LastIndexByte(p, '['); i >= 0 {
			return p[:i]
		}
	}
	if i := strings.LastIndexByte(p, '.'); i >= 0 {
		return p[:i]
	}
	return ""
}

// scanOffsets walks the token stream once, recording the byte offset at which
// each wanted path's key (or array element) begins.
func scanOffsets(data []byte, want map[string]bool) map[string]int {
	dec := json.NewDecoder(bytes.NewReader(data))
	out := map[string]int{}
	type frame struct {
		path    string
		isArray bool
		index   int
		key     string
		wantKey bool
	}
	var stack []frame
	for {
		before := int(dec.InputOffset())
		tok, err := dec.Token()
		if err != nil {
			return out
		}
		start := skipSpace(data, before)
		path := ""
		if n := len(stack); n > 0 {
			top := &stack[n-1]
			if !top.isArray && top.wantKey {
				if d, ok := tok.(json.Delim); ok && d == '}' {
					stack = stack[:n-1]
					continue
				}
				top.key, top.wantKey = tok.(string), false
				if p := joinPath(top.path, top.key); want[p] {
					out[p] = start
				}
				continue
			}
			if d, ok := tok.(json.Delim); ok && d == ']' {
				stack = stack[:n-1]
				continue
			}
			if top.isArray {
				path = fmt.Sprintf("%s[%d]", top.path, top.index)
				if want[path] {
					out[path] = start
				}
				top.index++
			} else {
				path = joinPath(top.path, top.key)
				top.wantKey = true
			}
		}
		if d, ok := tok.(json.Delim); ok {
			switch d {
			case '{':
				stack = append(stack, frame{path: path, wantKey: true})
			case '[':
				stack = append(stack, frame{path: path, isArray: true})
			}
		}
	}
}

// skipSpace moves past whitespace and the separators the decoder has not yet
// consumed, to the first byte of the next token.
func skipSpace(data []byte, off int) int {
	for off < len(data) {
		switch data[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
		default:
			return off
		}
	}
	return off
}

// locate fills in line and column for diagnostics that name a path, reading
// each affected file once more (inputs that were not files are kept in
// memory). A file that cannot be re-read keeps only the path.
func (b *builder) locate() {
	byFile := map[string][]int{}
	for i, d := range b.diags {
		if d.Path != "" && d.Line == 0 {
			byFile[d.File] = append(byFile[d.File], i)
		}
	}
	for _, file := range slices.Sorted(maps.Keys(byFile)) {
		var paths []string
		for _, i := range byFile[file] {
			paths = append(paths, b.diags[i].Path)
		}
		if pos, ok := b.fleet.Locate(file, paths); ok {
			for _, i := range byFile[file] {
				if p, ok := pos[b.diags[i].Path]; ok {
					b.diags[i].Line, b.diags[i].Column = p.Line, p.Column
					if p.File != "" {
						b.diags[i].File = p.File
					}
				}
			}
			continue
		}
		data, inMemory := b.memory[file]
		if !inMemory {
			var err error
			if data, err = os.ReadFile(file); err != nil {
				continue
			}
		}
		pos := LocateFile(file, data, paths)
		for _, i := range byFile[file] {
			if p, ok := pos[b.diags[i].Path]; ok {
				b.diags[i].Line, b.diags[i].Column = p.Line, p.Column
			}
		}
	}
}
