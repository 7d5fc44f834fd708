package main

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/ecs2fargate/ecs2fargate/internal/atomicfile"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/jsonstream"
	"github.com/ecs2fargate/ecs2fargate/reports"
	"github.com/ecs2fargate/ecs2fargate/rewrite"
	"github.com/ecs2fargate/ecs2fargate/rewrite/runbook"
)

// outFile is one document to write into --out.
type outFile struct {
	name   string
	data   []byte
	render func(io.Writer) error // writes the file instead of data
	exec   bool                  // written executable (runbook.sh)
	// verbatim files (the copy of edited code) are written as they are,
	// without the final newline the documents get.
	verbatim bool
}

// outputFiles names every document of r and records the names in the
// report (see outputNames), with the layout and names decided from r's
// own results. Two documents can never share a name: if they would, it is
// an error and nothing is written.
func outputFiles(r *rewrite.Report) ([]outFile, error) {
	names := namesOfReport(r)
	var files []outFile
	for i := range r.TaskDefinitions {
		if f, ok := names.taskDefinition(&r.TaskDefinitions[i]); ok {
			files = append(files, f)
		}
	}
	for i := range r.Services {
		files = append(files, names.service(&r.Services[i])...)
	}
	return files, checkDistinct(files)
}

// outputNames names the documents: <family>.taskdef.json (with the
// revision when a family appears twice), <cluster>.<service>.update-service.json
// / .create-service.json and .target-group[-N].json. When the subjects
// span more than one account or region, each goes under ACCOUNT/REGION/
// ("unknown-account" or "unknown-region" where the input did not say), so
// that prod-core in two regions gets two files. The names depend on which
// subjects there are, never on what their rewrite made of them, so that
// rewrite --out can decide them before the first result (namesOfFleet)
// and write each result's files as it is produced.
type outputNames struct {
	dir      func(account, region string) string
	families map[string]int // by dir + family
}

// namesOfFleet decides the names from every task definition and service
// of the inputs (rewrite --out).
func namesOfFleet(f *fleet.Fleet) outputNames {
	where := map[[2]string]bool{}
	for _, td := range f.TaskDefinitions {
		where[[2]string{td.Identity.Account, td.Identity.Region}] = true
	}
	for _, s := range f.Services {
		where[[2]string{s.Identity.Account, s.Identity.Region}] = true
	}
	n := outputNames{dir: outputLayout(where), families: map[string]int{}}
	for _, td := range f.TaskDefinitions {
		n.families[n.dir(td.Identity.Account, td.Identity.Region)+familyOf(td.Key())]++
	}
	return n
}

// namesOfReport decides the names from a rewrite's results: the task
// definitions it wrote a document for and every service (Terraform and
// CloudFormation inputs' JSON part, migrate).
func namesOfReport(r *rewrite.Report) outputNames {
	where := map[[2]string]bool{}
	for _, t := range r.TaskDefinitions {
		if t.Document != nil {
			where[[2]string{t.Account, t.Region}] = true
		}
	}
	for _, s := range r.Services {
		where[[2]string{s.Account, s.Region}] = true
	}
	n := outputNames{dir: outputLayout(where), families: map[string]int{}}
	for _, t := range r.TaskDefinitions {
		n.families[n.dir(t.Account, t.Region)+familyOf(t.Key)]++
	}
	return n
}

// outputLayout returns the folder prefix of a document's account and
// region: "" when every subject is in one account and region (the layout
// is then what it always was), else "ACCOUNT/REGION/".
func outputLayout(where map[[2]string]bool) func(account, region string) string {
	if len(where) <= 1 {
		return func(string, string) string { return "" }
	}
	return func(account, region string) string {
		return fileSafe(cmp.Or(account, "unknown-account")) + "/" + fileSafe(cmp.Or(region, "unknown-region")) + "/"
	}
}

// taskDefinitionName is the file of the task definition key in account
// and region.
func (n outputNames) taskDefinitionName(account, region, key string) string {
	dir, name := n.dir(account, region), familyOf(key)
	if n.families[dir+name] > 1 {
		name = strings.ReplaceAll(key, ":", ".")
	}
	return dir + fileSafe(name) + ".taskdef.json"
}

