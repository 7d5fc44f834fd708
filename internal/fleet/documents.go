package fleet

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/ecs2fargate/ecs2fargate/internal/parallel"
)

// A file holds one document, as the AWS CLI writes it, or several: a JSON
// array of documents (what `jq -s` writes), a stream of concatenated JSON
// documents (what a shell loop over `aws ecs describe-…` writes), or the
// same in YAML (`--output yaml`, several documents separated by `---`, or
// a YAML sequence). The documents of a file are numbered from 0 in the
// order they appear, and every path in them starts with that number, as
// if the file were the array `jq -s` makes: `[2].services[0]`. A file of
// one document keeps the paths it always had.

// document is one document of a file with several, or the diagnostic that
// stands for it when it could not be read.
type document struct {
	data []byte
	bad  *Diagnostic
}

// loadData reads the documents in a file's bytes.
func (l *fileLoad) loadData(file string, data []byte, named bool) {
	data, d := checkEncoding(file, data)
	if d != nil {
		l.diags = append(l.diags, *d)
		return
	}
	if isYAMLInput(file, data) {
		l.loadYAML(file, data, named)
		return
	}
	l.loadJSON(file, data, named)
}

// loadJSON reads a JSON file: one document, an array of documents or a
// stream of them.
func (l *fileLoad) loadJSON(file string, data []byte, named bool) {
	if len(bytes.TrimSpace(data)) == 0 {
		l.loadDocument(file, data, named) // says the file is empty
		return
	}
	if open := skipWS(data, 0); data[open] == '{' && l.folds() && l.loadFolded(file, data, open, named) {
		return // checked as it was decoded
	}
	kind, keys, vals, ok := splitValid(data)
	if !ok && isValidJSON(data) {
		kind, keys, vals = split(data)
		ok = true
	}
	switch {
	case ok && kind == '[' && allObjects(vals):
		docs := make([]document, len(vals))
		for i, v := range vals {
			docs[i].data = v
		}
		l.loadDocuments(file, docs, named)
	case ok && kind == '{':
		// The pass that validated the file split it: its members are
		// not looked for again (parseObject's pass, issue 17).
		l.loadObject(file, data, membersMap(keys, vals), named)
	case ok:
		l.loadDocument(file, data, named)
	default:
		l.loadBrokenJSON(file, data, named)
	}
}

// loadBrokenJSON reads a file that is not one valid JSON value: a stream
// of documents, or an array or stream of which some documents are
// malformed (each reported at its own line and column, the others read),
// or else one malformed document.
func (l *fileLoad) loadBrokenJSON(file string, data []byte, named bool) {
	spans, rest := streamSpans(data)
	start := skipWS(data, 0)
	isArray := data[start] == '['
	if isArray {
		spans, rest = arraySpans(data, start)
	}
	if len(spans) < 2 && !isArray {
		l.loadDocument(file, data, named) // one malformed document: checkSyntax says where
		return
	}
	docs := make([]document, len(spans))
	anyBad := false
	for i, s := range spans {
		docs[i].data = data[s.start:s.end:s.end]
		if !isValidJSON(docs[i].data) {
			docs[i].bad = memberSyntaxError(file, data, s, i)
			anyBad = true
		}
	}
	if !anyBad && rest < len(data) {
		// Every document is whole: what breaks the file lies between or
		// after them (an unclosed array, text after the last document).
		if d := checkSyntax(file, data); d != nil && isArray {
			l.diags = append(l.diags, *d)
		} else {
			line, col := lineCol(data, rest)
			l.diags = append(l.diags, Diagnostic{File: file, Line: line, Column: col, Level: LevelError, Message: "malformed JSON: unexpected data after the last document"})
		}
	}
	l.loadDocuments(file, docs, named)
}

// memberSyntaxError is checkSyntax for the document at s in data, placed
// in the whole file and named by its index.
func memberSyntaxError(file string, data []byte, s span, index int) *Diagnostic {
	d := checkSyntax(file, data[s.start:s.end])
	if d == nil {
		return nil
	}
	line, col := lineCol(data, s.start)
	if d.Line == 1 {
		d.Column += col - 1
	}
	d.Line += line - 1
	d.Path = "[" + strconv.Itoa(index) + "]"
	return d
}

