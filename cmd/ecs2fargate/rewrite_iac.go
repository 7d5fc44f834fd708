package main

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/atomicfile"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/textdiff"
	"github.com/ecs2fargate/ecs2fargate/reports"
	"github.com/ecs2fargate/ecs2fargate/rewrite"
	"github.com/ecs2fargate/ecs2fargate/rewrite/runbook"
)

// Rewriting infrastructure as code in place (README "Rewriting Terraform
// and CloudFormation in place"). When the inputs hold Terraform or
// CloudFormation that an Editor can edit, the rewrite of those resources
// is written into the code: a unified diff (the default), the files edited
// in place (--write), or a copy of the edited units under --out DIR. The
// resources read from AWS CLI JSON in the same run get their request
// documents as before, with --out DIR only.

// iacRun is the code edits of one rewrite run.
type iacRun struct {
	edits []fleet.FileEdit
	// units are the files of every unit edited, for the copy --out writes.
	units [][]string
	// fromCode marks the report's results whose resource the code holds:
	// their request documents are not written (the code is edited instead).
	tdFromCode, svcFromCode []bool
}

// iacInputs reports whether any input is an IaC file an Editor can edit.
func iacInputs(f *fleet.Fleet) bool {
	return slices.ContainsFunc(f.Inputs, func(file string) bool {
		_, _, ok := f.EditorOf(file)
		return ok
	})
}

// editIaC converts the report into rewrites, has each unit's Editor edit
// its files, and records the notes in the report (changes.json "iac").
func editIaC(f *fleet.Fleet, r *rewrite.Report) (*iacRun, error) {
	rws, err := rewrite.IaCRewrites(f, r)
	if err != nil {
		return nil, err
	}
	run := &iacRun{}
	type unitWork struct {
		editor fleet.Editor
		files  []string
		rws    []fleet.Rewrite
	}
	var order []string
	work := map[string]*unitWork{}
	for _, rw := range rws {
		ed, unit, _ := f.EditorOf(rw.File)
		w := work[unit[0]]
		if w == nil {
			w = &unitWork{editor: ed, files: unit}
			work[unit[0]] = w
			order = append(order, unit[0])
		}
		w.rws = append(w.rws, rw)
	}
	r.IaC = &rewrite.IaCEdits{Files: []string{}, Notes: []rewrite.IaCNote{}}
	for _, k := range order {
		w := work[k]
		res := w.editor.Edit(w.files, w.rws)
		r.IaC.AddEditResult(res)
		run.edits = append(run.edits, res.Files...)
		if len(res.Files) > 0 {
			run.units = append(run.units, w.files)
		}
	}
	run.markFromCode(f, r)
	r.IaC.Problems = append(r.IaC.Problems, unreadTargetGroups(f, r)...)
	return run, nil
}

// unreadTargetGroups names the instance target groups that services read
// from code use but that are not in the code read (a module input, a data
// source): the editor cannot add their ip replacement, so it is left to
// the user, who must know.
func unreadTargetGroups(f *fleet.Fleet, r *rewrite.Report) []rewrite.IaCProblem {
	byID := map[[4]string]*rewrite.ServiceResult{}
	for i := range r.Services {
		s := &r.Services[i]
		byID[[4]string{s.Account, s.Region, s.Cluster, s.Service}] = s
	}
	var out []rewrite.IaCProblem
	for _, s := range f.Services {
		res := byID[[4]string{s.Identity.Account, s.Identity.Region, s.Cluster, s.Name()}]
		if _, _, ok := f.EditorOf(s.Doc.Source.File); !ok || res == nil || (res.UpdateService == nil && res.CreateService == nil) {
			continue
		}
		for _, tg := range res.TargetGroups {
			if t := f.TargetGroup(tg.Replaces); t != nil {
				if _, _, ok := f.EditorOf(t.Doc.Source.File); ok {
					continue
				}
			}
			out = append(out, rewrite.IaCProblem{File: s.Doc.Source.File, Path: s.Doc.Source.Path,
				Message: fmt.Sprintf("uses a target group (%s) that is not in the code read, or not known statically: create an ip target group (%s) beside it, attach it to the listener and point the service at it by hand", cmp.Or(tg.Replaces, "unknown"), tg.Name)})
		}
	}
	return out
}

// markFromCode finds the results whose resources were read from code.
func (run *iacRun) markFromCode(f *fleet.Fleet, r *rewrite.Report) {
	fromCode := func(file string) bool { _, _, ok := f.EditorOf(file); return ok }
	run.tdFromCode = make([]bool, len(r.TaskDefinitions))
	for i, t := range r.TaskDefinitions {
		run.tdFromCode[i] = fromCode(t.Source)
	}
	codeFile := servicesFromCode(f)
	run.svcFromCode = make([]bool, len(r.Services))
	for i, s := range r.Services {
		_, run.svcFromCode[i] = codeFile[[4]string{s.Account, s.Region, s.Cluster, s.Service}]
	}
}

