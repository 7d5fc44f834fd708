package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/ecs2fargate/ecs2fargate/internal/atomicfile"
	"github.com/ecs2fargate/ecs2fargate/internal/jsonindent"
	"github.com/ecs2fargate/ecs2fargate/reports"
	"github.com/ecs2fargate/ecs2fargate/rewrite"
)

// outFile is one document to write into --out.
type outFile struct {
	name string
	data []byte
}

// outputFiles names every document and records the names in the report:
// <family>.taskdef.json (with the revision when a family appears twice),
// <cluster>.<service>.update-service.json / .create-service.json and
// .target-group[-N].json.
func outputFiles(r *rewrite.Report) []outFile {
	var files []outFile
	families := map[string]int{}
	for _, t := range r.TaskDefinitions {
		families[familyOf(t.Key)]++
	}
	for i := range r.TaskDefinitions {
		t := &r.TaskDefinitions[i]
		if t.Document == nil {
			continue
		}
		name := familyOf(t.Key)
		if families[name] > 1 {
			name = strings.ReplaceAll(t.Key, ":", ".")
		}
		t.Output = fileSafe(name) + ".taskdef.json"
		files = append(files, outFile{t.Output, t.Document})
	}
	for i := range r.Services {
		files = append(files, serviceFiles(&r.Services[i])...)
	}
	return files
}

func serviceFiles(s *rewrite.ServiceResult) []outFile {
	base := fileSafe(s.Cluster) + "." + fileSafe(s.Service)
	var files []outFile
	add := func(name string, doc []byte) {
		if doc != nil {
			files = append(files, outFile{name, doc})
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

// writeOutputs writes every document, changes.json and changes.md into
// dir, each atomically, after checking that dir can be written at all, so
// that an unwritable directory leaves nothing behind.
func writeOutputs(dir string, files []outFile, r *rewrite.Report) error {
	if err := checkWritable(dir); err != nil {
		return err
	}
	js, err := changesJSON(r)
	if err != nil {
		return err
	}
	var md bytes.Buffer
	if err := reports.RenderRewriteMarkdown(&md, r); err != nil {
		return err
	}
	files = append(files, outFile{"changes.json", js}, outFile{"changes.md", md.Bytes()})
	// Several writes at a time: each waits for its fsync, and a
	// 10,000-service fleet has about 19,000 files, which one after another
	// took most of the command's time.
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	slots := make(chan struct{}, fileWriters)
	for i, f := range files {
		wg.Add(1)
		slots <- struct{}{}
		go func() {
			defer func() { <-slots; wg.Done() }()
			errs[i] = writeOutput(dir, f)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err // the first in file order, as when written one by one
		}
	}
	return nil
}

// fileWriters is how many output files are written at once.
const fileWriters = 8

func writeOutput(dir string, f outFile) error {
	data := f.data
	if !bytes.HasSuffix(data, []byte("\n")) {
		data = append(append([]byte(nil), data...), '\n')
	}
	return atomicfile.Write(filepath.Join(dir, f.name), 0o644, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
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

func changesJSON(r *rewrite.Report) ([]byte, error) {
	var b bytes.Buffer
	if err := jsonindent.Encode(&b, r.WithoutDocuments(), "  "); err != nil {
		return nil, fmt.Errorf("encoding changes.json: %w", err)
	}
	return b.Bytes(), nil
}