// taskDefinition names t's document, if it has one, and records the name
// in t.Output.
func (n outputNames) taskDefinition(t *rewrite.Result) (outFile, bool) {
	if t.Document == nil {
		return outFile{}, false
	}
	t.Output = n.taskDefinitionName(t.Account, t.Region, t.Key)
	return outFile{name: t.Output, data: t.Document}, true
}

// serviceBase is the start of the names of a service's files.
func (n outputNames) serviceBase(account, region, cluster, service string) string {
	return n.dir(account, region) + fileSafe(cluster) + "." + fileSafe(service)
}

// service names s's documents and records the names in s.Outputs.
func (n outputNames) service(s *rewrite.ServiceResult) []outFile {
	base := n.serviceBase(s.Account, s.Region, s.Cluster, s.Service)
	var files []outFile
	add := func(name string, doc []byte) {
		if doc != nil {
			files = append(files, outFile{name: name, data: doc})
			s.Outputs = append(s.Outputs, name)
		}
	}
	add(base+".update-service.json", s.UpdateService)
	add(base+".create-service.json", s.CreateService)
	for i, tg := range s.TargetGroups {
		name := base + ".target-group.json"
		if len(s.TargetGroups) > 1 {
			name = fmt.Sprintf("%s.target-group-%d.json", base, i+1)
		}
		add(name, tg.Document)
	}
	return files
}

// checkFleetNames refuses, before anything is rewritten, inputs in which
// two task definitions, or two services, would write to the same file,
// whatever their rewrite makes of them: names are decided before the
// results exist (rewrite --out). Task definition files end in
// .taskdef.json and services' in .update-service.json, .create-service.json
// or .target-group[-N].json, so only two of one kind can meet; two
// services' files meet only when their bases do.
func checkFleetNames(f *fleet.Fleet, n outputNames) error {
	seen := make(map[string]bool, len(f.TaskDefinitions))
	for _, td := range f.TaskDefinitions {
		name := n.taskDefinitionName(td.Identity.Account, td.Identity.Region, td.Key())
		if seen[name] {
			return fmt.Errorf("two task definitions would both be written to %s; nothing was written (rename one of the inputs' objects, or rewrite them separately)", name)
		}
		seen[name] = true
	}
	seen = make(map[string]bool, len(f.Services))
	for _, s := range f.Services {
		base := n.serviceBase(s.Identity.Account, s.Identity.Region, s.Cluster, s.Name())
		if seen[base] {
			return fmt.Errorf("two services would both be written to %s.*.json; nothing was written (rename one of the inputs' objects, or rewrite them separately)", base)
		}
		seen[base] = true
	}
	return nil
}

// checkDistinct refuses a file set in which two documents share a path
// (one would silently overwrite the other).
func checkDistinct(files []outFile) error {
	seen := make(map[string]bool, len(files))
	for _, f := range files {
		if seen[f.name] {
			return fmt.Errorf("two documents would both be written to %s; nothing was written (rename one of the inputs' objects, or rewrite them separately)", f.name)
		}
		seen[f.name] = true
	}
	return nil
}

func familyOf(key string) string {
	if i := strings.LastIndexByte(key, ':'); i >= 0 {
		return key[:i]
	}
	return key
}

// fileSafe keeps names to letters, digits, '.', '_' and '-'.
func fileSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '.' || r == '_' || r == '-' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return r
		}
		return '_'
	}, s)
}

