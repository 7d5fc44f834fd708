package fleet

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// Stdin is the path that means "read standard input".
const Stdin = "-"

// Load reads every path (files, directories walked recursively for *.json,
// *.yaml and *.yml, and "-" for stdin) into one linked Fleet. It never stops at a bad input:
// each problem becomes a Diagnostic and the rest is still read.
func Load(ctx context.Context, paths []string, stdin io.Reader) (*Fleet, []Diagnostic) {
	return newBuilder().load(ctx, paths, stdin)
}

// LoadOptions are the settings of LoadWith.
type LoadOptions struct {
	// Default is the account and region of inputs that carry no ARN (a task
	// definition in the register-task-definition shape, a service without
	// one): what --region or the AWS configuration says. Such objects get
	// IdentityAssumed and a warning naming what was assumed.
	Default Identity
	// Translators read inputs that are not AWS CLI output (Terraform,
	// CloudFormation): see Translator. With any, directories are walked for
	// every file, and each file is offered to them before the JSON loader.
	Translators []Translator
	// Progress, when set, is called after each input is read with how
	// many of how many are done. It is called from several goroutines at
	// once, so it must be safe for that.
	Progress func(done, total int)
}

// LoadWith is Load with options.
func LoadWith(ctx context.Context, paths []string, stdin io.Reader, o LoadOptions) (*Fleet, []Diagnostic) {
	b := newBuilder()
	b.def = o.Default
	b.translators = o.Translators
	b.progress = o.Progress
	return b.load(ctx, paths, stdin)
}

func (b *builder) load(ctx context.Context, paths []string, stdin io.Reader) (*Fleet, []Diagnostic) {
	var ins []input
	for _, p := range paths {
		if ctx.Err() != nil {
			ins = append(ins, input{diag: &Diagnostic{File: p, Level: LevelError, Message: "not read: " + ctx.Err().Error()}})
			break
		}
		ins = append(ins, b.listPath(p, stdin)...)
	}
	b.loadInputs(b.claim(ins))
	b.link()
	b.locate()
	return b.fleet, b.diags
}

// listPath lists the inputs one command-line path stands for, in the order
// they are loaded. Standard input is read here, once, in its turn.
func (b *builder) listPath(p string, stdin io.Reader) []input {
	if p == Stdin {
		data, err := io.ReadAll(stdin)
		if err != nil {
			return []input{{diag: &Diagnostic{File: "<stdin>", Level: LevelError, Message: fmt.Sprintf("reading standard input: %v", err)}}}
		}
		return []input{b.memoryInput("<stdin>", data)}
	}
	info, err := os.Stat(p)
	if err != nil {
		return []input{{diag: &Diagnostic{File: p, Level: LevelError, Message: fmt.Sprintf("cannot read: %v", unwrapPathErr(err))}}}
	}
	if !info.IsDir() {
		return b.fileInput(nil, p, true)
	}
	var walkErrs []Diagnostic
	keep := func(p string) bool { return isJSONName(p) || isYAMLName(p) }
	if len(b.translators) > 0 {
		keep = func(string) bool { return true } // claim picks among them
	}
	files := walkFiles(p, keep, &walkErrs)
	ins := make([]input, 0, len(walkErrs)+len(files))
	for i := range walkErrs {
		ins = append(ins, input{diag: &walkErrs[i]})
	}
	for _, f := range files {
		ins = b.fileInput(ins, f, false)
	}
	return ins
}

// walkFiles lists the files under dir that keep accepts (the *.json, *.yaml
// and *.yml files, without translators), sorted, so runs are repeatable. The names use "/" on every system (Windows accepts it), so
// that outputs naming them, and the order they are read in, are the same
// on Windows as elsewhere ('\' sorts after the digits, '/' before).
func walkFiles(dir string, keep func(string) bool, diags *[]Diagnostic) []string {
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			*diags = append(*diags, Diagnostic{File: path, Level: LevelError, Message: fmt.Sprintf("cannot read: %v", unwrapPathErr(err))})
			return nil
		}
		if !d.IsDir() && keep(path) {
			files = append(files, filepath.ToSlash(path))
		}
		return nil
	})
	if err != nil {
		*diags = append(*diags, Diagnostic{File: dir, Level: LevelError, Message: err.Error()})
	}
	sort.Strings(files)
	return files
}

// fileInput appends the file at path to ins unless it is already listed.
func (b *builder) fileInput(ins []input, path string, named bool) []input {
	// A file named twice, or named and inside a named directory, is read
	// once: the second read would only repeat every resource as a duplicate.
	if abs, err := filepath.Abs(path); err == nil {
		if b.read[abs] {
			return ins
		}
		b.read[abs] = true
	}
	return append(ins, input{name: path, named: named})
}

// memoryInput lists a document that is not a file, keeping its bytes so
// that diagnostics can still be given a line and column.
func (b *builder) memoryInput(name string, data []byte) input {
	b.memory[name] = data
	return input{name: name, named: true, inMemory: true, data: data}
}

// loadDocument recognises one document's shape and loads it. A document
// of another shape is an error when its file was named on the command
// line, and only a warning when met while walking a directory, where
// unrelated JSON and YAML are common.
func (l *fileLoad) loadDocument(file string, data []byte, named bool) {
	top, d := parseObject(file, data)
	if d != nil {
		l.diags = append(l.diags, *d)
		return
	}
	l.loadObject(file, data, top, named)
}

// loadObject is loadDocument once data is parsed: top holds its members
// when it is an object, and is nil otherwise.
func (l *fileLoad) loadObject(file string, data []byte, top map[string]json.RawMessage, named bool) {
	if top != nil && isCloudFormationTemplate(slices.Collect(maps.Keys(top))) {
		l.diags = append(l.diags, notTemplateInput(file, named))
		return
	}
	for _, s := range shapes {
		if v, _, ok := member(top, s.key); ok && (named || s.fits(v)) {
			s.load(l, file, top, data)
			return
		}
	}
	l.unrecognised = true
	level, verb := skipLevel(named)
	found := "a JSON " + topKind(data)
	if top != nil {
		found = "top-level fields " + strings.Join(slices.Sorted(maps.Keys(top)), ", ")
	}
	l.diags = append(l.diags, Diagnostic{File: file, Level: level, Message: fmt.Sprintf(
		"%s: not a recognised input (%s); expected the output of one of: %s",
		verb, found, strings.Join(ShapeNames(), "; "))})
}

// skipLevel is how an input that is not ours is reported: an error when
// named on the command line, a warning when met in a directory.
func skipLevel(named bool) (Level, string) {
	if named {
		return LevelError, "not read"
	}
	return LevelWarning, "skipped"
}

// unwrapPathErr drops the path from an fs error: the diagnostic names it.
func unwrapPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
