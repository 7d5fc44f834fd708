package rewrite

import (
	"fmt"
	"strconv"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fargate"
)

// cpuRules and memoryRules are the sizing rules (their fix is
// analyzer.Fixer.TaskSize) in the order that names the rule a cpu or
// memory change is recorded under: the first that fired this round.
var cpuRules = []string{analyzer.RuleTaskCPURequired, analyzer.RuleTaskCPUBelowMin, analyzer.RuleWindowsSize, analyzer.RuleContainerCPUSum, analyzer.RuleCPUMemoryCombo}
var memoryRules = []string{analyzer.RuleTaskMemoryRequired, analyzer.RuleContainerMemorySum, analyzer.RuleWindowsSize, analyzer.RuleCPUMemoryCombo}

// sizeTask keeps a task size that is already a valid Fargate pair large
// enough for the containers (only writing it as the API's integer
// strings), and otherwise sets the cheapest pair for the need plus headroom.
// When no pair is large enough nothing changes: task-size-too-large or
// windows-size remains.
func (r *round) sizeTask() {
	r.sized = true
	def := &r.td.Def
	reserved := fargate.NeedOf(def, 0)
	cur, known := currentSize(def.Cpu, def.Memory)
	if known && fargate.Valid(cur, r.windows) && cur.CPU >= reserved.CPU && cur.Memory >= reserved.Memory {
		raw := r.top.Members("cpu", "memory")
		r.normalise("cpu", raw[0], cur.CPU)
		r.normalise("memory", raw[1], cur.Memory)
		return
	}
	need := fargate.NeedOf(def, r.opts.MemoryHeadroomPct)
	target, ok := fargate.Fit(need.Size, r.windows)
	if !ok {
		return
	}
	cpuRule, memRule := r.firstFired(cpuRules), r.firstFired(memoryRules)
	if memRule == analyzer.RuleCPUMemoryCombo && cpuRule != analyzer.RuleCPUMemoryCombo || memRule == "" {
		memRule = cpuRule
	}
	r.p.set(cpuRule, member("cpu"), strconv.Itoa(target.CPU), false, cpuMessage(target, reserved, r.windows))
	r.p.set(memRule, member("memory"), strconv.Itoa(target.Memory), false, memoryMessage(target, reserved, need, r.opts.MemoryHeadroomPct))
}

// normalise writes a valid size as the integer string the API returns
// ("1 vCPU" and bare numbers are accepted on input, not by every validator).
// raw is the field's value in the document (nil when absent).
func (r *round) normalise(field string, raw []byte, v int) {
	want := strconv.Quote(strconv.Itoa(v))
	if raw != nil && string(raw) != want {
		r.p.set(analyzer.RuleCPUMemoryCombo, member(field), strconv.Itoa(v), false,
			fmt.Sprintf("%s %s written as %s, the form RegisterTaskDefinition returns", field, raw, want))
	}
}

func (r *round) firstFired(ids []string) string {
	for _, id := range ids {
		if r.fired[id] {
			return id
		}
	}
	return analyzer.RuleCPUMemoryCombo
}

func currentSize(cpu, memory *string) (fargate.Size, bool) {
	if cpu == nil || memory == nil {
		return fargate.Size{}, false
	}
	c, err1 := fargate.ParseCPU(*cpu)
	m, err2 := fargate.ParseMemory(*memory)
	return fargate.Size{CPU: c, Memory: m}, err1 == nil && err2 == nil
}

func cpuMessage(t fargate.Size, reserved fargate.Need, windows bool) string {
	rows := "Fargate"
	if windows {
		rows = "Windows Fargate (1, 2 or 4 vCPU)"
	}
	msg := fmt.Sprintf("task cpu set to %d (%s vCPU): the cheapest %s size with at least %d cpu units (task-level %s, containers %d) and the memory below",
		t.CPU, vcpu(t.CPU), rows, reserved.CPU, orUnset(reserved.TaskCPU), reserved.ContainerCPU)
	if d := t.CPU - reserved.CPU; d > 0 {
		msg += fmt.Sprintf("; %d cpu units (%s vCPU) more than the task reserved on EC2", d, vcpu(d))
	}
	return msg
}

func memoryMessage(t fargate.Size, reserved, need fargate.Need, headroom int) string {
	msg := fmt.Sprintf("task memory set to %d MiB: the smallest valid memory for cpu %d covering a need of %d MiB (task-level %s, containers %d",
		t.Memory, t.CPU, reserved.Memory, orUnset(reserved.TaskMemory), reserved.ContainerMemory)
	if headroom > 0 {
		msg += fmt.Sprintf(", plus %d%% headroom = %d MiB", headroom, need.Memory)
	}
	msg += ")"
	if d := t.Memory - reserved.Memory; d > 0 {
		msg += fmt.Sprintf("; %d MiB more than the task reserved on EC2", d)
	}
	return msg
}

func vcpu(units int) string { return strconv.FormatFloat(float64(units)/1024, 'f', -1, 64) }

func orUnset(v int) string {
	if v == 0 {
		return "unset"
	}
	return strconv.Itoa(v)
}
