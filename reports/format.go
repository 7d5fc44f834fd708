package reports

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// auditRenderers maps each audit format name to its renderer.
var auditRenderers = map[string]func(io.Writer, *Audit) error{
	"json":     renderAuditJSON,
	"markdown": renderAuditMarkdown,
	"sarif":    renderAuditSARIF,
	"table":    renderAuditTable,
}

// AuditFormats lists the formats RenderAudit accepts.
func AuditFormats() []string { return sortedKeys(auditRenderers) }

// sortedKeys lists a renderer registry's format names in order.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// RenderAudit writes the report in the named format.
func RenderAudit(w io.Writer, format string, a *Audit) error {
	return renderAs(auditRenderers, w, format, a)
}

// renderAs looks the format up in a renderer registry and runs it; an
// unknown format is an error listing the registry's formats.
func renderAs[T any](renderers map[string]func(io.Writer, T) error, w io.Writer, format string, v T) error {
	render, ok := renderers[format]
	if !ok {
		return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(sortedKeys(renderers), ", "))
	}
	return render(w, v)
}
