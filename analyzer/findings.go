package analyzer

import (
	"bytes"
	"cmp"
	"encoding/json"
	"iter"
	"slices"
)

// Findings is an audit's findings, in Audit's order, kept compactly (issue
// 17): each finding is a fixed-size record of numbers into tables of the
// audit's distinct texts, paths and subjects. The records hold no pointer,
// so the garbage collector never scans them; 10,000 services' 150,000
// findings take about 4 MB instead of the 40 MB of as many Finding values.
// A Finding is made when it is read, its strings those of the tables (no
// copies). A nil *Findings holds none. It is read-only once built.
type Findings struct {
	records  []findingRecord
	subjects []findingSubject
	texts    []string
	// paths[i] is a finding's Field, pathTexts[i] its Path.
	paths     []Path
	pathTexts []string
}

// findingRecord is one finding: its subject, its texts (numbers in
// texts), its path (a number in paths), severity and flags.
type findingRecord struct {
	subject    uint32
	rule       uint32
	container  uint32
	path       uint32
	value      uint32
	message    uint32
	severity   uint8
	unverified bool
	sure       bool
}

// findingSubject is what every finding about one task definition or
// service says the same of: where it is and which document.
type findingSubject struct {
	account, region, cluster, service, taskDefinition, file, docPath string
}

func subjectOf(f *Finding) findingSubject {
	return findingSubject{f.Account, f.Region, f.Cluster, f.Service, f.TaskDefinition, f.File, f.DocPath}
}

// Len is the number of findings.
func (fs *Findings) Len() int {
	if fs == nil {
		return 0
	}
	return len(fs.records)
}

// At is the i-th finding, 0 <= i < Len().
func (fs *Findings) At(i int) Finding {
	r := &fs.records[i]
	s := &fs.subjects[r.subject]
	return Finding{
		RuleID: fs.texts[r.rule], Severity: Severity(r.severity),
		Account: s.account, Region: s.region, Cluster: s.cluster, Service: s.service, TaskDefinition: s.taskDefinition,
		Container: fs.texts[r.container], Field: fs.paths[r.path], Path: fs.pathTexts[r.path],
		Value: fs.texts[r.value], Message: fs.texts[r.message], Unverified: r.unverified,
		File: s.file, DocPath: s.docPath, sure: r.sure,
	}
}

// SubjectOf is the number of the subject finding i is about, 0 <= i <
// Len(). In an Audit's findings, task definition j of the fleet is subject
// j and service k is subject len(TaskDefinitions)+k (the places of the
// audit's subjects before their verdicts are sorted); in NewFindings',
// subjects are numbered as they first appear. A caller that holds an
// audit's findings finds a service's own by it without a copy (the
// report's rewrite preview: rewrite.AuditedBy).
func (fs *Findings) SubjectOf(i int) int { return int(fs.records[i].subject) }

// All yields the findings in order.
func (fs *Findings) All() iter.Seq[Finding] {
	return func(yield func(Finding) bool) {
		for i := range fs.Len() {
			if !yield(fs.At(i)) {
				return
			}
		}
	}
}

// Severities yields each finding's severity, in order, without making the
// findings (for counting).
func (fs *Findings) Severities() iter.Seq[Severity] {
	return func(yield func(Severity) bool) {
		for i := range fs.Len() {
			if !yield(Severity(fs.records[i].severity)) {
				return
			}
		}
	}
}

// Slice makes every finding, in order: for tests and small audits.
func (fs *Findings) Slice() []Finding {
	out := make([]Finding, 0, fs.Len())
	for f := range fs.All() {
		out = append(out, f)
	}
	return out
}

// MarshalJSON writes the findings as a JSON array, as encoding/json writes
// a []Finding ([] when there are none). It escapes no HTML: an enclosing
// encoder that does escapes it in the result. Large outputs stream the
// findings instead (reports).
func (fs *Findings) MarshalJSON() ([]byte, error) {
	var b, one bytes.Buffer
	enc := json.NewEncoder(&one)
	enc.SetEscapeHTML(false)
	b.WriteByte('[')
	for i := range fs.Len() {
		if i > 0 {
			b.WriteByte(',')
		}
		f := fs.At(i)
		one.Reset()
		if err := enc.Encode(&f); err != nil {
			return nil, err
		}
		b.Write(bytes.TrimSuffix(one.Bytes(), []byte("\n")))
	}
	b.WriteByte(']')
	return b.Bytes(), nil
}

