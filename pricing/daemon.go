package pricing

import (
	"fmt"

	"github.com/ecs2fargate/ecs2fargate/internal/fargate"
)

// daemonAfter prices a DAEMON service's work after the move. Fargate has
// no hosts to run one task per host on, so the work goes into each task of
// the cluster's services that move: as a sidecar, which costs the rise of
// each such task's Fargate price once the daemon's cpu and memory are added
// to its need (sizes are rounded up to a valid pair, so a small sidecar can
// cost a whole size step, or nothing where the task has room); or into a
// managed feature (Container Insights, FireLens) that takes no room in the
// task, priced at zero here (its CloudWatch charges are not in the
// figures). On the hosts that stay, the daemon keeps running: its share
// there is in the stay cost of the services that stay (stayShare).
func (m *model) daemonAfter(d *ServiceCost, services []*ServiceCost) Variants {
	if d.DaemonPlan.Feature != "" {
		return allOf(Zero)
	}
	total := allOf(Zero)
	for _, s := range services {
		if !s.Moves() || s.Daemon || s.Cluster != d.Cluster {
			continue
		}
		total = total.zip(m.sidecar(d, s), plusRise)
	}
	return total
}

// plusRise adds a sidecar's rise to a daemon's total. Most sidecars fit in
// their task's room and rise by zero: such a rise adds only its notes
// (the value is the same, and a decimal sum would allocate).
func plusRise(total, rise Money) Money {
	if rise.amount.IsZero() {
		total.notes = total.notes.join(rise.notes)
		return total
	}
	return total.Add(rise)
}

// sidecar is what adding the daemon d as a sidecar to every task of s adds
// to s's Fargate price under each option.
func (m *model) sidecar(d, s *ServiceCost) Variants {
	need := fargate.Size{CPU: s.Need.CPU + d.daemonNeed.CPU, Memory: s.Need.Memory + d.daemonNeed.Memory}
	size, ok := fargate.Fit(need, s.Platform == Windows)
	if !ok {
		return allOf(Unknown(fmt.Sprintf("%s/%s with %s as a sidecar needs %d CPU units and %d MiB, more than the largest Fargate task",
			s.Cluster, s.Service, d.Service, need.CPU, need.Memory)))
	}
	// s.Fargate is the price of s's shape wherever s has a size; a
	// daemon's sidecar steps the same shapes in every cluster, so each
	// step is priced once (shape.go).
	if from, ok := shapeOf(s); ok && s.Size != (fargate.Size{}) {
		return remembered(&m.prices.mu, m.prices.bySteps, step{from, size}, func() Variants { return m.rise(s, size) })
	}
	return m.rise(s, size)
}

// rise is what s costs more at size than at its own size.
func (m *model) rise(s *ServiceCost, size fargate.Size) Variants {
	if size == s.Size {
		// The task has room for the sidecar: its price does not change
		// (the difference is zero, keeping s's unknowns and caveats).
		return s.Fargate.zip(*s.Fargate, Money.Sub)
	}
	with := *s
	with.Size = size
	return m.variants(&with).zip(*s.Fargate, Money.Sub)
}
