package fleet

import (
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Infrastructure as code (Terraform, CloudFormation) enters the fleet
// through a Translator: it turns each resource it reads into a document in
// one of the shapes the JSON loader already reads (ShapeNames), and the
// loader loads that document as it would a file. Every rule, verdict, cost
// and report then works on it unchanged. What the translation adds is
// where things are: each document is filed under the IaC file and the
// resource's address (Source{File: "main.tf", Path: "aws_ecs_service.web"}),
// and Fleet.Locate maps a finding's path back to the line and column of the
// attribute in the IaC source through the Translated's Where.

// A Translator reads an input kind that is not AWS CLI output.
type Translator interface {
	// Kind names the input kind ("Terraform", "CloudFormation") in
	// diagnostics.
	Kind() string
	// Claim picks, from the files found under the paths the user named
	// (sorted, "/"-separated, named files included), those it reads,
	// grouped into units translated together (a Terraform module is one
	// directory's *.tf files; a template is one file). read gives a file's
	// bytes, for sniffing (a CloudFormation template in .json or .yaml
	// beside AWS CLI output): read only what decides, since the loader
	// reads every unclaimed file again. Files no translator claims go to
	// the JSON loader as before.
	Claim(files []string, read ReadFunc) [][]string
	// Translate reads one unit. It runs on a worker, concurrently with other
	// units and files, so it must not share state between calls.
	Translate(unit []string) ([]Translated, []Diagnostic)
}

// A FileClaimer is a Translator whose units are single files that it
// tells apart by their own bytes (a CloudFormation template in .json
// beside AWS CLI output). The loader asks it on its worker, with the bytes
// it reads to load the file anyway, so that no file is opened twice (once
// to sniff, once to load); its Claim is not called. FileClaimers are asked
// after the other translators' Claims, about the files those left.
type FileClaimer interface {
	Translator
	// MayClaim reports, from the name alone, whether ClaimFile could take
	// the file: a file found in a directory is read only when it is JSON
	// or some FileClaimer may claim it.
	MayClaim(file string) bool
	// ClaimFile reports whether the file, whose bytes are data, is a unit
	// of its own.
	ClaimFile(file string, data []byte) bool
}

// A ReadFunc gives a translator's Claim a file's bytes: all of them when
// limit <= 0, else the first limit bytes (fewer only when the file is
// shorter).
type ReadFunc func(file string, limit int) ([]byte, error)

// readForClaim is the ReadFunc of a load: the whole file, or its head
// without reading the rest.
func readForClaim(file string, limit int) ([]byte, error) {
	if limit <= 0 {
		return os.ReadFile(file)
	}
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, limit)
	n, err := io.ReadFull(f, buf)
	if err == io.ErrUnexpectedEOF || err == io.EOF {
		err = nil
	}
	return buf[:n], err
}

// Translated is one resource document in a shape the loader reads (a
// register-task-definition request, describe-services output holding one
// service, describe-target-groups output holding one target group,
// describe-clusters output holding one cluster, …).
type Translated struct {
	// File is the IaC file declaring the resource.
	File string
	// Name is the resource's address (aws_ecs_task_definition.app) or
	// logical ID: with File it names the document (Doc.Source.Path), so two
	// resources of one file never collide.
	Name string
	// Data is the document.
	Data []byte
	// Where maps a JSON path of Data, as the loader and the rules write it
	// (services[0].loadBalancers[0].targetGroupArn), to the place in the IaC
	// source: the attribute's line and column, or the enclosing block's or
	// resource's when the attribute is absent. Position.File is set when the
	// place is in another file (a JSON file read with Terraform's file()).
	// A zero Position means "not known".
	Where func(path string) Position
	// Unknown lists values the source sets but that cannot be known
	// statically (a variable without a literal value, a data source), by
	// JSON path of Data, with the reason ("value of var.cpu is not known
	// statically"). The translator leaves such a field out of Data, and the
	// rules that read it report "not checked" with the reason instead of
	// judging the field as absent (see Doc.Unknown).
	Unknown map[string]string
}

