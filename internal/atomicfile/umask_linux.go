// Linux only, on purpose: the umask is read from /proc/self/status, which
// only Linux has. Its pair for the other Unix systems is umask_other.go
// (the mode is then always set by fchmod); Windows has no umask
// (tempfile_other.go).
package atomicfile

import (
	"bufio"
	"bytes"
	"io/fs"
	"os"
	"strconv"
	"sync"
)

// processUmask is the process's file mode creation mask, from the Umask
// line of /proc/self/status (Linux 4.7 and later): umask(2) has no
// read-only form, and setting it to read it would race with the files
// other goroutines create. Not known: the caller sets the mode itself.
var processUmask = sync.OnceValues(func() (fs.FileMode, bool) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, false
	}
	return umaskOfStatus(b)
})

func umaskOfStatus(status []byte) (fs.FileMode, bool) {
	s := bufio.NewScanner(bytes.NewReader(status))
	for s.Scan() {
		if v, ok := bytes.CutPrefix(s.Bytes(), []byte("Umask:")); ok {
			m, err := strconv.ParseUint(string(bytes.TrimSpace(v)), 8, 32)
			if err != nil || m > 0o777 {
				return 0, false
			}
			return fs.FileMode(m), true
		}
	}
	return 0, false
}
