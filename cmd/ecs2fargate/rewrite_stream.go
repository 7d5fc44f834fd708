package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	"github.com/ecs2fargate/ecs2fargate/internal/atomicfile"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/jsonstream"
	"github.com/ecs2fargate/ecs2fargate/reports"
	"github.com/ecs2fargate/ecs2fargate/rewrite"
	"github.com/ecs2fargate/ecs2fargate/rewrite/runbook"
)

// outWriter writes rewrite --out as the results are produced (issue 17):
// each result's documents go to their files at once, its entry of
// changes.json to that file's temporary copy, its section of changes.md
// and of the runbook to spool files in the output directory; the result
// is then dropped. What it keeps per subject is small: the summary row,
// and the runbook's names of files and placeholders. finish writes
// changes.md, RUNBOOK.md and runbook.sh from their spools, then renames
// changes.json into place, last, and syncs the directory once
// (docs/rewrite.md, "Durability").
type outWriter struct {
	dir     string
	names   outputNames
	text    reports.RewriteNames
	files   *fileQueue
	changes *atomicfile.Pending
	js      *jsonstream.Writer
	phase   int // of changes.json: 0 before the task definitions, 1 in them, 2 after, 3 in the services
	md      *mdSpool
	runbook *runbook.Stream
	tally   rewriteTally
}

// rewriteTally is what the end of a rewrite reports: the summary rows
// (reports.RewriteNames), the inputs that could not be rewritten, and
// what decides the exit code.
type rewriteTally struct {
	rows    []string
	errors  []string
	changed bool // reports whether anything changes (--check)
	blocked int  // task definitions blocked and not forced
	tds     int  // task definitions rewritten, blocked or not
	svcs    int
}

func (t *rewriteTally) taskDefinition(n reports.RewriteNames, res *rewrite.Result) {
	t.rows = append(t.rows, n.TaskDefinitionSummaryRow(res))
	t.changed = t.changed || res.Changed()
	if res.Blocked && !res.Forced {
		t.blocked++
	}
	t.tds++
}

func (t *rewriteTally) service(n reports.RewriteNames, res *rewrite.ServiceResult) {
	t.rows = append(t.rows, n.ServiceSummaryRow(res))
	t.changed = t.changed || res.Changed()
	t.svcs++
}

// tallyOf is the tally of a whole report.
func tallyOf(r *rewrite.Report) rewriteTally {
	var t rewriteTally
	n := reports.RewriteNamesOf(r)
	for i := range r.TaskDefinitions {
		t.taskDefinition(n, &r.TaskDefinitions[i])
	}
	for i := range r.Services {
		t.service(n, &r.Services[i])
	}
	t.errors = r.Errors
	return t
}

// textNamesOfFleet decides how changes.md and the summary name subjects,
// from every subject of the inputs (see reports.RewriteNames).
func textNamesOfFleet(f *fleet.Fleet) reports.RewriteNames {
	r := &rewrite.Report{
		TaskDefinitions: make([]rewrite.Result, len(f.TaskDefinitions)),
		Services:        make([]rewrite.ServiceResult, len(f.Services)),
	}
	for i, td := range f.TaskDefinitions {
		r.TaskDefinitions[i] = rewrite.Result{Key: td.Key(), Account: td.Identity.Account, Region: td.Identity.Region}
	}
	for i, s := range f.Services {
		r.Services[i] = rewrite.ServiceResult{Account: s.Identity.Account, Region: s.Identity.Region, Cluster: s.Cluster}
	}
	return reports.RewriteNamesOf(r)
}

// newOutWriter checks that dir can be written and starts the files that
// are written as the rewrite goes.
func newOutWriter(dir string, f *fleet.Fleet, names outputNames, text reports.RewriteNames, spot bool) (w *outWriter, err error) {
	if err := checkWritable(dir); err != nil {
		return nil, err
	}
	w = &outWriter{dir: dir, names: names, text: text}
	defer func() {
		if err != nil {
			w.abort()
		}
	}()
	if w.changes, err = atomicfile.Create(filepath.Join(dir, "changes.json"), 0o644); err != nil {
		return nil, err
	}
	w.js = jsonstream.New(w.changes, "  ")
	w.js.BeginObject()
	w.js.Field("tool", reports.Tool{Name: "ecs2fargate", Version: version})
	if w.md, err = newMDSpool(dir); err != nil {
		return nil, err
	}
	if w.runbook, err = runbook.NewStream(f, spot, dir); err != nil {
		return nil, err
	}
	w.files = newFileQueue(dir)
	return w, nil
}

// failed records a task definition that could not be rewritten.
func (w *outWriter) failed(err error) { w.tally.errors = append(w.tally.errors, err.Error()) }

// taskDefinition writes one task definition's result.
func (w *outWriter) taskDefinition(res *rewrite.Result) error {
	if f, ok := w.names.taskDefinition(res); ok {
		if err := w.files.add(f); err != nil {
			return err
		}
	}
	w.runbook.TaskDefinition(res)
	w.tally.taskDefinition(w.text, res)
	w.text.TaskDefinitionMarkdown(w.md.w, res)
	if w.phase == 0 {
		w.js.Key("taskDefinitions")
		w.js.BeginArray()
		w.phase = 1
	}
	t := *res
	t.Document = nil // in its own file
	w.js.Value(&t)
	return w.js.Err()
}

