package terraform

import (
	"fmt"
	"os"
	"path"
	"regexp"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// module is one directory's *.tf files, parsed.
type module struct {
	dir       string
	src       map[string][]byte // source of each file read, by name
	variables map[string]*hclsyntax.Block
	locals    map[string]*hclsyntax.Attribute
	resources []*resource
	calls     []*hclsyntax.Block              // module blocks
	outputs   map[string]*hclsyntax.Attribute // each output block's value
	tfvars    map[string]hcl.Expression
}

// resource is one resource block.
type resource struct {
	typ, name string
	file      string
	block     *hclsyntax.Block
}

// unit is the state of translating one unit: its modules, what they yield
// and the problems met.
type unit struct {
	files   []string
	modules map[string]*module // by directory
	docs    []fleet.Translated
	diags   []fleet.Diagnostic
}

func newUnit(files []string) *unit {
	return &unit{files: files, modules: map[string]*module{}}
}

// translate reads every module of the unit, then evaluates the root module
// (the first file's directory), which evaluates the modules it calls.
func (u *unit) translate() {
	for _, f := range u.files {
		if !strings.HasSuffix(f, ".tf") && !strings.HasSuffix(f, ".tfvars") {
			continue // a file the module reads with file() or templatefile()
		}
		d := path.Dir(f)
		m := u.modules[d]
		if m == nil {
			m = &module{dir: d, src: map[string][]byte{}, variables: map[string]*hclsyntax.Block{}, locals: map[string]*hclsyntax.Attribute{}, tfvars: map[string]hcl.Expression{}, outputs: map[string]*hclsyntax.Attribute{}}
			u.modules[d] = m
		}
		u.parse(m, f)
	}
	if len(u.files) == 0 {
		return
	}
	root := u.modules[path.Dir(u.files[0])]
	newScope(u, root, "", nil, map[string]bool{}).translate()
}

// parse reads one file of m.
func (u *unit) parse(m *module, file string) {
	data, err := os.ReadFile(file)
	if err != nil {
		u.diags = append(u.diags, fleet.Diagnostic{File: file, Level: fleet.LevelError, Message: fmt.Sprintf("cannot read: %v", err)})
		return
	}
	m.src[file] = data
	f, diags := hclsyntax.ParseConfig(data, file, hcl.InitialPos)
	u.hclDiags(diags)
	if f == nil {
		return
	}
	body, ok := f.Body.(*hclsyntax.Body)
	if !ok {
		return
	}
	if strings.HasSuffix(file, ".tfvars") {
		for name, a := range body.Attributes {
			m.tfvars[name] = a.Expr
		}
		return
	}
	for _, b := range body.Blocks {
		switch {
		case b.Type == "variable" && len(b.Labels) == 1:
			m.variables[b.Labels[0]] = b
		case b.Type == "locals":
			for name, a := range b.Body.Attributes {
				m.locals[name] = a
			}
		case b.Type == "resource" && len(b.Labels) == 2:
			m.resources = append(m.resources, &resource{typ: b.Labels[0], name: b.Labels[1], file: file, block: b})
		case b.Type == "module" && len(b.Labels) == 1:
			m.calls = append(m.calls, b)
		case b.Type == "output" && len(b.Labels) == 1:
			if a, ok := b.Body.Attributes["value"]; ok {
				m.outputs[b.Labels[0]] = a
			}
		}
	}
}

// hclDiags turns HCL's diagnostics into the fleet's, with file, line and
// column.
func (u *unit) hclDiags(diags hcl.Diagnostics) {
	for _, d := range diags {
		level := fleet.LevelWarning
		if d.Severity == hcl.DiagError {
			level = fleet.LevelError
		}
		msg := d.Summary
		if d.Detail != "" {
			msg += ": " + d.Detail
		}
		out := fleet.Diagnostic{Level: level, Message: "Terraform: " + msg}
		if d.Subject != nil {
			out.File, out.Line, out.Column = d.Subject.Filename, d.Subject.Start.Line, d.Subject.Start.Column
		}
		u.diags = append(u.diags, out)
	}
}

// moduleBlock finds a line that opens a module block.
var moduleBlock = regexp.MustCompile(`(?m)^\s*module\s+"`)

// localModuleCalls lists the directories that the module made of files
// calls with a local source ("./x", "../x"), for Claim. Files that do not
// parse are skipped: Translate reports them.
func localModuleCalls(files []string, read func(string) ([]byte, error)) []string {
	var out []string
	for _, f := range files {
		if !strings.HasSuffix(f, ".tf") {
			continue
		}
		data, err := read(f)
		if err != nil || !moduleBlock.Match(data) {
			continue // parsing is most of Claim's time: only files with a module block
		}
		hf, _ := hclsyntax.ParseConfig(data, f, hcl.InitialPos)
		if hf == nil {
			continue
		}
		body, ok := hf.Body.(*hclsyntax.Body)
		if !ok {
			continue
		}
		for _, b := range body.Blocks {
			if b.Type != "module" {
				continue
			}
			if src, ok := localSource(path.Dir(f), b); ok {
				out = append(out, src)
			}
		}
	}
	return out
}

// localSource is the directory a module block's literal source names when
// it is a local path.
func localSource(dir string, b *hclsyntax.Block) (string, bool) {
	a, ok := b.Body.Attributes["source"]
	if !ok {
		return "", false
	}
	v, diags := a.Expr.Value(nil)
	if diags.HasErrors() || !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
		return "", false
	}
	s := v.AsString()
	if !strings.HasPrefix(s, "./") && !strings.HasPrefix(s, "../") {
		return "", false
	}
	return path.Clean(path.Join(dir, s)), true
}
