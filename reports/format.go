package reports

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
)

// auditRenderers maps each audit format name to its renderer.
var auditRenderers = map[string]func(io.Writer, *Audit) error{
	"json":     renderAuditJSON,
	"jsonl":    renderAuditJSONLines,
	"markdown": renderAuditMarkdownSummary,
	"sarif":    renderAuditSARIF,
	"table":    renderAuditTable,
}

// AuditFormats lists the formats RenderAudit accepts.
func AuditFormats() []string { return slices.Sorted(maps.Keys(auditRenderers)) }

// RenderAudit writes the report in the named format.
func RenderAudit(w io.Writer, format string, a *Audit) error {
	return renderAs(auditRenderers, w, format, a)
}

// renderAs looks the format up in a renderer registry and runs it; an
// unknown format is an error listing the registry's formats.
func renderAs[T any](renderers map[string]func(io.Writer, T) error, w io.Writer, format string, v T) error {
	render, ok := renderers[format]
	if !ok {
		return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(slices.Sorted(maps.Keys(renderers)), ", "))
	}
	return render(w, v)
}