// service writes one service's result; every task definition comes first.
func (w *outWriter) service(res *rewrite.ServiceResult) error {
	for _, f := range w.names.service(res) {
		if err := w.files.add(f); err != nil {
			return err
		}
	}
	if err := w.runbook.Service(res); err != nil {
		return err
	}
	w.tally.service(w.text, res)
	w.text.ServiceMarkdown(w.md.w, res)
	w.endTaskDefinitions()
	if w.phase == 2 {
		w.js.Key("services")
		w.js.BeginArray()
		w.phase = 3
	}
	s := *res
	s.UpdateService, s.CreateService = nil, nil // in their own files
	if s.TargetGroups != nil {
		s.TargetGroups = make([]rewrite.TargetGroupDoc, len(res.TargetGroups))
		for i, tg := range res.TargetGroups {
			tg.Document = nil
			s.TargetGroups[i] = tg
		}
	}
	w.js.Value(&s)
	return w.js.Err()
}

// endTaskDefinitions closes changes.json's taskDefinitions (null when
// there were none, as encoding the report whole writes a nil slice).
func (w *outWriter) endTaskDefinitions() {
	switch w.phase {
	case 0:
		w.js.Field("taskDefinitions", nil)
	case 1:
		w.js.EndArray()
	default:
		return
	}
	w.phase = 2
}

// finish waits for the documents, writes changes.md and the runbook from
// their spools, then changes.json, and syncs dir once.
func (w *outWriter) finish() (err error) {
	defer func() {
		if err != nil {
			w.abort()
		}
	}()
	w.endTaskDefinitions()
	if w.phase == 3 {
		w.js.EndArray()
	} else {
		w.js.Field("services", nil)
	}
	if len(w.tally.errors) > 0 {
		jsonstream.Slice(w.js, "errors", w.tally.errors)
	}
	w.js.EndObject()
	if err := w.files.wait(); err != nil {
		return err
	}
	summaries := []outFile{
		{name: "changes.md", render: func(out io.Writer) error {
			bw := bufio.NewWriter(out)
			reports.RewriteMarkdownHead(bw, w.tally.tds, w.tally.svcs, w.tally.errors)
			if err := bw.Flush(); err != nil {
				return err
			}
			return w.md.copyTo(out)
		}},
		{name: "RUNBOOK.md", render: w.runbook.Markdown},
		{name: "runbook.sh", render: w.runbook.Shell, exec: true},
	}
	for _, f := range summaries {
		if err := writeOutput(w.dir, f); err != nil {
			return err
		}
	}
	if err := w.js.Close(); err != nil {
		return fmt.Errorf("encoding changes.json: %w", err)
	}
	if err := w.changes.Commit(false); err != nil { // last: the run's record
		return err
	}
	w.changes = nil
	w.md.remove()
	w.md = nil
	w.runbook.Close()
	w.runbook = nil
	return atomicfile.Sync(w.dir)
}

// abort removes what is not finished: changes.json's temporary copy and
// the spools. Documents written so far stay (each whole); without
// changes.json the directory does not look like a finished run.
func (w *outWriter) abort() {
	if w.files != nil {
		w.files.wait() //nolint:errcheck // the run has already failed
	}
	if w.changes != nil {
		w.changes.Abort()
	}
	if w.md != nil {
		w.md.remove()
	}
	if w.runbook != nil {
		w.runbook.Close()
	}
}

// mdSpool holds changes.md's sections until the head, which counts them
// and lists the inputs not rewritten, can be written before them.
type mdSpool struct {
	f *os.File
	w *bufio.Writer
}

func newMDSpool(dir string) (*mdSpool, error) {
	f, err := os.CreateTemp(dir, ".changes.md.spool-*")
	if err != nil {
		return nil, fmt.Errorf("output directory %s: %w", dir, err)
	}
	return &mdSpool{f: f, w: bufio.NewWriterSize(f, 64<<10)}, nil
}

func (m *mdSpool) copyTo(out io.Writer) error {
	if err := m.w.Flush(); err != nil {
		return fmt.Errorf("changes.md spool: %w", err)
	}
	if _, err := m.f.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("changes.md spool: %w", err)
	}
	_, err := io.Copy(out, m.f)
	return err
}

func (m *mdSpool) remove() {
	m.f.Close()
	os.Remove(m.f.Name())
}

// fileQueue writes documents fileWriters at a time as they are handed
// over; the error it reports is the first in the order they were added,
// as when written one by one.
type fileQueue struct {
	dir  string
	jobs chan queuedFile
	wg   sync.WaitGroup
	mu   sync.Mutex
	err  error
	at   int // sequence number of err
	next int
	done bool
	made sync.Map // folders made
}

type queuedFile struct {
	seq int
	f   outFile
}

// fileWriters is how many output files are written at once.
const fileWriters = 8

func newFileQueue(dir string) *fileQueue {
	q := &fileQueue{dir: dir, jobs: make(chan queuedFile, 4*fileWriters)}
	for range fileWriters {
		q.wg.Go(func() {
			for j := range q.jobs {
				if err := writeOutputIn(q.dir, j.f, &q.made); err != nil {
					q.mu.Lock()
					if q.err == nil || j.seq < q.at {
						q.err, q.at = err, j.seq
					}
					q.mu.Unlock()
				}
			}
		})
	}
	return q
}

// add queues f; it returns an error once a file has failed, so that the
// run stops early.
func (q *fileQueue) add(f outFile) error {
	q.mu.Lock()
	err := q.err
	q.mu.Unlock()
	if err != nil {
		return err
	}
	q.jobs <- queuedFile{q.next, f}
	q.next++
	return nil
}

// wait returns once every queued file is written, with the first error.
func (q *fileQueue) wait() error {
	if !q.done {
		close(q.jobs)
		q.wg.Wait()
		q.done = true
	}
	return q.err
}
