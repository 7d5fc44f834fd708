package rightsize

import (
	"strings"
	"testing"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecs2fargate/ecs2fargate/internal/fargate"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/ptr"
)

func f64(v float64) *float64 { return &v }

// service: task-level 1024 CPU / 4096 MiB hard, one nginx container.
func service(td ecstypes.TaskDefinition, m *fleet.ServiceMetrics) *fleet.Service {
	if td.ContainerDefinitions == nil {
		td.ContainerDefinitions = []ecstypes.ContainerDefinition{{Name: ptr.To("web"), Image: ptr.To("nginx:1.27")}}
	}
	return &fleet.Service{TaskDef: &fleet.TaskDefinition{Def: td}, Metrics: m}
}

func taskSize(cpu, mem string) ecstypes.TaskDefinition {
	return ecstypes.TaskDefinition{Cpu: ptr.To(cpu), Memory: ptr.To(mem)}
}

func metrics(days, withData int, cpuMax, cpuP99, memMax float64) *fleet.ServiceMetrics {
	return &fleet.ServiceMetrics{Days: days, DaysWithData: ptr.To(withData), CPUMax: f64(cpuMax), CPUP99: f64(cpuP99), MemoryMax: f64(memMax)}
}

// By hand: p99 20 % of 1024 = 204.8, + 30 % = 266.24 → 267 units; memory
// max 25 % of 4096 = 1024, + 20 % = 1228.8 → 1229 MiB. The cheapest valid
// Linux size holding 267 units is the 512 row, 2048 MiB; reservation:
// 1024/4096 as declared.
func TestRecommendByHand(t *testing.T) {
	r := Recommend(&fleet.Fleet{}, service(taskSize("1024", "4096"), metrics(14, 14, 40, 20, 25)), DefaultOptions())
	if !r.Recommended() || r.Need != (fargate.Size{CPU: 267, Memory: 1229}) || r.Size != (fargate.Size{CPU: 512, Memory: 2048}) ||
		r.Reservation != (fargate.Size{CPU: 1024, Memory: 4096}) || len(r.Flags) != 0 {
		t.Errorf("%+v", r)
	}
}

// Windows: the same need fits only the 1024 row (Windows starts there).
func TestRecommendWindowsTable(t *testing.T) {
	td := taskSize("1024", "4096")
	td.RuntimePlatform = &ecstypes.RuntimePlatform{OperatingSystemFamily: ecstypes.OSFamilyWindowsServer2022Core}
	r := Recommend(&fleet.Fleet{}, service(td, metrics(14, 14, 40, 20, 25)), DefaultOptions())
	if !r.Windows || r.Size != (fargate.Size{CPU: 1024, Memory: 2048}) {
		t.Errorf("%+v", r)
	}
}

func TestRecommendGuards(t *testing.T) {
	cases := []struct {
		name     string
		svc      *fleet.Service
		withheld string
		flag     string
		size     fargate.Size
	}{
		{"no data", service(taskSize("1024", "4096"), nil), "no CloudWatch data", "", fargate.Size{}},
		{"fewer than 7 days", service(taskSize("1024", "4096"), metrics(14, 6, 40, 20, 25)), "6 days of data, fewer than 7", "", fargate.Size{}},
		// 10 of 14 days: flagged, still sized.
		{"gaps", service(taskSize("1024", "4096"), metrics(14, 10, 40, 20, 25)), "", "gaps: 10 of 14 days had data", fargate.Size{CPU: 512, Memory: 2048}},
		// memory max 92 % of the 4096 hard limit (3768.32 MiB, + 20 % =
		// 4522): flagged, and here larger than the limit: 1024/5120.
		{"memory near the hard limit", service(taskSize("1024", "4096"), metrics(14, 14, 40, 20, 92)), "", "within 10 % of the 4096 MiB hard limit", fargate.Size{CPU: 1024, Memory: 5120}},
		// 91 % (3727.36) with 0 % memory headroom
		// would be 3728; the guard keeps it at the 4096 limit.
		{"memory near the hard limit, no headroom", service(taskSize("1024", "4096"), metrics(14, 14, 40, 20, 91)), "", "memory-starved", fargate.Size{CPU: 512, Memory: 4096}},
		// CPU max 98 % of the task-level 1024: CPU stays ≥ 1024.
		{"CPU pinned at its limit", service(taskSize("1024", "4096"), metrics(14, 14, 98, 20, 25)), "", "at the task's 1024-unit limit", fargate.Size{CPU: 1024, Memory: 2048}},
		// A JVM: memory not below the 4096 reserved.
		{"JVM sizes its heap from the limit", service(ecstypes.TaskDefinition{Cpu: ptr.To("1024"), Memory: ptr.To("4096"),
			ContainerDefinitions: []ecstypes.ContainerDefinition{{Name: ptr.To("app"), Image: ptr.To("eclipse-temurin:21-jre")}}}, metrics(14, 14, 40, 20, 25)),
			"", "sizes its heap from the memory limit (container app runs image eclipse-temurin:21-jre", fargate.Size{CPU: 512, Memory: 4096}},
		{"JAVA_TOOL_OPTIONS", service(ecstypes.TaskDefinition{Cpu: ptr.To("1024"), Memory: ptr.To("4096"),
			ContainerDefinitions: []ecstypes.ContainerDefinition{{Name: ptr.To("app"), Image: ptr.To("example/app:1"),
				Environment: []ecstypes.KeyValuePair{{Name: ptr.To("JAVA_TOOL_OPTIONS"), Value: ptr.To("-XX:MaxRAMPercentage=75")}}}}}, metrics(14, 14, 40, 20, 25)),
			"", "container app sets JAVA_TOOL_OPTIONS", fargate.Size{CPU: 512, Memory: 4096}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := DefaultOptions()
			if strings.HasSuffix(c.name, "no headroom") {
				o.MemoryHeadroomPct = 0
			}
			r := Recommend(&fleet.Fleet{}, c.svc, o)
			if c.withheld != "" {
				if r.Recommended() || !strings.Contains(strings.Join(r.Withheld, "; "), c.withheld) {
					t.Errorf("withheld %q, want %q", r.Withheld, c.withheld)
				}
				return
			}
			if !r.Recommended() || r.Size != c.size || !strings.Contains(strings.Join(r.Flags, "; "), c.flag) {
				t.Errorf("size %+v flags %q, want %+v and %q", r.Size, r.Flags, c.size, c.flag)
			}
		})
	}
}
