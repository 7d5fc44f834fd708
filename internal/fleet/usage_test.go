package fleet

import (
	"strings"
	"testing"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"
)

func f64(v float64) *float64 { return &v }

func container(cpu int32, hard, soft *int32) ecstypes.ContainerDefinition {
	return ecstypes.ContainerDefinition{Name: ptr.To("c"), Cpu: cpu, Memory: hard, MemoryReservation: soft}
}

// Each conversion rule by hand: figure × per-task reservation / 100.
func TestServiceUsageConversionRules(t *testing.T) {
	metrics := &ServiceMetrics{Days: 14, CPUMax: f64(150), CPUP99: f64(80), CPUAverage: f64(40),
		MemoryMax: f64(120), MemoryP99: f64(90), MemoryAverage: f64(50)}
	cases := []struct {
		name                  string
		td                    ecstypes.TaskDefinition
		cpuMax, cpuP99, memMx float64 // -1: not converted
	}{
		// task-level cpu 1024: 150 % of 1024 = 1536, 80 % = 819.2;
		// task-level memory 2048: 120 % = 2457.6.
		{"task-level cpu and memory", ecstypes.TaskDefinition{Cpu: ptr.To("1024"), Memory: ptr.To("2048"),
			ContainerDefinitions: []ecstypes.ContainerDefinition{container(256, ptr.To[int32](512), nil)}}, 1536, 819.2, 2457.6},
		// container cpu 256 + 256 = 512: 150 % = 768, 80 % = 409.6;
		// hard limits 512 + 256 = 768: 120 % = 921.6.
		{"container-level cpu only, hard memory", ecstypes.TaskDefinition{ContainerDefinitions: []ecstypes.ContainerDefinition{
			container(256, ptr.To[int32](512), nil), container(256, ptr.To[int32](256), nil)}}, 768, 409.6, 921.6},
		// soft limit 300 before the hard 1000 (what ECS reserves): 120 % of 300 = 360.
		{"soft memory limit", ecstypes.TaskDefinition{ContainerDefinitions: []ecstypes.ContainerDefinition{
			container(128, ptr.To[int32](1000), ptr.To[int32](300))}}, 192, 102.4, 360},
		// no cpu anywhere: CPU not converted; memory 512 soft only: 614.4.
		{"no cpu reserved", ecstypes.TaskDefinition{ContainerDefinitions: []ecstypes.ContainerDefinition{
			container(0, nil, ptr.To[int32](512))}}, -1, -1, 614.4},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := &Service{TaskDef: &TaskDefinition{Def: c.td}, Metrics: metrics}
			u, ok := s.ServiceUsage()
			if !ok || u.Source != UsageFromUtilisation {
				t.Fatalf("usage %+v ok %v", u, ok)
			}
			if c.cpuMax < 0 {
				if u.CPU != nil || len(u.Notes) == 0 || !strings.Contains(u.Notes[0], "reserves no CPU") {
					t.Errorf("cpu %+v notes %q: want no conversion, said why", u.CPU, u.Notes)
				}
			} else if u.CPU == nil || !near(*u.CPU.Max, c.cpuMax) || !near(*u.CPU.P99, c.cpuP99) {
				t.Errorf("cpu %+v, want max %v p99 %v", u.CPU, c.cpuMax, c.cpuP99)
			}
			if u.Memory == nil || !near(*u.Memory.Max, c.memMx) {
				t.Errorf("memory %+v, want max %v", u.Memory, c.memMx)
			}
		})
	}
}

// Container Insights wins where present: totals over 2.5 average tasks.
func TestServiceUsagePrefersContainerInsights(t *testing.T) {
	m := &ServiceMetrics{Days: 14, CPUMax: f64(99), MemoryMax: f64(99), TasksAverage: f64(2.5),
		Insights: &InsightsMetrics{CPUMax: f64(1000), CPUP99: f64(500), MemoryMax: f64(2500), MemoryP99: f64(2000)}}
	s := &Service{TaskDef: &TaskDefinition{Def: ecstypes.TaskDefinition{ContainerDefinitions: []ecstypes.ContainerDefinition{
		container(0, ptr.To[int32](2048), nil)}}}, Metrics: m}
	u, ok := s.ServiceUsage()
	if !ok || u.Source != UsageFromInsights || !near(*u.CPU.Max, 400) || !near(*u.CPU.P99, 200) || !near(*u.Memory.Max, 1000) {
		t.Errorf("usage %+v cpu %+v mem %+v", u, u.CPU, u.Memory)
	}
}

func TestHardMemoryLimitAndCPULimit(t *testing.T) {
	soft := ecstypes.TaskDefinition{ContainerDefinitions: []ecstypes.ContainerDefinition{container(0, ptr.To[int32](512), nil), container(0, nil, ptr.To[int32](64))}}
	if _, ok := HardMemoryLimit(&soft); ok {
		t.Error("a container with only a soft limit leaves the task without a hard limit")
	}
	hard := ecstypes.TaskDefinition{ContainerDefinitions: []ecstypes.ContainerDefinition{container(0, ptr.To[int32](512), ptr.To[int32](256)), container(0, ptr.To[int32](256), nil)}}
	if v, ok := HardMemoryLimit(&hard); !ok || v != 768 {
		t.Errorf("hard limit %d %v, want 768", v, ok)
	}
	if _, ok := CPULimit(&hard); ok {
		t.Error("container cpu is a share, not a limit")
	}
	if v, ok := CPULimit(&ecstypes.TaskDefinition{Cpu: ptr.To("1 vCPU")}); !ok || v != 1024 {
		t.Errorf("cpu limit %d %v", v, ok)
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }
