package reports

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
)

// jsonLines writes JSON Lines (https://jsonlines.org): one compact object
// per line, each with a "type" member first saying what it is, so a tool
// reading line by line (jq, a data warehouse loader) needs no other line
// to understand one. Lines are written as they are made (issue 17).
type jsonLines struct {
	w   *bufio.Writer
	buf bytes.Buffer
	enc *json.Encoder
	err error
}

func newJSONLines(w io.Writer) *jsonLines {
	l := &jsonLines{w: bufio.NewWriterSize(w, 64<<10)}
	l.enc = json.NewEncoder(&l.buf)
	l.enc.SetEscapeHTML(false)
	return l
}

// line writes v, a value encoding to a JSON object, as one line with
// "type": typ as its first member.
func (l *jsonLines) line(typ string, v any) {
	if l.err != nil {
		return
	}
	l.buf.Reset()
	if err := l.enc.Encode(v); err != nil {
		l.err = err
		return
	}
	obj := l.buf.Bytes() // {...}\n
	if len(obj) < 3 || obj[0] != '{' {
		l.err = fmt.Errorf("JSON Lines: a %s is not a JSON object", typ)
		return
	}
	fmt.Fprintf(l.w, `{"type":%q`, typ)
	if obj[1] != '}' {
		l.w.WriteByte(',')
	}
	l.w.Write(obj[1:])
	if _, err := l.w.Write(nil); err != nil {
		l.err = err
	}
}

// text writes a line for a bare string, as {"type": typ, "text": s}.
func (l *jsonLines) text(typ, s string) {
	l.line(typ, struct {
		Text string `json:"text"`
	}{s})
}

func (l *jsonLines) close() error {
	if l.err != nil {
		return l.err
	}
	return l.w.Flush()
}

// jsonLinesOf writes each element of items as a line of type typ.
func jsonLinesOf[T any](l *jsonLines, typ string, items []T) {
	for i := range items {
		if l.err != nil {
			return
		}
		l.line(typ, &items[i])
	}
}

// renderAuditJSONLines writes the audit as JSON Lines: first an "audit"
// line (schemaVersion, tool, inputs, summary), then a line per finding,
// verdict, not-checked record, input problem and part not read, in the
// JSON document's order and with its members (docs/json.md, JSON Lines).
func renderAuditJSONLines(w io.Writer, a *Audit) error {
	l := newJSONLines(w)
	l.line("audit", struct {
		SchemaVersion int      `json:"schemaVersion"`
		Tool          Tool     `json:"tool"`
		Inputs        []string `json:"inputs"`
		Summary       Summary  `json:"summary"`
	}{a.SchemaVersion, a.Tool, a.Inputs, a.Summary})
	f := new(analyzer.Finding)
	for i := range a.Findings.Len() {
		if l.err != nil {
			break
		}
		*f = a.Findings.At(i)
		l.line("finding", f)
	}
	jsonLinesOf(l, "verdict", a.Verdicts)
	jsonLinesOf(l, "notChecked", a.NotChecked)
	jsonLinesOf(l, "diagnostic", a.Diagnostics)
	jsonLinesOf(l, "gap", a.Gaps)
	return l.close()
}

// renderCostJSONLines writes the cost comparison as JSON Lines: a "cost"
// line (schemaVersion, tool, inputs, assumptions), a line per service and
// per cluster, one "totals" line, then the unknown prices and input
// problems, with the cost JSON's members (docs/json.md, JSON Lines).
func renderCostJSONLines(w io.Writer, c *Cost) error {
	l := newJSONLines(w)
	l.line("cost", struct {
		SchemaVersion int             `json:"schemaVersion"`
		Tool          Tool            `json:"tool"`
		Inputs        []string        `json:"inputs"`
		Assumptions   CostAssumptions `json:"assumptions"`
	}{c.SchemaVersion, c.Tool, c.Inputs, c.Assumptions})
	for row := range c.Services() {
		l.line("service", &row)
	}
	jsonLinesOf(l, "cluster", c.Clusters)
	l.line("totals", &c.Totals)
	for _, u := range c.Unknown {
		l.text("unknown", u)
	}
	jsonLinesOf(l, "diagnostic", c.Diagnostics)
	return l.close()
}
