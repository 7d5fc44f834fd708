//go:build !unix

package discover

import "time"

// cpuTime is 0 where getrusage(2) does not exist (Windows): the simulation
// then reports no CPU figure; its assertions do not use it.
func cpuTime() time.Duration { return 0 }
