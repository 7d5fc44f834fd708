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
	r, ok := auditRenderers[format]
	if !ok {
		return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(AuditFormats(), ", "))
	}
	return r(w, a)
}
