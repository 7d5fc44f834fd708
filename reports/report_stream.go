package reports

import (
	"bufio"
	"encoding/binary"
	"encoding/csv"
	"fmt"
	"io"
	"slices"

	"github.com/ecs2fargate/ecs2fargate/internal/jsonstream"
)

// ReportOutputs are where StreamReport writes report --out's files.
type ReportOutputs struct {
	// Audit and Cost are the writers of the audit and cost documents
	// (ReportAuditFile, ReportCostFile), which report.json references
	// (RenderReportJSONReferencing).
	Audit, Cost io.Writer
	// Formats are the writers of each format's file (ReportFiles), by
	// format; Details that of the Markdown details (ReportDetailFiles).
	// A nil writer (or a format missing from Formats) is a file not
	// wanted: its rows are not made (report --format F wants one format).
	Formats map[string]io.Writer
	Details io.Writer
	// Spool gives a scratch file for the parts of a file that are written
	// before what precedes them in the file is known; the caller removes
	// them once StreamReport has returned.
	Spool func() (Spool, error)
	// Embed writes the JSON format as report --format json does: the audit
	// and cost documents embedded (the report's own schemaVersion), not
	// written to Audit and Cost and referenced (ReportFilesSchemaVersion).
	Embed bool
}

// A Spool is a scratch file: written, then read back.
type Spool interface {
	io.Writer
	io.ReaderAt
}

// StreamReport writes report --out's files: the audit and cost documents,
// then the report of NewReport in every format, laid out as report --out
// lays them out (report.json referencing the documents; the Markdown
// summary linking to its details, as a.DetailsFile names them). It makes
// each service's row once, on every core, writes it to every format as it
// is made and lets it go: the report holds its counts and totals, never
// its rows (issue 17). Each format's rows are written to its file as they
// come, except where the file shows, above them, what only all the rows
// tell: the number of changes (the JSON's summary and the HTML's), and
// the widths of the text table's columns. Those rows go to a spool, and
// the file is written when the rows are done. Once the cost document is
// written, c lets go of its service rows: the report's rows hold what
// they show of them. Only the outputs wanted are made (ReportOutputs):
// without one that shows rows (the Markdown summary alone) no row is
// made, and without the JSON the embedded documents are not written. It
// returns the report without its rows (and, when no row was made,
// without Summary.Changes).
func StreamReport(a *Audit, c *Cost, rw Preview, generatedAt string, out ReportOutputs) (*Report, error) {
	p := planReport(a, c, rw, generatedAt)
	r := p.report
	want, wantDetails := wantOutputs(&out)
	documents, err := writeReportDocuments(p, out, want["json"])
	if err != nil {
		return nil, err
	}
	s := &reportStream{}
	csvw := csv.NewWriter(out.Formats["csv"])
	s.fail(csvw.Write(reportCSVHeader))
	details := newMDOut(out.Details, false)
	md := newMDRows(details, r, p.groups)
	table := bufio.NewWriterSize(out.Formats["table"], 64<<10)
	s.fail(tableHead(table, r))
	js, err := newSpoolWriter(out.Spool)
	if err != nil {
		return nil, err
	}
	tableRows, err := newSpoolWriter(out.Spool)
	if err != nil {
		return nil, err
	}
	html, err := newSpoolWriter(out.Spool)
	if err != nil {
		return nil, err
	}
	htmlRows := newHTMLRows(html, r.Detailed(), p.groups)
	jsonServices := jsonstream.NewElements(js.buf, "  ", 2) // writes through js.buf
	var jsonUnused *jsonstream.Writer
	var jsonServicesEnd, tableServicesEnd int64
	var rows []rowWriter // the writers of the outputs wanted
	add := func(wanted bool, w rowWriter) {
		if wanted {
			rows = append(rows, w)
		}
	}
	add(want["csv"], rowWriter{
		service: func(row *ServiceReport) { s.fail(csvw.Write(reportCSVRow(*row))) },
		unused:  func(u *UnusedTaskDefinition) { s.fail(csvw.Write(unusedCSVRow(*u))) },
	})
	add(wantDetails, rowWriter{service: md.service, unused: md.unused})
	add(want["table"], rowWriter{
		service: func(row *ServiceReport) { tableRows.cells(serviceTableCells(row)) },
		unused:  func(u *UnusedTaskDefinition) { tableRows.cells(unusedTableCells(u)) },
	})
	add(want["json"], rowWriter{
		service: func(row *ServiceReport) { writeServiceJSON(jsonServices, row) },
		unused:  func(u *UnusedTaskDefinition) { writeUnusedJSON(jsonUnused, u) },
	})
	add(want["html"], rowWriter{service: htmlRows.service, unused: htmlRows.unused})
	handlers := rowHandlers{
		service: func(row *ServiceReport) {
			r.Summary.Changes += len(row.Changes)
			for _, w := range rows {
				w.service(row)
			}
		},
		servicesDone: func() {
			md.endServices()
			htmlRows.endServices(htmlPage(r))
			s.fail(jsonServices.Flush())
			s.fail(tableRows.Flush())
			jsonServicesEnd, tableServicesEnd = js.n, tableRows.n
			jsonUnused = jsonstream.NewElements(js.buf, "  ", 2)
		},
		unused: func(u *UnusedTaskDefinition) {
			for _, w := range rows {
				w.unused(u)
			}
		},
		// A file that cannot be written stops the rows (a full disk).
		failed: func() bool {
			return s.err != nil || htmlRows.err != nil || jsonServices.Err() != nil || tableRows.err != nil
		},
	}
	if len(rows) > 0 {
		p.each(handlers)
	} else { // no output wanted shows a row (the Markdown summary alone): none is made
		handlers.servicesDone()
	}
	csvw.Flush()
	s.fail(csvw.Error())
	md.end()
	s.fail(details.close())
	s.fail(jsonUnused.Flush())
	s.fail(htmlRows.end(htmlPage(r)))
	for _, sp := range []*spoolWriter{js, tableRows, html} {
		s.fail(sp.Flush())
	}
	if s.err != nil {
		return nil, s.err
	}
	// The files whose head waited for the rows.
	services := func(row func([]string)) { tableRows.each(0, tableServicesEnd, row) }
	unused := func(row func([]string)) { tableRows.each(tableServicesEnd, tableRows.n, row) }
	s.fail(tableRest(table, r, services, unused))
	s.fail(tableRows.err)
	s.fail(table.Flush())
	s.fail(writeSplicedJSON(out.Formats["json"], r, js, jsonServicesEnd, documents))
	if s.err == nil {
		s.err = reportHTMLTemplate.ExecuteTemplate(out.Formats["html"], "head", htmlPage(r))
	}
	s.fail(html.copyTo(out.Formats["html"]))
	s.fail(renderReportMarkdownSummary(out.Formats["markdown"], r))
	return r, s.err
}

