package analyzer

import (
	"fmt"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/rightsize"
)

// measuredUse is a service's usage size and the figures behind it, for the
// reservation rules; ok is false when the service has no usage size (no
// data, too few days), which these rules then say nothing about.
type measuredUse struct {
	rec      rightsize.Recommendation
	reserved struct{ cpu, mem int }
	cpuP99   *float64 // per task, CPU units
	memMax   *float64 // per task, MiB
	days     int
}

func measure(s *Subject) (measuredUse, bool) {
	var m measuredUse
	// Most fleets carry no metrics: say nothing before any work.
	if s.Service == nil || s.Service.Metrics == nil || s.TaskDef == nil || onFargate(s.Svc()) {
		return m, false
	}
	m.rec = rightsize.Recommend(s.Fleet, s.Service, rightsize.DefaultOptions())
	if !m.rec.Recommended() {
		return m, false
	}
	m.days = s.Service.Metrics.Days
	r := fleet.Reservation(s.Def())
	m.reserved.cpu, m.reserved.mem = r.CPU, r.Memory
	if u := m.rec.Usage; u != nil {
		if u.CPU != nil {
			m.cpuP99 = u.CPU.P99
			if m.cpuP99 == nil {
				m.cpuP99 = u.CPU.Max
			}
		}
		if u.Memory != nil {
			m.memMax = u.Memory.Max
		}
	}
	return m, true
}

// share is v as a percentage of of; ok is false when either is unknown.
func share(v *float64, of int) (float64, bool) {
	if v == nil || of <= 0 {
		return 0, false
	}
	return *v * 100 / float64(of), true
}

// figures describes the measured use against the reservation.
func (m measuredUse) figures() string {
	cpu, mem := "unknown", "unknown"
	if p, ok := share(m.cpuP99, m.reserved.cpu); ok {
		cpu = fmt.Sprintf("%.0f of %d reserved units (%.0f %%)", *m.cpuP99, m.reserved.cpu, p)
	} else if m.cpuP99 != nil {
		cpu = fmt.Sprintf("%.0f units (none reserved)", *m.cpuP99)
	}
	if p, ok := share(m.memMax, m.reserved.mem); ok {
		mem = fmt.Sprintf("%.0f of %d reserved MiB (%.0f %%)", *m.memMax, m.reserved.mem, p)
	}
	return fmt.Sprintf("p99 CPU %s, max memory %s over %d days (%s)", cpu, mem, m.days, m.rec.Usage.Source)
}