// NewFindings keeps list, in its order, as a Findings (for callers and
// tests that build findings themselves).
func NewFindings(list []Finding) *Findings {
	b := newFindingsBuilder()
	subjects := map[findingSubject]uint32{}
	records := make([]findingRecord, len(list))
	for i := range list {
		s := subjectOf(&list[i])
		n, ok := subjects[s]
		if !ok {
			n = uint32(len(b.subjects))
			subjects[s] = n
			b.subjects = append(b.subjects, s)
		}
		records[i] = b.record(&list[i], n)
	}
	return b.build([][]findingRecord{records}, false)
}

// findingsBuilder gathers the records of concurrent checks (record is safe
// to call from several goroutines) and the subjects they are about.
type findingsBuilder struct {
	texts    *interner
	subjects []findingSubject
}

func newFindingsBuilder() *findingsBuilder { return &findingsBuilder{texts: newInterner()} }

// newFindingsBuilderFor is a findingsBuilder for an audit of subjects
// subjects, its interner sized for their texts.
func newFindingsBuilderFor(subjects int) *findingsBuilder {
	return &findingsBuilder{texts: newInternerFor(subjects), subjects: make([]findingSubject, subjects)}
}

// record is f, about the subject numbered subject, as a record whose
// numbers are the interner's handles (build turns them into places).
func (b *findingsBuilder) record(f *Finding, subject uint32) findingRecord {
	return b.recordWith(nil, f, subject)
}

// recordWith is record asking c, a cache in front of b's interner (or
// none when nil), for the handles.
func (b *findingsBuilder) recordWith(c *recentHandles, f *Finding, subject uint32) findingRecord {
	in := b.texts
	c.forInterner(in)
	return findingRecord{
		subject:    subject,
		rule:       c.text(in, f.RuleID),
		container:  c.text(in, f.Container),
		path:       c.path(in, f.Field, f.Path),
		value:      c.text(in, f.Value),
		message:    c.text(in, f.Message),
		severity:   uint8(f.Severity),
		unverified: f.Unverified,
		sure:       f.sure,
	}
}

// build joins the parts' records in order, their numbers turned into
// places in the tables, and sorts them as sortFindings orders findings
// when sorted is asked. It consumes the parts.
func (b *findingsBuilder) build(parts [][]findingRecord, sorted bool) *Findings {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	fs := &Findings{records: make([]findingRecord, 0, n), subjects: b.subjects}
	var text, path func(uint32) uint32
	fs.texts, fs.pathTexts, fs.paths, text, path = b.texts.tables()
	for i, p := range parts {
		for _, r := range p {
			r.rule, r.container, r.value, r.message = text(r.rule), text(r.container), text(r.value), text(r.message)
			r.path = path(r.path)
			fs.records = append(fs.records, r)
		}
		// Each part is garbage once copied.
		parts[i] = nil
	}
	if sorted {
		slices.SortStableFunc(fs.records, fs.compare)
	}
	return fs
}

// compare orders two records as sortFindings orders their findings.
func (fs *Findings) compare(a, b findingRecord) int {
	if a.subject != b.subject {
		sa, sb := &fs.subjects[a.subject], &fs.subjects[b.subject]
		if c := cmp.Compare(sa.cluster, sb.cluster); c != 0 {
			return c
		}
		if sa.cluster != "" && (sa.account != sb.account || sa.region != sb.region) {
			return cmp.Or(cmp.Compare(sa.account, sb.account), cmp.Compare(sa.region, sb.region))
		}
		if c := cmp.Or(cmp.Compare(sa.service, sb.service), cmp.Compare(sa.taskDefinition, sb.taskDefinition)); c != 0 {
			return c
		}
		if c := cmp.Or(cmp.Compare(fs.texts[a.container], fs.texts[b.container]), cmp.Compare(fs.texts[a.rule], fs.texts[b.rule]),
			cmp.Compare(fs.pathTexts[a.path], fs.pathTexts[b.path])); c != 0 {
			return c
		}
		return cmp.Or(cmp.Compare(sa.account, sb.account), cmp.Compare(sa.region, sb.region))
	}
	return cmp.Or(cmp.Compare(fs.texts[a.container], fs.texts[b.container]), cmp.Compare(fs.texts[a.rule], fs.texts[b.rule]),
		cmp.Compare(fs.pathTexts[a.path], fs.pathTexts[b.path]))
}
