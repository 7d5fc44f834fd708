package analyzer

import (
	"maps"
	"slices"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// RuleSystemControls is the ID of the rule below, for code that refers to it.
const RuleSystemControls = "system-controls"

var systemControls = Rule{
	ID:       RuleSystemControls,
	Scope:    ScopeTask,
	Severity: Blocker,
	Also:     []Severity{Fixable, Warning},
	Title:    "Only namespaced sysctls (net.*, IPC) can be set on Fargate",
	Rationale: "Fargate Linux (platform version 1.4.0+) accepts `systemControls` for the network namespace (net.*) and the IPC namespace " +
		"(kernel.msg*, kernel.sem, kernel.shm*, fs.mqueue.*). Other kernel parameters such as vm.max_map_count are host-wide and cannot be set. " +
		"In awsvpc a net.* sysctl set on one container applies to the whole task, and if containers set different values the last one started wins. " +
		"Windows containers do not support `systemControls` at all.",
	Remediation: "Keep namespaced sysctls, giving every container the same net.* values. For host-wide ones, make the application work without them " +
		"(e.g. Elasticsearch with mmap disabled) or keep it on EC2. On Windows the rewrite removes the field.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_SystemControl.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
	},
	Fallback: "stay on EC2 (set the kernel parameter on the host) or move to ECS Managed Instances",
	Check:    checkSystemControls,
	Fix:      removeField,
}

// ipcSysctls are the IPC-namespace kernel parameters besides fs.mqueue.*.
var ipcSysctls = map[string]bool{
	"kernel.msgmax": true, "kernel.msgmnb": true, "kernel.msgmni": true, "kernel.sem": true,
	"kernel.shmall": true, "kernel.shmmax": true, "kernel.shmmni": true, "kernel.shm_rmid_forced": true,
}

// sysctlNamespaced reports whether a kernel parameter belongs to the
// network or IPC namespace, which a container may set on Fargate.
func sysctlNamespaced(name string) bool {
	name = strings.ToLower(strings.TrimSpace(name))
	return strings.HasPrefix(name, "net.") || strings.HasPrefix(name, "fs.mqueue.") || ipcSysctls[name]
}

func checkSystemControls(s *Subject) []Finding {
	def := s.Def()
	if def == nil {
		return nil
	}
	windows := s.Windows()
	// values[namespace] = distinct values the task's containers give a net.*
	// sysctl, which awsvpc applies task-wide
	values := map[string]map[string]bool{}
	for _, c := range def.ContainerDefinitions {
		for _, sc := range c.SystemControls {
			ns := ptr.Value(sc.Namespace)
			if !isNetSysctl(ns) {
				continue // IPC sysctls stay per container: Fargate has no ipcMode task
			}
			if values[ns] == nil {
				values[ns] = map[string]bool{}
			}
			values[ns][ptr.Value(sc.Value)] = true
		}
	}
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		out := s.findings()
		for i, sc := range c.SystemControls {
			ns, val := ptr.Value(sc.Namespace), ptr.Value(sc.Value)
			p := at(path, idx("systemControls", i))
			switch {
			case windows:
				out = append(out, Flag(p, ns, "sysctl %s is not supported for Windows containers and is removed", ns).As(Fixable))
			case !sysctlNamespaced(ns):
				out = append(out, Flag(p, ns, "%s is not a namespaced kernel parameter, so a Fargate container cannot set it", ns))
			case len(values[ns]) > 1:
				out = append(out, Flag(p, ns, "%s = %s is set to different values by containers of this task (%s); in awsvpc one value applies to all containers and the last started wins",
					ns, val, quoteList(slices.Sorted(maps.Keys(values[ns])))).As(Warning))
			case isNetSysctl(ns):
				out = append(out, Flag(p, ns, "%s = %s is kept (Fargate Linux, platform version 1.4.0+); in awsvpc it applies to every container of the task", ns, val).As(Warning))
			default:
				out = append(out, Flag(p, ns, "IPC sysctl %s = %s is kept (Fargate Linux, platform version 1.4.0+)", ns, val).As(Warning))
			}
		}
		return out
	})
}

// isNetSysctl reports whether a kernel parameter is in the network namespace.
func isNetSysctl(name string) bool {
	return strings.HasPrefix(strings.ToLower(strings.TrimSpace(name)), "net.")
}