// writeOutputs writes every document of a whole report into dir
// (Terraform and CloudFormation inputs; rewrite --out of AWS CLI JSON
// writes as it goes, outWriter), then changes.md, the
// runbook and, last, changes.json, each atomically (temporary file and
// rename), after checking that dir can be written at all, so that an
// unwritable directory leaves nothing behind. The summaries are rendered
// straight into their files. No file is synced on its own: one Sync of
// dir at the end makes the run durable (docs/rewrite.md, "Durability").
func writeOutputs(dir string, files []outFile, r *rewrite.Report, plan *runbook.Plan) error {
	if err := checkWritable(dir); err != nil {
		return err
	}
	if err := writeInParallel(dir, files); err != nil {
		return err
	}
	summaries := []outFile{
		{name: "changes.md", render: func(w io.Writer) error {
			if err := reports.RenderRewriteMarkdown(w, r); err != nil {
				return err
			}
			iacMarkdown(w, r.IaC)
			return nil
		}},
		{name: "RUNBOOK.md", render: func(w io.Writer) error { return runbook.Markdown(w, plan) }},
		{name: "runbook.sh", render: func(w io.Writer) error { return runbook.Shell(w, plan) }, exec: true},
		{name: "changes.json", render: func(w io.Writer) error { return changesJSON(w, r) }}, // last: the run's record
	}
	for _, f := range summaries {
		if err := writeOutput(dir, f); err != nil {
			return err
		}
	}
	return atomicfile.Sync(dir)
}

// writeInParallel writes the documents several at a time (fileQueue).
func writeInParallel(dir string, files []outFile) error {
	q := newFileQueue(dir)
	for _, f := range files {
		if q.add(f) != nil {
			break
		}
	}
	return q.wait()
}

func writeOutput(dir string, f outFile) error { return writeOutputIn(dir, f, nil) }

// writeOutputIn is writeOutput skipping the creation of the folders made
// holds (a stat per file otherwise), and adding those it makes.
func writeOutputIn(dir string, f outFile, made *sync.Map) error {
	path := filepath.Join(dir, filepath.FromSlash(f.name))
	folder := filepath.Dir(path)
	if made == nil || !isMade(made, folder) {
		if err := os.MkdirAll(folder, 0o755); err != nil {
			return fmt.Errorf("output directory %s cannot be created: %w", folder, err)
		}
		if made != nil {
			made.Store(folder, true)
		}
	}
	mode := os.FileMode(0o644)
	if f.exec {
		mode = 0o755
	}
	render := f.render
	if render == nil {
		render = func(w io.Writer) error {
			if _, err := w.Write(f.data); err != nil || f.verbatim || bytes.HasSuffix(f.data, []byte("\n")) {
				return err
			}
			_, err := w.Write([]byte("\n"))
			return err
		}
	}
	return atomicfile.WriteUnsynced(path, mode, render)
}

func isMade(made *sync.Map, folder string) bool {
	_, ok := made.Load(folder)
	return ok
}

func checkWritable(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("output directory %s cannot be created: %w", dir, err)
	}
	probe, err := os.CreateTemp(dir, ".ecs2fargate-probe-*")
	if err != nil {
		return fmt.Errorf("output directory %s is not writable (nothing was written): %w", dir, err)
	}
	probe.Close()
	return os.Remove(probe.Name())
}

// changesFile is changes.json: the rewrite's report, after the tool and
// its version (added within the changes.json contract; see docs/rewrite.md).
type changesFile struct {
	Tool reports.Tool `json:"tool"`
	*rewrite.Report
}

// changesJSON writes changes.json (a changesFile) into w element by
// element (issue 17): the bytes of encoding the whole changesFile
// (TestChangesJSONStreamedEqualsWhole).
func changesJSON(w io.Writer, r *rewrite.Report) error {
	r = r.WithoutDocuments()
	s := jsonstream.New(w, "  ")
	s.BeginObject()
	s.Field("tool", reports.Tool{Name: "ecs2fargate", Version: version})
	jsonstream.Slice(s, "taskDefinitions", r.TaskDefinitions)
	jsonstream.Slice(s, "services", r.Services)
	if len(r.Errors) > 0 {
		jsonstream.Slice(s, "errors", r.Errors)
	}
	if r.IaC != nil {
		s.Field("iac", r.IaC)
	}
	s.EndObject()
	if err := s.Close(); err != nil {
		return fmt.Errorf("encoding changes.json: %w", err)
	}
	return nil
}
