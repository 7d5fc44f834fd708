package fleet

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Stdin is the path that means "read standard input".
const Stdin = "-"

// Load reads every path (files, directories walked recursively for *.json,
// and "-" for stdin) into one linked Fleet. It never stops at a bad input:
// each problem becomes a Diagnostic and the rest is still read.
func Load(ctx context.Context, paths []string, stdin io.Reader) (*Fleet, []Diagnostic) {
	b := newBuilder()
	for _, p := range paths {
		if ctx.Err() != nil {
			b.diags = append(b.diags, Diagnostic{File: p, Level: LevelError, Message: "not read: " + ctx.Err().Error()})
			break
		}
		b.loadPath(p, stdin)
	}
	b.link()
	b.locate()
	return b.fleet, b.diags
}

func (b *builder) loadPath(p string, stdin io.Reader) {
	if p == Stdin {
		data, err := io.ReadAll(stdin)
		if err != nil {
			b.diags = append(b.diags, Diagnostic{File: "<stdin>", Level: LevelError, Message: fmt.Sprintf("reading standard input: %v", err)})
			return
		}
		b.loadMemory("<stdin>", data)
		return
	}
	info, err := os.Stat(p)
	if err != nil {
		b.diags = append(b.diags, Diagnostic{File: p, Level: LevelError, Message: fmt.Sprintf("cannot read: %v", unwrapPathErr(err))})
		return
	}
	if !info.IsDir() {
		b.loadFile(p, true)
		return
	}
	for _, f := range jsonFiles(p, &b.diags) {
		b.loadFile(f, false)
	}
}

// jsonFiles lists the *.json files under dir, sorted, so runs are repeatable.
func jsonFiles(dir string, diags *[]Diagnostic) []string {
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			*diags = append(*diags, Diagnostic{File: path, Level: LevelError, Message: fmt.Sprintf("cannot read: %v", unwrapPathErr(err))})
			return nil
		}
		if !d.IsDir() && strings.EqualFold(filepath.Ext(path), ".json") {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		*diags = append(*diags, Diagnostic{File: dir, Level: LevelError, Message: err.Error()})
	}
	sort.Strings(files)
	return files
}

func (b *builder) loadFile(path string, named bool) {
	// A file named twice, or named and inside a named directory, is read
	// once: the second read would only repeat every resource as a duplicate.
	if abs, err := filepath.Abs(path); err == nil {
		if b.read[abs] {
			return
		}
		b.read[abs] = true
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.diags = append(b.diags, Diagnostic{File: path, Level: LevelError, Message: fmt.Sprintf("cannot read: %v", unwrapPathErr(err))})
		return
	}
	b.loadData(path, data, named)
}

// loadMemory loads a document that is not a file, keeping its bytes so
// that diagnostics can still be given a line and column.
func (b *builder) loadMemory(name string, data []byte) {
	b.memory[name] = data
	b.loadData(name, data, true)
}

// loadData recognises the document's shape and loads it. A file of another
// shape is an error when named on the command line, and only a warning when
// met while walking a directory, where unrelated JSON is common.
func (b *builder) loadData(file string, data []byte, named bool) {
	b.fleet.Inputs = append(b.fleet.Inputs, file)
	data, d := checkEncoding(file, data)
	if d != nil {
		b.diags = append(b.diags, *d)
		return
	}
	top, d := parseObject(file, data)
	if d != nil {
		b.diags = append(b.diags, *d)
		return
	}
	for _, s := range shapes {
		if _, _, ok := member(top, s.key); ok {
			s.load(b, file, top, data)
			return
		}
	}
	level, verb := LevelWarning, "skipped"
	if named {
		level, verb = LevelError, "not read"
	}
	found := "a JSON " + topKind(data)
	if top != nil {
		found = "top-level fields " + strings.Join(sortedKeys(top), ", ")
	}
	b.diags = append(b.diags, Diagnostic{File: file, Level: level, Message: fmt.Sprintf(
		"%s: not a recognised input (%s); expected the JSON output of one of: %s",
		verb, found, strings.Join(ShapeNames(), "; "))})
}

// unwrapPathErr drops the path from an fs error: the diagnostic names it.
func unwrapPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
