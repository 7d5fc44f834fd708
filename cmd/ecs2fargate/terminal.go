package main

import (
	"io"
	"os"

	"golang.org/x/term"
)

// isTerminal reports whether w is a terminal that understands the ANSI
// sequences the progress line redraws itself with ("\r\033[K"). A file,
// a pipe or the null device is not one (a character device is not
// enough: /dev/null and Windows' NUL are character devices too).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return false
	}
	return enableANSI(f)
}