// translatedDoc records, for one translated document, how to find its paths
// in the IaC source.
type translatedDoc struct {
	file   string // the IaC file (Translated.File)
	name   string // Doc.Source.Path of the documents it gave
	prefix string // the document's own path inside Data ("services[0]", "")
	where  func(path string) Position
}

// dataPath turns a path under the document's name (name, name.x, name[0])
// back into a path of Data, or reports that p is not under the name.
func (t translatedDoc) dataPath(p string) (string, bool) {
	rest, ok := strings.CutPrefix(p, t.name)
	if !ok || rest != "" && rest[0] != '.' && rest[0] != '[' {
		return "", false
	}
	if t.prefix == "" {
		return strings.TrimPrefix(rest, "."), true
	}
	return t.prefix + rest, true
}

// docPath is the inverse of dataPath: a path of Data as the document's name
// and the rest, for diagnostics about the translated document.
func (t translatedDoc) docPath(p string) string {
	if t.prefix != "" {
		rest, ok := strings.CutPrefix(p, t.prefix)
		if !ok || rest != "" && rest[0] != '.' && rest[0] != '[' {
			return t.name + ":" + p // another part of Data: keep it whole
		}
		return t.name + rest
	}
	if p == "" {
		return t.name
	}
	if p[0] == '[' {
		return t.name + p
	}
	return t.name + "." + p
}

// Locate finds where each wanted path lies in file when file is an IaC file
// whose resources were translated: the paths are those findings carry
// (Doc.Source.Path, then the field's path). ok is false for any other file,
// whose paths the caller finds with the package's Locate on its bytes.
func (f *Fleet) Locate(file string, wanted []string) (pos map[string]Position, ok bool) {
	docs, ok := f.translated[file]
	if !ok {
		return nil, false
	}
	out := make(map[string]Position, len(wanted))
	for _, p := range wanted {
		for _, t := range docs {
			if dp, under := t.dataPath(p); under && t.where != nil {
				if at := t.where(dp); at.Line > 0 {
					out[p] = at
				}
				break
			}
		}
	}
	return out, true
}

// translation is the state of loading one Translated into a fileLoad.
type translation struct {
	doc    Translated
	prefix string // set by source: the document's path inside Data
}

// source is the Source of the document found at path in file: itself for
// a file, the IaC file and resource name for a translated document.
func (l *fileLoad) source(file, path string) Source {
	if l.tr == nil {
		// In an array or stream of documents, the path starts with the
		// document's index.
		return Source{File: file, Path: prefixPath(l.prefix, path)}
	}
	l.tr.prefix = path
	return Source{File: l.tr.doc.File, Path: l.tr.doc.Name}
}

// unknown is Doc.Unknown of the document source last placed: the
// translated document's unknown values, by path inside the document.
func (l *fileLoad) unknown() map[string]string {
	if l.tr == nil || len(l.tr.doc.Unknown) == 0 {
		return nil
	}
	out := map[string]string{}
	for p, why := range l.tr.doc.Unknown {
		if rel, ok := relativePath(p, l.tr.prefix); ok {
			out[rel] = why
		}
	}
	return out
}

// loadUnit translates one unit and loads each document it yields, filing
// the documents under the IaC file and resource name and placing
// diagnostics about them at the attribute in the IaC source.
func (l *fileLoad) loadUnit(tr Translator, unit []string) {
	docs, diags := tr.Translate(unit)
	l.diags = append(l.diags, diags...)
	for _, d := range docs {
		l.tr = &translation{doc: d}
		diagsBefore := len(l.diags)
		l.loadData(d.File, d.Data, true)
		t := translatedDoc{file: d.File, name: d.Name, prefix: l.tr.prefix, where: d.Where}
		l.located = append(l.located, t)
		for i := diagsBefore; i < len(l.diags); i++ {
			l.diags[i] = t.place(l.diags[i])
		}
		l.tr = nil
	}
}

// place moves a diagnostic about a translated document to the IaC source.
func (t translatedDoc) place(d Diagnostic) Diagnostic {
	d.Line, d.Column = 0, 0 // a line of Data, not of the IaC file
	if t.where != nil {
		if at := t.where(d.Path); at.Line > 0 {
			d.Line, d.Column = at.Line, at.Column
			if at.File != "" {
				d.File = at.File
			}
		}
	}
	d.Path = t.docPath(d.Path)
	return d
}

