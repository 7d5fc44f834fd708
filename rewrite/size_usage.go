package rewrite

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/fargate"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/rightsize"
)

// Size sources (Options.SizeFrom).
const (
	SizeFromReservation = "reservation"
	SizeFromUsage       = "usage"
)

// UsageSizeRuleID names the changes --size-from usage makes.
const UsageSizeRuleID = "size-from-usage"

// usageSize is the size --size-from usage gives the task definition: the
// largest of its services' recommendations (a definition serves them all),
// raised to hold the containers' own cpu and memory (the API rejects a task
// smaller than its containers). ok is false, with the reason, when any
// service has no recommendation: the reservation size stands then.
type usageSize struct {
	size fargate.Size
	why  string
}

func usageSizeOf(f *fleet.Fleet, td *fleet.TaskDefinition, services []*fleet.Service, o rightsize.Options, windows bool) (*usageSize, string) {
	if len(services) == 0 {
		return nil, "no service runs it, so there is no measured use"
	}
	var need fargate.Size
	var figures []string
	for _, s := range services {
		r := rightsize.Recommend(f, s, o)
		if !r.Recommended() {
			return nil, fmt.Sprintf("service %s has no usage size (%s)", s.Name(), strings.Join(r.Withheld, "; "))
		}
		need.CPU, need.Memory = max(need.CPU, r.Size.CPU), max(need.Memory, r.Size.Memory)
		figures = append(figures, describeRecommendation(s.Name(), r, o))
	}
	containers := fargate.NeedOf(&td.Def, 0)
	raised := ""
	if containers.ContainerCPU > need.CPU || containers.ContainerMemory > need.Memory {
		raised = fmt.Sprintf("; raised to hold the containers' own cpu (%d) and memory (%d MiB): lower those to size further", containers.ContainerCPU, containers.ContainerMemory)
		need.CPU, need.Memory = max(need.CPU, containers.ContainerCPU), max(need.Memory, containers.ContainerMemory)
	}
	size, ok := fargate.Fit(need, windows)
	if !ok {
		return nil, fmt.Sprintf("no Fargate size holds %d cpu units and %d MiB", need.CPU, need.Memory)
	}
	return &usageSize{size: size, why: strings.Join(figures, "; ") + raised}, ""
}

// describeRecommendation gives the figures behind one service's size.
func describeRecommendation(name string, r rightsize.Recommendation, o rightsize.Options) string {
	u := r.Usage
	msg := fmt.Sprintf("service %s from %s: p99 CPU %s units + %d%%, max memory %s MiB + %d%% → %d/%d",
		name, u.Source, figure(u.CPU, true), o.CPUHeadroomPct, figure(u.Memory, false), o.MemoryHeadroomPct, r.Size.CPU, r.Size.Memory)
	if len(r.Flags) > 0 {
		msg += " (" + strings.Join(r.Flags, "; ") + ")"
	}
	return msg
}

func figure(f *fleet.Figures, p99 bool) string {
	if f == nil {
		return "unknown"
	}
	v := f.Max
	if p99 && f.P99 != nil {
		v = f.P99
	}
	if v == nil {
		return "unknown"
	}
	return strconv.FormatFloat(*v, 'f', 0, 64)
}

// usageSizeStep sets the usage size; it reports whether it did (or the
// document has it already).
func usageSizeStep(r *round) bool {
	u := r.usage
	if u == nil {
		return false
	}
	cur, known := currentSize(r.td.Def.Cpu, r.td.Def.Memory)
	if known && cur == u.size {
		return true
	}
	r.p.set(UsageSizeRuleID, member("cpu"), strconv.Itoa(u.size.CPU), false,
		fmt.Sprintf("task cpu set to %d (%s vCPU) from measured use (--size-from usage): %s", u.size.CPU, vcpu(u.size.CPU), u.why))
	r.p.set(UsageSizeRuleID, member("memory"), strconv.Itoa(u.size.Memory), false,
		fmt.Sprintf("task memory set to %d MiB from measured use (--size-from usage)", u.size.Memory))
	return true
}

// sizeSource decides the usage size for --size-from usage, and says in the
// remaining items which source the size came from wherever measured use is
// known: a usage size withheld, or, with the default reservation source, the
// usage size the figures would give.
func sizeSource(f *fleet.Fleet, td *fleet.TaskDefinition, services []*fleet.Service, o Options, windows bool, notes []Remaining) (*usageSize, []Remaining) {
	measured := false
	for _, s := range services {
		measured = measured || s.Metrics != nil
	}
	if !measured && o.SizeFrom != SizeFromUsage {
		return nil, notes
	}
	u, why := usageSizeOf(f, td, services, o.Rightsize, windows)
	switch {
	case o.SizeFrom == SizeFromUsage && u == nil:
		notes = append(notes, Remaining{RuleID: UsageSizeRuleID, Severity: "info",
			Message: "--size-from usage: sized from reservations instead, because " + why})
	case o.SizeFrom != SizeFromUsage && u != nil:
		notes = append(notes, Remaining{RuleID: UsageSizeRuleID, Severity: "info",
			Message: fmt.Sprintf("sized from reservations (--size-from reservation); measured use gives %d/%d (%s): --size-from usage writes it", u.size.CPU, u.size.Memory, u.why)})
		u = nil
	case o.SizeFrom != SizeFromUsage:
		u = nil
	}
	return u, notes
}
