// Package rusage reads the CPU time and peak resident memory the kernel
// counts for this process and for a finished child (getrusage(2)), for the
// benchmarks and the memory-bound test, which measure commands as a user
// runs them. Where getrusage does not exist (Windows) it reports nothing.
package rusage

import "time"

// Usage is what a process used.
type Usage struct {
	CPU    time.Duration // user and system time, all threads together
	MaxRSS int64         // peak resident memory, in bytes
}
