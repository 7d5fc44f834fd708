// Package terminal decides, in one place, what the output stream is: a
// terminal or not, how wide, and whether it gets colour.
package terminal

import (
	"io"
	"os"
	"strconv"
	"strings"

	"golang.org/x/term"
)

// IsTerminal reports whether w is a terminal that understands ANSI
// sequences (the progress line's "\r\033[K", colours). A file, a pipe or
// the null device is not one (a character device is not enough: /dev/null
// and Windows' NUL are character devices too).
func IsTerminal(w io.Writer) bool {
	f, ok := fileOf(w)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return false
	}
	return enableANSI(f)
}

// Width is the number of columns tables written to w must fit: COLUMNS
// when set to a positive number (so a script or a test can ask for a
// width), else the terminal's width, else 0, meaning no limit: output
// that is piped or redirected keeps its full content.
func Width(w io.Writer, getenv func(string) string) int {
	return width(getenv("COLUMNS"), func() int {
		f, ok := fileOf(w)
		if !ok || !IsTerminal(w) {
			return 0
		}
		if cols, _, err := term.GetSize(int(f.Fd())); err == nil && cols > 0 {
			return cols
		}
		return 0
	})
}

// fileOf is the file under w: w itself, or what a buffer in front of a
// file (a writer with an Unwrap method, as the command's buffered
// standard output) wraps, so buffering does not hide the terminal.
func fileOf(w io.Writer) (*os.File, bool) {
	for {
		switch v := w.(type) {
		case *os.File:
			return v, true
		case interface{ Unwrap() io.Writer }:
			w = v.Unwrap()
		default:
			return nil, false
		}
	}
}

// width decides Width from the COLUMNS variable and the terminal's own
// width (0 when not a terminal).
func width(columns string, terminalWidth func() int) int {
	if n, err := strconv.Atoi(strings.TrimSpace(columns)); err == nil && n > 0 {
		return n
	}
	return terminalWidth()
}

// Colour reports whether output to w gets ANSI colours: only on a
// terminal, and never when NO_COLOR is set to anything non-empty
// (https://no-color.org) or the user passed --no-color (off).
func Colour(w io.Writer, getenv func(string) string, off bool) bool {
	return colour(getenv("NO_COLOR"), off, func() bool { return IsTerminal(w) })
}

// colour decides Colour from NO_COLOR, --no-color and whether the output
// is a terminal (asked last: it may switch a Windows console's mode).
func colour(noColor string, off bool, isTerminal func() bool) bool {
	return !off && noColor == "" && isTerminal()
}
