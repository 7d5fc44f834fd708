package terraform

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// Edit writes rewrites into the unit's Terraform files (fleet.Editor): see
// README "Rewriting Terraform and CloudFormation in place". It reads the
// files afresh; every edit is a splice of the bytes as read.
func (Translator) Edit(unit []string, rewrites []fleet.Rewrite) fleet.EditResult {
	ed := &editor{unit: unit, files: map[string]*editFile{}, root: path.Dir(unit[0]), done: map[string]fleet.Rewrite{}}
	for _, rw := range rewrites {
		ed.rewrite(rw)
	}
	return ed.result()
}

// editor is one Edit call's state.
type editor struct {
	unit  []string
	root  string // the root module's directory
	files map[string]*editFile
	order []string
	notes []fleet.EditNote
	diags []fleet.Diagnostic
	// done maps a resource block (file, type, name) to the rewrite that
	// edited it: the instances of a block with count or for_each share it.
	done map[string]fleet.Rewrite
	// cur and curLine are the file and line of the resource being
	// written, for problems.
	cur     string
	curLine int
}

// addressRe splits a resource address (module.x.aws_ecs_service.web[0])
// into the block's type and name.
var addressRe = regexp.MustCompile(`([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)(\[[^\]]*\])?$`)

func (ed *editor) rewrite(rw fleet.Rewrite) {
	ed.cur, ed.curLine = rw.File, 0
	m := addressRe.FindStringSubmatch(rw.Name)
	if m == nil {
		ed.problem(rw.Name, "not a resource address the editor knows")
		return
	}
	typ, name := m[1], m[2]
	key := rw.File + "\x00" + typ + "." + name
	if first, ok := ed.done[key]; ok {
		if !bytes.Equal(first.After, rw.After) {
			ed.problem(rw.Name, "the instances of %s.%s (count or for_each) need different changes; the block was edited for %s only: check the others by hand", typ, name, first.Name)
		}
		return
	}
	ed.done[key] = rw
	f, err := ed.file(rw.File, true)
	if err != nil {
		ed.problem(rw.Name, "%v", err)
		return
	}
	block := resourceBlock(f.hcl, typ, name)
	if block == nil {
		ed.problem(rw.Name, "resource %s.%s not found in %s (it changed since it was read?)", typ, name, rw.File)
		return
	}
	ed.curLine = block.DefRange().Start.Line
	before, err1 := decode(rw.Before)
	after, err2 := decode(rw.After)
	if err1 != nil || err2 != nil {
		ed.problem(rw.Name, "the rewrite's documents cannot be read: %v", errorsOf(err1, err2))
		return
	}
	notes, splices := len(ed.notes), ed.splices()
	defer func() {
		if ed.splices() == splices {
			ed.notes = ed.notes[:notes] // nothing edited: nothing to note
		}
	}()
	switch rw.Kind {
	case fleet.RewriteTaskDefinition:
		ed.taskDefinition(rw, f, block, before, after)
	case fleet.RewriteService:
		ed.service(rw, f, block, before, after)
	case fleet.RewriteTargetGroup:
		ed.targetGroup(rw, f, block, typ, name, before, after)
	default:
		ed.problem(rw.Name, "the editor does not edit %s resources", rw.Kind)
	}
}

func errorsOf(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

func decode(b []byte) (map[string]any, error) {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	m := map[string]any{}
	if len(bytes.TrimSpace(b)) == 0 {
		return m, nil
	}
	if err := d.Decode(&m); err != nil {
		return nil, err
	}
	return m, nil
}

// file gives the file being edited, read and (for HCL) parsed on first use.
func (ed *editor) file(name string, isHCL bool) (*editFile, error) {
	if f, ok := ed.files[name]; ok {
		return f, nil
	}
	src, err := readFile(name)
	if err != nil {
		return nil, err
	}
	f := &editFile{path: name, src: src}
	if isHCL {
		hf, diags := hclsyntax.ParseConfig(src, name, hcl.InitialPos)
		if diags.HasErrors() {
			return nil, fmt.Errorf("parsing %s: %s", name, diags.Error())
		}
		f.hcl = hf
	}
	ed.files[name] = f
	ed.order = append(ed.order, name)
	return f, nil
}

// moduleFiles are the unit's .tf files in dir.
func (ed *editor) moduleFiles(dir string) []*editFile {
	var out []*editFile
	for _, name := range ed.unit {
		if strings.HasSuffix(name, ".tf") && path.Dir(name) == dir {
			if f, err := ed.file(name, true); err == nil {
				out = append(out, f)
			}
		}
	}
	return out
}

// local finds the expression of local.name in the module in dir.
func (ed *editor) local(dir, name string) (*editFile, *hclsyntax.Attribute) {
	for _, f := range ed.moduleFiles(dir) {
		for _, b := range f.hcl.Body.(*hclsyntax.Body).Blocks {
			if b.Type == "locals" {
				if a, ok := b.Body.Attributes[name]; ok {
					return f, a
				}
			}
		}
	}
	return nil, nil
}

func (ed *editor) problem(res, format string, args ...any) {
	ed.diags = append(ed.diags, fleet.Diagnostic{File: ed.cur, Line: ed.curLine, Path: res, Level: fleet.LevelWarning, Message: fmt.Sprintf(format, args...)})
}

func (ed *editor) note(file string, line int, res string, replaces bool, format string, args ...any) {
	ed.notes = append(ed.notes, fleet.EditNote{File: file, Line: line, Resource: res, Replaces: replaces, Text: fmt.Sprintf(format, args...)})
}

// bodyEditor is a bodyEdit of f whose problems go to the editor.
func (ed *editor) bodyEdit(f *editFile, res string) (*bodyEdit, func()) {
	var probs []bodyProblem
	be := &bodyEdit{f: f, where: res, probs: &probs}
	return be, func() {
		for _, p := range probs {
			ed.diags = append(ed.diags, fleet.Diagnostic{File: f.path, Line: p.line, Path: res, Level: fleet.LevelWarning, Message: p.msg})
		}
	}
}

// result applies every file's splices.
func (ed *editor) result() fleet.EditResult {
	res := fleet.EditResult{Notes: ed.notes, Diagnostics: ed.diags}
	for _, name := range ed.order {
		f := ed.files[name]
		if len(f.splices) == 0 {
			continue
		}
		out, err := f.result()
		if err != nil {
			res.Diagnostics = append(res.Diagnostics, fleet.Diagnostic{File: name, Level: fleet.LevelError, Message: err.Error()})
			continue
		}
		if !bytes.Equal(out, f.src) {
			res.Files = append(res.Files, fleet.FileEdit{Path: name, Before: f.src, After: out})
		}
	}
	return res
}

// splices counts the edits made so far.
func (ed *editor) splices() int {
	n := 0
	for _, f := range ed.files {
		n += len(f.splices)
	}
	return n
}
