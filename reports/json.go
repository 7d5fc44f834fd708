package reports

import (
	"io"

	"github.com/ecs2fargate/ecs2fargate/internal/jsonindent"
)

// renderAuditJSON writes the documented JSON contract (docs/json.md):
// stable key order, two-space indent, a trailing newline.
func renderAuditJSON(w io.Writer, a *Audit) error {
	return writeJSON(w, a)
}

// writeJSON writes v as json.Encoder with a two-space indent and no HTML
// escaping would, through jsonindent: encoding/json's own indenting was
// half the time of a 10,000-service report.
func writeJSON(w io.Writer, v any) error {
	return jsonindent.Encode(w, v, "  ")
}
