package reports

import (
	"bytes"
	"io"
	"strings"
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

// A section written through footed, then its footer, is the section with
// its last newline cut and the footer after it, however its writes fall.
func TestFootedHoldsBackTheLastNewline(t *testing.T) {
	for _, writes := range [][]string{
		{"a\n", "b\n", "\n"},
		{"a", "\n", "\n\n"},
		{"no newline at the end"},
		{"\n"},
		{"", "x\n"},
	} {
		var whole, got bytes.Buffer
		s := &footed{w: &got}
		for _, w := range writes {
			whole.WriteString(w)
			if n, err := s.Write([]byte(w)); n != len(w) || err != nil {
				t.Fatalf("Write(%q) = %d, %v", w, n, err)
			}
		}
		if !s.wrote {
			t.Fatalf("%q: nothing noted as written", writes)
		}
		got.WriteString("footer\n")
		if want := strings.TrimSuffix(whole.String(), "\n") + "footer\n"; got.String() != want {
			t.Errorf("%q: %q, want %q", writes, got.String(), want)
		}
	}
	if s := (&footed{w: io.Discard}); func() bool { s.Write(nil); return s.wrote }() {
		t.Error("an empty write counted as a section")
	}
}
