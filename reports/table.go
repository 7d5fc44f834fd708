package reports

import (
	"fmt"
	"io"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
)

// newTable is the one place the terminal table style is set; every table
// in every command uses it.
func newTable(w io.Writer, header ...string) *tablewriter.Table {
	t := tablewriter.NewTable(w,
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNormal),
		tablewriter.WithMaxWidth(160),
	)
	hdr := make([]any, len(header))
	for i, h := range header {
		hdr[i] = h
	}
	t.Header(hdr...)
	return t
}

// renderAuditTable writes verdicts, then findings, then a summary line:
// what an engineer reads in a terminal.
func renderAuditTable(w io.Writer, a *Audit) error {
	if err := auditVerdictTable(w, a); err != nil {
		return err
	}
	if err := auditFindingTable(w, a); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w, summaryLine(a))
	return err
}

func auditVerdictTable(w io.Writer, a *Audit) error {
	if len(a.Verdicts) == 0 {
		return nil
	}
	fmt.Fprintln(w, "Verdicts")
	t := newTable(w, "CLUSTER", "SERVICE", "TASK DEFINITION", "VERDICT", "BLOCKERS", "FIXABLE")
	for _, v := range a.Verdicts {
		if err := t.Append(dash(v.Cluster), dash(v.Service), v.TaskDefinition, v.Verdict,
			dash(strings.Join(v.Blockers, " ")), dash(strings.Join(v.Fixable, " "))); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w)
	return err
}

func auditFindingTable(w io.Writer, a *Audit) error {
	if len(a.Findings) == 0 {
		return nil
	}
	fmt.Fprintln(w, "Findings")
	t := newTable(w, "SEVERITY", "RULE", "SUBJECT", "CONTAINER", "PATH", "MESSAGE")
	for _, f := range a.Findings {
		subject := f.TaskDefinition
		if f.Service != "" {
			subject = f.Cluster + "/" + f.Service
		}
		msg := f.Message
		if f.Unverified {
			msg += " (unverified)"
		}
		if err := t.Append(f.Severity.String(), f.RuleID, subject, dash(f.Container), f.Path, msg); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w)
	return err
}

// summaryLine is the one-line result: counts of verdicts and findings.
func summaryLine(a *Audit) string {
	s := a.Summary
	line := fmt.Sprintf("%d services: %d ready, %d fixable, %d blocked", s.Services,
		s.ServiceVerdicts["ready"], s.ServiceVerdicts["fixable"], s.ServiceVerdicts["blocked"])
	if n := s.ServiceVerdicts["unknown"]; n > 0 {
		line += fmt.Sprintf(", %d unknown (task definition missing)", n)
	}
	line += fmt.Sprintf(" | %d task definitions: %d ready, %d fixable, %d blocked", s.TaskDefinitions,
		s.TaskVerdicts["ready"], s.TaskVerdicts["fixable"], s.TaskVerdicts["blocked"])
	line += fmt.Sprintf(" | findings: %d blocker, %d fixable, %d warning, %d info",
		s.Findings["blocker"], s.Findings["fixable"], s.Findings["warning"], s.Findings["info"])
	if s.NotChecked > 0 {
		line += fmt.Sprintf(" | %d checks not run for lack of data (see --format json, notChecked)", s.NotChecked)
	}
	return line
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