// servicesFromCode maps each service read from code an Editor can edit
// (by account, region, cluster and name) to its file: the one decision,
// for the rewrite (which edits the code instead of writing a request) and
// for migrate (which must not change such a service through the API).
func servicesFromCode(f *fleet.Fleet) map[[4]string]string {
	out := map[[4]string]string{}
	for _, s := range f.Services {
		if _, _, ok := f.EditorOf(s.Doc.Source.File); ok {
			out[[4]string{s.Identity.Account, s.Identity.Region, s.Cluster, s.Name()}] = s.Doc.Source.File
		}
	}
	return out
}

// jsonPart is the report of the resources read from AWS CLI JSON, whose
// request documents are written as before.
func (run *iacRun) jsonPart(r *rewrite.Report) (*rewrite.Report, jsonKept) {
	out := &rewrite.Report{}
	var kept jsonKept
	for i, t := range r.TaskDefinitions {
		if !run.tdFromCode[i] {
			out.TaskDefinitions = append(out.TaskDefinitions, t)
			kept.tds = append(kept.tds, i)
		}
	}
	for i, s := range r.Services {
		if !run.svcFromCode[i] {
			out.Services = append(out.Services, s)
			kept.svcs = append(kept.svcs, i)
		}
	}
	return out, kept
}

// writeIaCDiffs prints a unified diff of every edited file, named a/PATH
// and b/PATH as git does, so `git apply` takes it from the directory the
// command ran in.
func writeIaCDiffs(w io.Writer, edits []fleet.FileEdit) error {
	for _, e := range edits {
		d := textdiff.Unified("a/"+e.Path, "b/"+e.Path, string(e.Before), string(e.After))
		if _, err := io.WriteString(w, d); err != nil {
			return err
		}
	}
	return nil
}

// writeIaCInPlace writes every edited file atomically, after checking that
// no file changed since the editors read it: if one did, nothing at all is
// written (the edits were made on bytes that are no longer there).
func writeIaCInPlace(edits []fleet.FileEdit) error {
	var changed []string
	for _, e := range edits {
		now, err := os.ReadFile(e.Path)
		if err != nil {
			return fmt.Errorf("reading %s before writing the edits (nothing was written): %w", e.Path, err)
		}
		if !bytes.Equal(now, e.Before) {
			changed = append(changed, e.Path)
		}
	}
	if len(changed) > 0 {
		return fmt.Errorf("%s changed since it was read; nothing was written (run the rewrite again)", strings.Join(changed, ", "))
	}
	for _, e := range edits {
		if err := writeFileAtomically(e.Path, e.After); err != nil {
			return err
		}
	}
	return nil
}

