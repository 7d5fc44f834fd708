//go:build unix && !linux

package atomicfile

import "io/fs"

// processUmask is not known here without setting it (umask(2) has no
// read-only form): the caller sets the mode itself.
func processUmask() (fs.FileMode, bool) { return 0, false }
