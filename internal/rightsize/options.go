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

// Validate checks the headrooms are in [0, 400].
func (o Options) Validate() error {
	for _, h := range []struct {
		name string
		v    int
	}{{"cpu headroom", o.CPUHeadroomPct}, {"memory headroom", o.MemoryHeadroomPct}} {
		if h.v < 0 || h.v > 400 {
			return fmt.Errorf("%s %d%% is outside [0, 400]", h.name, h.v)
		}
	}
	return nil
}
