package reports

import (
	"io"

	"github.com/ecs2fargate/ecs2fargate/internal/jsonstream"
)

// renderCostJSON writes the documented contract (docs/cost.md), streamed
// row by row (issue 17): the bytes of encoding the whole Cost.
func renderCostJSON(w io.Writer, c *Cost) error {
	s := jsonstream.New(w, "  ")
	writeCostObject(s, c)
	return s.Close()
}

// writeCostObject writes the cost document as the next value of s, in
// the order of Cost's fields: the report JSON embeds it as is.
func writeCostObject(s *jsonstream.Writer, c *Cost) {
	if c == nil {
		s.Value(nil)
		return
	}
	s.BeginObject()
	s.Field("schemaVersion", c.SchemaVersion)
	s.Field("tool", c.Tool)
	jsonstream.Slice(s, "inputs", c.Inputs)
	s.Field("assumptions", c.Assumptions)
	jsonstream.Each(s, "services", c.Services())
	jsonstream.Slice(s, "clusters", c.Clusters)
	s.Key("totals")
	writeCostTotals(s, &c.Totals)
	jsonstream.Slice(s, "unknown", c.Unknown)
	jsonstream.Slice(s, "diagnostics", c.Diagnostics)
	s.EndObject()
}
