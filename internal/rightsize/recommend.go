package rightsize

import (
	"fmt"
	"math"

	"github.com/ecs2fargate/ecs2fargate/internal/fargate"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// Recommendation is a service's Fargate size from its measured use,
// beside the size derived from its reservations.
type Recommendation struct {
	// Reservation is the cheapest valid size for what the task reserves
	// (the rewrite's default); ReservationOK is false when none is large
	// enough.
	Reservation   fargate.Size
	ReservationOK bool
	// Usage is the measured use per task, when there is any.
	Usage *fleet.TaskUsage
	// Need is p99 CPU and maximum memory plus headroom, raised where a
	// guard forbids going below the reservation; Size the cheapest valid
	// Fargate size for it. Both are zero when Withheld.
	Need, Size fargate.Size
	// Withheld says why no usage size is given (no data, too few days).
	Withheld []string
	// Flags are risks that stand beside the size: the resource they
	// concern is not sized below its reservation.
	Flags   []string
	Windows bool
}

// Recommended reports whether a usage size was given.
func (r Recommendation) Recommended() bool { return len(r.Withheld) == 0 && r.Size != (fargate.Size{}) }

// Recommend sizes one service from its metrics.
func Recommend(f *fleet.Fleet, s *fleet.Service, o Options) Recommendation {
	if s.TaskDef == nil {
		return Recommendation{Withheld: []string{"its task definition is not among the inputs"}}
	}
	td := &s.TaskDef.Def
	r := Recommendation{Windows: f.IsWindows(s.TaskDef)}
	r.Reservation, r.ReservationOK = fargate.Fit(fargate.NeedOf(td, o.ReservationMemoryHeadroomPct).Size, r.Windows)
	u, ok := s.ServiceUsage()
	if !ok {
		r.Withheld = append(r.Withheld, "no CloudWatch data (read with --aws --metrics-days, or pass a get-metric-data export)")
		return r
	}
	r.Usage = &u
	m := s.Metrics
	days := m.Days
	if m.DaysWithData != nil {
		days = *m.DaysWithData
	}
	if days < MinDays {
		r.Withheld = append(r.Withheld, fmt.Sprintf("%d days of data, fewer than %d", days, MinDays))
		return r
	}
	if m.DaysWithData != nil && *m.DaysWithData < m.Days {
		r.Flags = append(r.Flags, fmt.Sprintf("gaps: %d of %d days had data", *m.DaysWithData, m.Days))
	}
	reserved := fleet.Reservation(td)
	cpu, cpuOK := need(u.CPU, true, o.CPUHeadroomPct)
	mem, memOK := need(u.Memory, false, o.MemoryHeadroomPct)
	if !cpuOK {
		r.Flags = append(r.Flags, "CPU use unknown: CPU kept at the reservation")
		cpu = reserved.CPU
	}
	if !memOK {
		r.Flags = append(r.Flags, "memory use unknown: memory kept at the reservation")
		mem = reserved.Memory
	}
	if limit, ok := fleet.HardMemoryLimit(td); ok && u.Memory != nil && u.Memory.Max != nil && *u.Memory.Max >= 0.9*float64(limit) {
		r.Flags = append(r.Flags, fmt.Sprintf("memory maximum %.0f MiB is within 10 %% of the %d MiB hard limit: the service may be memory-starved now, so memory is not sized below the limit", *u.Memory.Max, limit))
		mem = max(mem, limit)
	}
	if limit, ok := fleet.CPULimit(td); ok && u.CPU != nil && u.CPU.Max != nil && *u.CPU.Max >= 0.95*float64(limit) {
		r.Flags = append(r.Flags, fmt.Sprintf("CPU maximum %.0f units is at the task's %d-unit limit: the service may be CPU-starved now, so CPU is not sized below the limit", *u.CPU.Max, limit))
		cpu = max(cpu, limit)
	}
	if ev, ok := fleet.HeapFromLimit(td); ok {
		r.Flags = append(r.Flags, "the runtime sizes its heap from the memory limit ("+ev+"): its measured memory follows the limit, so memory is not sized below the reservation")
		mem = max(mem, reserved.Memory)
	}
	r.Need = fargate.Size{CPU: cpu, Memory: mem}
	size, fits := fargate.Fit(r.Need, r.Windows)
	if !fits {
		r.Withheld = append(r.Withheld, fmt.Sprintf("no Fargate size holds %d CPU units and %d MiB", cpu, mem))
		r.Need = fargate.Size{}
		return r
	}
	r.Size = size
	return r
}

// need is p99 (CPU) or the maximum (memory) plus headroom, rounded up.
func need(f *fleet.Figures, cpu bool, headroomPct int) (int, bool) {
	if f == nil {
		return 0, false
	}
	v := f.Max
	if cpu && f.P99 != nil {
		v = f.P99
	}
	if v == nil {
		return 0, false
	}
	// Less a hair, so that 400 × 1.2 (480.00000000000006) is 480.
	return int(math.Ceil(*v*float64(100+headroomPct)/100 - 1e-9)), true
}