// rowWriter writes a row to one output.
type rowWriter struct {
	service func(*ServiceReport)
	unused  func(*UnusedTaskDefinition)
}

// wantOutputs says which formats of out are wanted (their writers set)
// and whether the details are, and sets the writers not set to io.Discard
// (in a copy of Formats), where the little written around the rows of an
// output not wanted goes.
func wantOutputs(out *ReportOutputs) (formats map[string]bool, details bool) {
	formats = make(map[string]bool, len(ReportFiles))
	writers := make(map[string]io.Writer, len(ReportFiles))
	for format := range ReportFiles {
		w := out.Formats[format]
		formats[format] = w != nil
		if w == nil {
			w = io.Discard
		}
		writers[format] = w
	}
	out.Formats = writers
	if details = out.Details != nil; !details {
		out.Details = io.Discard
	}
	return formats, details
}

// reportStream keeps the first error of the writers.
type reportStream struct {
	err error
}

func (s *reportStream) fail(err error) {
	if s.err == nil && err != nil {
		s.err = err
	}
}

// writeSplicedJSON writes the report's JSON with the rows written to js:
// the services before servicesEnd, the unused task definitions after;
// documents writes its last members (writeReportDocuments).
func writeSplicedJSON(w io.Writer, r *Report, js *spoolWriter, servicesEnd int64, documents reportDocuments) error {
	s := jsonstream.New(w, "  ")
	rows := func() {
		s.Key("services")
		s.BeginArray()
		s.Splice(io.NewSectionReader(js.f, 0, servicesEnd), r.ServiceCount())
		s.EndArray()
		s.Key("unusedTaskDefinitions")
		s.BeginArray()
		s.Splice(io.NewSectionReader(js.f, servicesEnd, js.n-servicesEnd), r.UnusedCount())
		s.EndArray()
	}
	writeReportObject(s, r, documents.schemaVersion, rows, func() { documents.write(s) })
	return s.Close()
}

// reportDocuments is how the report's JSON ends: with the audit and cost
// documents, or with the names of their files.
type reportDocuments struct {
	schemaVersion int
	write         func(*jsonstream.Writer)
}

