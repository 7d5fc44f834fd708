//go:build !unix

package rusage

import (
	"os"
	"time"
)

// SelfCPU is 0: there is no getrusage(2) here.
func SelfCPU() time.Duration { return 0 }

// Of reports false: there is no getrusage(2) here.
func Of(*os.ProcessState) (Usage, bool) { return Usage{}, false }