func writeFileAtomically(name string, data []byte) error {
	mode := os.FileMode(0o644)
	if st, err := os.Stat(name); err == nil {
		mode = st.Mode().Perm()
	}
	return atomicfile.Write(name, mode, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// iacCopy is the copy of the edited units --out writes: every file of each
// unit with an edit (the module's or template's files, edited or not, so
// the copy can be planned or linted on its own), under a folder named as
// the directory the units share (DIR/alb-service/main.tf for
// alb-service/main.tf), beside changes.json and changes.md.
func (run *iacRun) iacCopy() ([]outFile, error) {
	edited := map[string][]byte{}
	for _, e := range run.edits {
		edited[e.Path] = e.After
	}
	var all []string
	for _, u := range run.units {
		all = append(all, u...)
	}
	root := commonDir(all)
	var files []outFile
	for _, name := range all {
		data, ok := edited[name]
		if !ok {
			var err error
			if data, err = os.ReadFile(name); err != nil {
				return nil, fmt.Errorf("reading %s for the copy in --out: %w", name, err)
			}
		}
		rel := strings.TrimPrefix(filepath.ToSlash(name), root)
		if base := path.Base(strings.TrimSuffix(root, "/")); root != "" && base != "/" && base != "." {
			rel = base + "/" + rel
		}
		files = append(files, outFile{name: rel, data: data, verbatim: true})
	}
	return files, nil
}

// commonDir is the directory every path is under, with a trailing "/"
// ("" when they share none).
func commonDir(paths []string) string {
	if len(paths) == 0 {
		return ""
	}
	dir := path.Dir(filepath.ToSlash(paths[0]))
	for _, p := range paths[1:] {
		for dir != "." && dir != "/" && !strings.HasPrefix(filepath.ToSlash(p), dir+"/") {
			dir = path.Dir(dir)
		}
	}
	switch dir {
	case ".":
		return ""
	case "/":
		return "/"
	}
	return dir + "/"
}

// writeIaCNotes lists the editors' notes on stderr after the summary:
// replacements first, then the rest, then the edits that could not be made.
func writeIaCNotes(w io.Writer, e *rewrite.IaCEdits) {
	if e == nil {
		return
	}
	for _, replaces := range []bool{true, false} {
		for _, n := range e.Notes {
			if n.Replaces != replaces {
				continue
			}
			tag := "note"
			if replaces {
				tag = "REPLACES"
			}
			fmt.Fprintf(w, "%s: %s: %s: %s\n", location(n.File, n.Line), tag, n.Resource, n.Text)
		}
	}
	for _, p := range e.Problems {
		fmt.Fprintf(w, "%s: not edited: %s\n", location(p.File, p.Line), strings.TrimSpace(p.Path+" "+p.Message))
	}
}

func location(file string, line int) string {
	if line > 0 {
		return fmt.Sprintf("%s:%d", file, line)
	}
	return file
}

// iacMarkdown is the changes.md section of the code edits.
func iacMarkdown(w io.Writer, e *rewrite.IaCEdits) {
	if e == nil || len(e.Files)+len(e.Notes)+len(e.Problems) == 0 {
		return
	}
	fmt.Fprintf(w, "\n## Edits to the infrastructure code\n\n")
	for _, f := range e.Files {
		fmt.Fprintf(w, "- edited `%s`\n", f)
	}
	if len(e.Notes) > 0 {
		fmt.Fprintf(w, "\n| Where | Resource | Replaces | Note |\n|---|---|---|---|\n")
		for _, n := range e.Notes {
			rep := "no"
			if n.Replaces {
				rep = "**yes**"
			}
			fmt.Fprintf(w, "| `%s` | `%s` | %s | %s |\n", location(n.File, n.Line), n.Resource, rep, strings.ReplaceAll(n.Text, "|", "\\|"))
		}
	}
	for _, p := range e.Problems {
		fmt.Fprintf(w, "\n- not edited: `%s` %s %s\n", location(p.File, p.Line), p.Path, p.Message)
	}
}

// runIaCRewrite finishes a rewrite whose inputs hold code an Editor edits.
func runIaCRewrite(f *fleet.Fleet, run *rewriteRun, opts rewriteOptions, s streams, diags []fleet.Diagnostic) error {
	code, err := editIaC(f, run.report)
	if err != nil {
		return err
	}
	jsonPart, kept := code.jsonPart(run.report)
	switch {
	case opts.check:
	case opts.write:
		if err := writeIaCInPlace(code.edits); err != nil {
			return err
		}
	case opts.out != "":
		if err := code.writeOut(f, run.report, jsonPart, kept, opts); err != nil {
			return err
		}
	default:
		opts.diff = true
	}
	if opts.diff {
		if err := writeIaCDiffs(s.out, code.edits); err != nil {
			return err
		}
		if err := writeDiffs(s.out, &rewriteRun{report: jsonPart, original: run.original}); err != nil {
			return err
		}
	}
	if n := documents(jsonPart); n > 0 && opts.out == "" && !opts.check {
		fmt.Fprintf(s.err, "%d document(s) for inputs read from AWS CLI JSON not written: they need --out DIR\n", n)
	}
	if err := reports.RenderRewriteSummary(s.err, run.report); err != nil {
		return err
	}
	writeIaCNotes(s.err, run.report.IaC)
	if err := rewriteOutcome(tallyOf(run.report), opts, inputFailure(diags)); err != nil {
		return err
	}
	return partial(f)
}

// writeOut writes --out DIR: the copy of the edited code, the request
// documents of the resources read from AWS CLI JSON (and their runbook),
// and changes.json and changes.md of everything.
func (run *iacRun) writeOut(f *fleet.Fleet, r, jsonPart *rewrite.Report, kept jsonKept, opts rewriteOptions) error {
	files, err := outputFiles(jsonPart)
	if err != nil {
		return err
	}
	kept.copyOutputs(jsonPart, r)
	code, err := run.iacCopy()
	if err != nil {
		return err
	}
	files = append(files, code...)
	if err := checkDistinct(files); err != nil {
		return err
	}
	return writeOutputs(opts.out, files, r, runbook.Build(f, jsonPart, opts.svc.SpotWeight > 0))
}

// jsonKept is, for each result of a jsonPart, its index in the whole
// report.
type jsonKept struct{ tds, svcs []int }

// copyOutputs gives the whole report the output names outputFiles set in
// the JSON part.
func (k jsonKept) copyOutputs(part, whole *rewrite.Report) {
	for i, at := range k.tds {
		whole.TaskDefinitions[at].Output = part.TaskDefinitions[i].Output
	}
	for i, at := range k.svcs {
		whole.Services[at].Outputs = part.Services[i].Outputs
	}
}

// documents counts the request documents of a report.
func documents(r *rewrite.Report) int {
	n := 0
	for _, t := range r.TaskDefinitions {
		if t.Document != nil {
			n++
		}
	}
	for _, s := range r.Services {
		if s.UpdateService != nil || s.CreateService != nil {
			n++
		}
	}
	return n
}
