package terminal

import (
	"bytes"
	"testing"
)

func TestWidth(t *testing.T) {
	for _, c := range []struct {
		columns  string
		terminal int
		want     int
	}{
		{"", 0, 0},     // piped: no limit
		{"", 132, 132}, // a terminal's own width
		{"80", 0, 80},  // COLUMNS asks for a width, piped or not
		{"100", 132, 100},
		{" 90 ", 132, 90},
		{"0", 132, 132}, // not a width
		{"-5", 0, 0},
		{"wide", 132, 132},
	} {
		if got := width(c.columns, func() int { return c.terminal }); got != c.want {
			t.Errorf("COLUMNS=%q, terminal %d: width %d, want %d", c.columns, c.terminal, got, c.want)
		}
	}
	if got := Width(&bytes.Buffer{}, func(string) string { return "" }); got != 0 {
		t.Errorf("a buffer has width %d, want 0 (no limit)", got)
	}
}

func TestColour(t *testing.T) {
	for _, c := range []struct {
		noColor  string
		off, tty bool
		want     bool
	}{
		{"", false, true, true},
		{"", false, false, false}, // piped
		{"1", false, true, false}, // NO_COLOR
		{"", true, true, false},   // --no-color
	} {
		if got := colour(c.noColor, c.off, func() bool { return c.tty }); got != c.want {
			t.Errorf("NO_COLOR=%q --no-color=%v terminal=%v: colour %v, want %v", c.noColor, c.off, c.tty, got, c.want)
		}
	}
	if Colour(&bytes.Buffer{}, func(string) string { return "" }, false) {
		t.Error("a buffer gets colour")
	}
}
