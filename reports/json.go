package reports

import (
	"encoding/json"
	"io"
)

// renderAuditJSON writes the documented JSON contract (docs/json.md):
// stable key order, two-space indent, a trailing newline.
func renderAuditJSON(w io.Writer, a *Audit) error {
	return writeJSON(w, a)
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
