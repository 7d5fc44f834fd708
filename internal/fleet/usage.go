package fleet

import "fmt"

// Usage sources.
const (
	UsageFromInsights    = "Container Insights (CpuUtilized, MemoryUtilized)"
	UsageFromUtilisation = "AWS/ECS (CPUUtilization, MemoryUtilization)"
)

// Figures are a resource's maximum, 99th percentile and average over the
// window, per task; nil where CloudWatch had no value.
type Figures struct {
	Max     *float64 `json:"max,omitempty"`
	P99     *float64 `json:"p99,omitempty"`
	Average *float64 `json:"average,omitempty"`
}

// TaskUsage is what one task of a service used over the metrics window,
// in CPU units and MiB.
type TaskUsage struct {
	Source string
	// CPU in CPU units and Memory in MiB; nil where no sound conversion
	// exists (Notes says why).
	CPU, Memory *Figures
	Notes       []string
}

// ServiceUsage converts the service's metrics to absolute figures per task.
//
// Container Insights is preferred: CpuUtilized and MemoryUtilized are
// absolute already, but they total the service's running tasks, so they
// are divided by the average running task count. For a service that
// scales out under load that overstates a task's peak (the peak total
// fell on more tasks than the average), which errs towards a larger size.
//
// Otherwise AWS/ECS CPUUtilization and MemoryUtilization are percentages
// of what each task reserves, Maximum being the busiest single task
// (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service_utilization.html):
// figure × Reservation / 100. A task that reserves no CPU has no
// denominator, so its CPU is not converted. Soft memory limits are what
// the task reserves, so memory above 100 % is real use beyond them, and
// converts like any other figure.
func (s *Service) ServiceUsage() (TaskUsage, bool) {
	m := s.Metrics
	if m == nil || s.TaskDef == nil {
		return TaskUsage{}, false
	}
	if ins := m.Insights; ins != nil && m.TasksAverage != nil && *m.TasksAverage > 0 {
		per := func(v *float64) *float64 {
			if v == nil {
				return nil
			}
			x := *v / *m.TasksAverage
			return &x
		}
		u := TaskUsage{Source: UsageFromInsights,
			CPU:    figures(per(ins.CPUMax), per(ins.CPUP99), per(ins.CPUAverage)),
			Memory: figures(per(ins.MemoryMax), per(ins.MemoryP99), per(ins.MemoryAverage))}
		u.Notes = append(u.Notes, fmt.Sprintf("service totals divided by %.2f average running tasks", *m.TasksAverage))
		return u, u.CPU != nil || u.Memory != nil
	}
	r := Reservation(&s.TaskDef.Def)
	u := TaskUsage{Source: UsageFromUtilisation}
	scale := func(v *float64, of int) *float64 {
		if v == nil {
			return nil
		}
		x := *v * float64(of) / 100
		return &x
	}
	if r.CPU > 0 {
		u.CPU = figures(scale(m.CPUMax, r.CPU), scale(m.CPUP99, r.CPU), scale(m.CPUAverage, r.CPU))
	} else {
		u.Notes = append(u.Notes, "the task reserves no CPU, so CPUUtilization (a percentage of the reservation) cannot be converted to CPU units: turn Container Insights on to measure it")
	}
	if r.Memory > 0 {
		u.Memory = figures(scale(m.MemoryMax, r.Memory), scale(m.MemoryP99, r.Memory), scale(m.MemoryAverage, r.Memory))
	}
	return u, u.CPU != nil || u.Memory != nil
}

func figures(max, p99, avg *float64) *Figures {
	if max == nil && p99 == nil && avg == nil {
		return nil
	}
	return &Figures{Max: max, P99: p99, Average: avg}
}
