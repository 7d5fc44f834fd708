package rightsize

import "fmt"

// Defaults for Options. CPU is sized from the 99th percentile plus 30 %:
// on Fargate a task cannot borrow idle host CPU beyond its size (on EC2
// container cpu is only a share), so the p99 minute should sit at about
// 77 % of the size, the 70-80 % that target-tracking scaling policies
// usually aim for. Memory is sized from the maximum plus 20 %: a task
// whose memory passes its size is stopped, and one-minute samples miss
// shorter peaks.
const (
	DefaultCPUHeadroomPct    = 30
	DefaultMemoryHeadroomPct = 20
	// MinDays is the least days of data a recommendation is made from: a
	// week holds one of each weekday's peaks.
	MinDays = 7
)

// Options are the headrooms added to the measured use, in percent.
type Options struct {
	CPUHeadroomPct    int
	MemoryHeadroomPct int
	// ReservationMemoryHeadroomPct is added to the reserved memory for the
	// reservation-derived size, as the rewrite does (--memory-headroom).
	ReservationMemoryHeadroomPct int
}

// DefaultOptions returns the documented defaults.
func DefaultOptions() Options {
	return Options{CPUHeadroomPct: DefaultCPUHeadroomPct, MemoryHeadroomPct: DefaultMemoryHeadroomPct}
}

// Validate checks the CPU headroom is in [0, 400] and the memory headroom
// in [0, 100] (the range --memory-headroom has for the reservation size,
// which shares the flag).
func (o Options) Validate() error {
	if o.CPUHeadroomPct < 0 || o.CPUHeadroomPct > 400 {
		return fmt.Errorf("cpu headroom %d%% is outside [0, 400]", o.CPUHeadroomPct)
	}
	if o.MemoryHeadroomPct < 0 || o.MemoryHeadroomPct > 100 {
		return fmt.Errorf("memory headroom %d%% is outside [0, 100]", o.MemoryHeadroomPct)
	}
	return nil
}