// writeReportDocuments writes the audit and cost documents, the cost
// first so that c lets go of its service rows (the report's rows hold
// what they show of them): to their files (out.Audit, out.Cost), or, when
// the JSON embeds them, to spools, each written as the report object's
// member it becomes.
func writeReportDocuments(p *reportPlan, out ReportOutputs, json bool) (reportDocuments, error) {
	a, c := p.a, p.c
	if out.Embed && !json { // the JSON is not wanted: nothing embeds them
		p.takeRowCosts()
		c.services = costServices{}
		return reportDocuments{ReportSchemaVersion, func(*jsonstream.Writer) {}}, nil
	}
	p.takeRowCostsAsWritten()
	if !out.Embed {
		if err := renderCostJSON(out.Cost, c); err != nil {
			return reportDocuments{}, fmt.Errorf("cost document: %w", err)
		}
		c.services = costServices{}
		if err := renderAuditJSON(out.Audit, a); err != nil {
			return reportDocuments{}, fmt.Errorf("audit document: %w", err)
		}
		return reportDocuments{ReportFilesSchemaVersion, func(s *jsonstream.Writer) {
			referencing(s, ReportAuditFile, ReportCostFile)()
		}}, nil
	}
	costDoc, err := spoolMember(out.Spool, func(s *jsonstream.Writer) { writeCostObject(s, c) })
	if err != nil {
		return reportDocuments{}, fmt.Errorf("cost document: %w", err)
	}
	c.services = costServices{}
	auditDoc, err := spoolMember(out.Spool, func(s *jsonstream.Writer) { writeAuditObject(s, a) })
	if err != nil {
		return reportDocuments{}, fmt.Errorf("audit document: %w", err)
	}
	return reportDocuments{ReportSchemaVersion, func(s *jsonstream.Writer) {
		s.Key("audit")
		s.SpliceValue(io.NewSectionReader(auditDoc.f, 0, auditDoc.n))
		s.Key("cost")
		s.SpliceValue(io.NewSectionReader(costDoc.f, 0, costDoc.n))
	}}, nil
}

// spoolMember writes a member of the report object to a spool, as write
// writes it.
func spoolMember(spool func() (Spool, error), write func(*jsonstream.Writer)) (*spoolWriter, error) {
	sp, err := newSpoolWriter(spool)
	if err != nil {
		return nil, err
	}
	s := jsonstream.NewValue(sp.buf, "  ", 1)
	write(s)
	if err := s.Flush(); err != nil {
		return nil, err
	}
	return sp, sp.Flush()
}

// spoolWriter writes to a spool through a buffer, counting the bytes.
type spoolWriter struct {
	f   Spool
	buf *bufio.Writer
	n   int64 // bytes written
	err error
}

func newSpoolWriter(spool func() (Spool, error)) (*spoolWriter, error) {
	f, err := spool()
	if err != nil {
		return nil, err
	}
	s := &spoolWriter{f: f}
	s.buf = bufio.NewWriterSize(countingWriter{s}, 64<<10)
	return s, nil
}

type countingWriter struct{ s *spoolWriter }

func (c countingWriter) Write(p []byte) (int, error) {
	n, err := c.s.f.Write(p)
	c.s.n += int64(n)
	return n, err
}

func (s *spoolWriter) Write(p []byte) (int, error) { return s.buf.Write(p) }

// Flush writes out what is buffered; n then counts every byte written.
func (s *spoolWriter) Flush() error {
	if s.err == nil {
		s.err = s.buf.Flush()
	}
	return s.err
}

// copyTo copies the whole spool to w.
func (s *spoolWriter) copyTo(w io.Writer) error {
	if err := s.Flush(); err != nil {
		return err
	}
	_, err := io.Copy(w, io.NewSectionReader(s.f, 0, s.n))
	return err
}

// cells writes a table row: each cell's length, then its bytes.
func (s *spoolWriter) cells(row []string) {
	var n [binary.MaxVarintLen64]byte
	s.buf.Write(n[:binary.PutUvarint(n[:], uint64(len(row)))])
	for _, c := range row {
		s.buf.Write(n[:binary.PutUvarint(n[:], uint64(len(c)))])
		s.buf.WriteString(c)
	}
}

// each reads back the rows cells wrote between the offsets from and to.
func (s *spoolWriter) each(from, to int64, row func([]string)) {
	if s.err != nil {
		return
	}
	r := bufio.NewReaderSize(io.NewSectionReader(s.f, from, to-from), 64<<10)
	var cells []string
	var buf []byte
	for {
		n, err := binary.ReadUvarint(r)
		if err == io.EOF {
			return
		}
		if err != nil {
			s.err = fmt.Errorf("reading back the table's rows: %w", err)
			return
		}
		cells = cells[:0]
		for range n {
			size, err := binary.ReadUvarint(r)
			if err == nil {
				buf = slices.Grow(buf[:0], int(size))[:size]
				_, err = io.ReadFull(r, buf)
			}
			if err != nil {
				s.err = fmt.Errorf("reading back the table's rows: %w", err)
				return
			}
			cells = append(cells, string(buf))
		}
		row(cells)
	}
}
