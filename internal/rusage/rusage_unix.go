//go:build unix

package rusage

import (
	"os"
	"runtime"
	"syscall"
	"time"
)

// SelfCPU is the CPU time this process has used so far.
func SelfCPU() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return cpu(&ru)
}

// Of is what the finished child ps used; false when the system gives no
// resource usage for it.
func Of(ps *os.ProcessState) (Usage, bool) {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return Usage{}, false
	}
	return Usage{CPU: cpu(ru), MaxRSS: maxRSSBytes(int64(ru.Maxrss))}, true
}

func cpu(ru *syscall.Rusage) time.Duration {
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// maxRSSBytes converts ru_maxrss, which macOS (and iOS) counts in bytes and
// Linux and the BSDs in kilobytes (getrusage(2) on each).
func maxRSSBytes(v int64) int64 {
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		return v
	}
	return v << 10
}
