// Linux only, on purpose: it tests umask_linux.go, which reads
// /proc/self/status.
package atomicfile

import (
	"io/fs"
	"testing"
)

// What Commit compares the mode with: the Umask line of /proc/self/status.
func TestUmaskOfStatus(t *testing.T) {
	for _, c := range []struct {
		status string
		mask   fs.FileMode
		known  bool
	}{
		{"Name:\tx\nUmask:\t0022\nState:\tR\n", 0o022, true},
		{"Umask:\t0077\n", 0o077, true},
		{"Umask:\t0000\n", 0, true},
		{"Name:\tx\n", 0, false},      // before Linux 4.7
		{"Umask:\tzz\n", 0, false},    // not octal
		{"Umask:\t01777\n", 0, false}, // not a mask
	} {
		mask, known := umaskOfStatus([]byte(c.status))
		if mask != c.mask || known != c.known {
			t.Errorf("%q: %v %v, want %v %v", c.status, mask, known, c.mask, c.known)
		}
	}
}

func TestUmaskIsKnown(t *testing.T) {
	if _, known := processUmask(); !known {
		t.Error("the umask is not read from /proc/self/status")
	}
}
