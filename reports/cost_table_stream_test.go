package reports

import (
	"bytes"
	"testing"
)

// The streamed plain columns of a large services table are the bytes
// plainRows writes through text/tabwriter: multi-byte cells, a line break
// in a cell, an empty column, a short last column, and cut to a FitTo
// writer's width.
func TestStreamedPlainRowsEqualTabwriter(t *testing.T) {
	header := []string{"CLUSTER", "SERVICE", "EMPTY", "EC2 NOW", "NOTE"}
	rows := [][]string{
		{"prod", "web", "", "$1,234.50", "x"},
		{"eu-west-1/prod-core", "api\nv2", "", "≥$12.00*", "a longer last cell"},
		{"—", "ünïcode-sérvice", "", "unknown", ""},
	}
	each := func(row func([]string)) {
		for _, r := range rows {
			row(r)
		}
	}
	for _, width := range []int{0, 30} {
		var want, got bytes.Buffer
		if err := plainRows(FitTo(&want, width), header, unwrapped(rows)); err != nil {
			t.Fatal(err)
		}
		if err := streamedPlainRows(FitTo(&got, width), header, each); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("width %d: streamed\n%s\nwant (tabwriter)\n%s", width, got.String(), want.String())
		}
	}
}