// relativePath is p as a path inside the document at prefix ("" for the
// document itself).
func relativePath(p, prefix string) (string, bool) {
	if prefix == "" {
		return p, true
	}
	rest, ok := strings.CutPrefix(p, prefix)
	if !ok || rest != "" && rest[0] != '.' && rest[0] != '[' {
		return "", false
	}
	return strings.TrimPrefix(rest, "."), true
}

// unitInput lists a unit a translator claimed as one input.
type unitInput struct {
	translator Translator
	files      []string
}

// claim offers the files listed in ins to the translators, in order; each
// unit claimed replaces its files in ins, at the place of its first file.
// FileClaimers come last and claim nothing here: each file they may claim
// carries them to its worker (input.claimers), which asks them with the
// bytes it reads. Unclaimed files found in a directory are kept only when
// they are JSON, or when a FileClaimer may claim them (they are then read
// for that only); named files are kept whatever their name, as without
// translators.
func (b *builder) claim(ins []input) []input {
	if len(b.translators) == 0 {
		return ins
	}
	var files []string
	for _, in := range ins {
		if in.diag == nil && !in.inMemory {
			files = append(files, filepath.ToSlash(in.name)) // a named file may use '\' on Windows
		}
	}
	unitOf := map[string]*unitInput{}
	var claimers []FileClaimer
	for _, tr := range b.translators {
		if fc, ok := tr.(FileClaimer); ok {
			claimers = append(claimers, fc)
			continue
		}
		var free []string
		for _, f := range files {
			if unitOf[f] == nil {
				free = append(free, f)
			}
		}
		for _, u := range tr.Claim(free, readForClaim) {
			unit := &unitInput{translator: tr, files: u}
			for _, f := range u {
				if unitOf[f] == nil {
					unitOf[f] = unit
				}
			}
		}
	}
	out := make([]input, 0, len(ins))
	emitted := map[*unitInput]bool{}
	for _, in := range ins {
		f := filepath.ToSlash(in.name)
		switch u := unitOf[f]; {
		case in.diag != nil || in.inMemory:
			out = append(out, in)
		case u != nil:
			if !emitted[u] {
				emitted[u] = true
				out = append(out, input{name: u.files[0], named: in.named, unit: u})
			}
		default:
			for _, c := range claimers {
				if c.MayClaim(f) {
					in.claimers = append(in.claimers, c)
				}
			}
			switch {
			case in.named || isJSONName(in.name):
				out = append(out, in)
			case len(in.claimers) > 0:
				in.onlyClaimed = true
				out = append(out, in)
			}
		}
	}
	return out
}

// claimed asks the input's FileClaimers about the bytes read, and loads
// the file as the unit of the first that claims it.
func (l *fileLoad) claimed(in input, data []byte) bool {
	for _, c := range in.claimers {
		if c.ClaimFile(filepath.ToSlash(in.name), data) {
			l.unit = &unitInput{translator: c, files: []string{filepath.ToSlash(in.name)}}
			l.loadUnit(c, l.unit.files)
			return true
		}
	}
	return false
}

// isJSONName reports whether a file found in a directory is one the JSON
// loader reads.
func isJSONName(path string) bool {
	return strings.EqualFold(filepath.Ext(path), ".json")
}

// record keeps what a loaded unit adds to the fleet: its files among the
// inputs read, and where its documents' paths lie in them.
func (b *builder) record(unit *unitInput, l *fileLoad) {
	b.fleet.Inputs = append(b.fleet.Inputs, unit.files...)
	if b.fleet.units == nil {
		b.fleet.units = map[string]*unitInput{}
	}
	for _, f := range unit.files {
		b.fleet.units[f] = unit
	}
	if b.fleet.translated == nil {
		b.fleet.translated = map[string][]translatedDoc{}
	}
	for _, t := range l.located {
		b.fleet.translated[t.file] = append(b.fleet.translated[t.file], t)
	}
}
