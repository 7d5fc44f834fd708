//go:build unix

package discover

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time the test process has used (user and system),
// from getrusage(2).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