// streamSpans cuts data into the JSON values written one after another
// in it; rest is where the first byte that starts no value is (len(data)
// when every byte was used). The values are only delimited, not checked.
func streamSpans(data []byte) (spans []span, rest int) {
	i := skipWS(data, 0)
	for i < len(data) && (data[i] == '{' || data[i] == '[') {
		end := valueEnd(data, i)
		spans = append(spans, span{i, end})
		i = skipWS(data, end)
	}
	return spans, i
}

// arraySpans cuts the elements of the array that opens at data[open],
// tolerating malformed elements; rest is past the closing bracket, or
// where the cutting stopped.
func arraySpans(data []byte, open int) (spans []span, rest int) {
	i := skipWS(data, open+1)
	for i < len(data) && data[i] != ']' {
		end := valueEnd(data, i)
		if end == i {
			return spans, i
		}
		spans = append(spans, span{i, end})
		if i = skipWS(data, end); i < len(data) && data[i] == ',' {
			i = skipWS(data, i+1)
		}
	}
	if i < len(data) {
		i = skipWS(data, i+1)
	}
	return spans, i
}

// loadDocuments loads each document of a file as a file of its own, with
// its index before every path, and merges the results in order. The
// documents are decoded on every core, as separate files are: one large
// array loads as fast per document as many small files.
func (l *fileLoad) loadDocuments(file string, docs []document, named bool) {
	if len(docs) == 0 {
		l.diags = append(l.diags, Diagnostic{File: file, Level: LevelWarning, Message: "the file holds an empty list of documents; nothing was read from it"})
		return
	}
	subs := make([]*fileLoad, len(docs))
	parallel.For(len(docs), func(i int) {
		sub := &fileLoad{jsonOnly: l.jsonOnly, prefix: prefixPath(l.prefix, "["+strconv.Itoa(i)+"]"), loans: l.loans}
		sub.borrow()
		defer sub.giveBack()
		if docs[i].bad != nil {
			sub.diags = append(sub.diags, *docs[i].bad)
		} else {
			sub.loadDocument(file, docs[i].data, named)
			sub.prefixDiagnostics()
		}
		subs[i] = sub
	})
	if len(subs) > 1 && allUnrecognised(subs) {
		// A file of data that is not ours (fixtures, exports): one
		// diagnostic for the file, not one per document.
		d := subs[0].diags[0]
		d.Message += fmt.Sprintf(" (so are the other %d documents of the file)", len(subs)-1)
		l.diags = append(l.diags, d)
		return
	}
	for _, sub := range subs {
		l.merge(sub)
	}
}

// allObjects reports whether every element of an array is a JSON object:
// only then is it taken for a list of documents (an array of strings or
// numbers is one unrecognised document, as before).
func allObjects(vals []json.RawMessage) bool {
	for _, v := range vals {
		if i := skipWS(v, 0); i >= len(v) || v[i] != '{' {
			return false
		}
	}
	return true
}

// allUnrecognised reports whether no document of a file was of a shape
// the loader reads.
func allUnrecognised(subs []*fileLoad) bool {
	for _, sub := range subs {
		if !sub.unrecognised || len(sub.diags) != 1 || len(sub.adds) > 0 {
			return false
		}
	}
	return true
}

// prefixDiagnostics puts the document's path before each diagnostic's.
func (l *fileLoad) prefixDiagnostics() {
	for i := range l.diags {
		l.diags[i].Path = prefixPath(l.prefix, l.diags[i].Path)
	}
}

// merge appends what loading one document yielded.
func (l *fileLoad) merge(sub *fileLoad) {
	base := len(l.diags)
	for _, a := range sub.adds {
		l.adds = append(l.adds, pendingAdd{at: base + a.at, apply: a.apply})
	}
	l.diags = append(l.diags, sub.diags...)
	l.docs = append(l.docs, sub.docs...)
	l.made.add(sub.made)
}

// prefixPath joins a document's path and a path inside it.
func prefixPath(prefix, path string) string {
	switch {
	case prefix == "":
		return path
	case path == "":
		return prefix
	case path[0] == '[':
		return prefix + path
	}
	return prefix + "." + path
}
