package analyzer

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	"github.com/ecs2fargate/ecs2fargate/internal/fargate"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// sizeHeadroomPct is the memory headroom the size rules add to a task's
// need. It is 0 so that a task definition that already names a valid
// Fargate size keeps it; the rewrite must use the same value.
const sizeHeadroomPct = 0

// windowsTask reports whether the task is a Windows task: it declares a
// Windows OS family, or every container instance it ran on runs Windows
// (EC2 Windows task definitions often declare no family; the rewrite adds
// the one the instances report, see runtime-platform-windows).
func windowsTask(s *Subject) bool {
	if s.Windows() {
		return true
	}
	if fam := osFamily(s.Def()); fam != "" {
		return false // declared LINUX
	}
	ev := hostsOf(s)
	return soleKey(ev.OSTypes) == "windows" || len(ev.OSTypes) == 0 && strings.HasPrefix(soleKey(ev.Families), "WINDOWS")
}

// taskNeed is what the task definition asks for, as the rewrite and the
// cost model compute it.
func taskNeed(s *Subject) fargate.Need { return fargate.NeedOf(s.Def(), sizeHeadroomPct) }

// fargateFit is the Fargate size the rewrite chooses for the task; ok is
// false when no size is large enough.
func fargateFit(s *Subject) (fargate.Size, bool) {
	return fargate.Fit(taskNeed(s).Size, windowsTask(s))
}

// sizeText names a Fargate size for messages: "1 vCPU / 2 GiB (cpu 1024, memory 2048)".
func sizeText(sz fargate.Size) string {
	return fmt.Sprintf("%s vCPU / %s GiB (cpu %d, memory %d)",
		trimFloat(float64(sz.CPU)/1024), trimFloat(float64(sz.Memory)/1024), sz.CPU, sz.Memory)
}

// choiceText says which size the rewrite picks, or that none fits.
func choiceText(s *Subject) string {
	if sz, ok := fargateFit(s); ok {
		return "the rewrite chooses " + sizeText(sz)
	}
	return "no Fargate size is large enough (see task-size-too-large)"
}

func trimFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// taskCPU and taskMemory read the task-level values; ok is false when the
// field is absent or unreadable.
func taskCPU(def *ecstypes.TaskDefinition) (int, bool) {
	if def.Cpu == nil {
		return 0, false
	}
	v, err := fargate.ParseCPU(*def.Cpu)
	return v, err == nil
}

func taskMemory(def *ecstypes.TaskDefinition) (int, bool) {
	if def.Memory == nil {
		return 0, false
	}
	v, err := fargate.ParseMemory(*def.Memory)
	return v, err == nil
}

// fargateOnly reports whether the task definition lists FARGATE and no
// other capacity, i.e. it was written for Fargate and never ran on EC2.
func fargateOnly(def *ecstypes.TaskDefinition) bool {
	rc := def.RequiresCompatibilities
	return len(rc) == 1 && rc[0] == ecstypes.CompatibilityFargate
}

// windowsCPU reports whether cpu is one of the Windows Fargate rows.
func windowsCPU(cpu int) bool { return cpu == 1024 || cpu == 2048 || cpu == 4096 }

// osFamily is the task definition's declared OS family, "" when absent.
func osFamily(def *ecstypes.TaskDefinition) ecstypes.OSFamily {
	if def.RuntimePlatform == nil {
		return ""
	}
	return def.RuntimePlatform.OperatingSystemFamily
}

// hostEvidence is what the container instances of the clusters that run a
// task definition say about the hosts it ran on.
type hostEvidence struct {
	Services  int             // services in the inputs that run the task definition
	Clusters  []string        // their clusters, sorted
	Instances int             // container instances seen in those clusters
	Archs     map[string]bool // "arm64", "x86_64"
	OSTypes   map[string]bool // "linux", "windows"
	Families  map[string]bool // ecs.os-family values, e.g. WINDOWS_SERVER_2019_FULL
}

// hostsOf gathers the host evidence for the subject's task definition.
func hostsOf(s *Subject) hostEvidence {
	ev := hostEvidence{Archs: map[string]bool{}, OSTypes: map[string]bool{}, Families: map[string]bool{}}
	if s.Fleet == nil || s.TaskDef == nil {
		return ev
	}
	seen := map[string]bool{}
	for _, svc := range s.Fleet.ServicesUsing(s.TaskDef) {
		ev.Services++
		if seen[svc.Cluster] {
			continue
		}
		seen[svc.Cluster] = true
		ev.Clusters = append(ev.Clusters, svc.Cluster)
		cl := s.Fleet.Cluster(svc.Cluster)
		if cl == nil {
			continue
		}
		for _, ci := range cl.ContainerInstances {
			ev.Instances++
			ev.add(ci)
		}
	}
	sort.Strings(ev.Clusters)
	return ev
}

func (ev *hostEvidence) add(ci *fleet.ContainerInstance) {
	for _, a := range ci.CI.Attributes {
		v := strings.TrimSpace(deref(a.Value))
		switch deref(a.Name) {
		case "ecs.cpu-architecture":
			ev.Archs[normArch(v)] = true
		case "ecs.os-type":
			ev.OSTypes[strings.ToLower(v)] = true
		case "ecs.os-family":
			ev.Families[strings.ToUpper(v)] = true
		}
	}
	if ci.Instance != nil && ci.Instance.EC2.Architecture != "" {
		ev.Archs[normArch(string(ci.Instance.EC2.Architecture))] = true
	}
	if ci.Instance != nil && strings.EqualFold(string(ci.Instance.EC2.Platform), "windows") {
		ev.OSTypes["windows"] = true
	}
}

func normArch(v string) string {
	switch strings.ToLower(v) {
	case "arm64", "aarch64", "arm64_mac":
		return "arm64"
	case "x86_64", "amd64", "x86_64_mac":
		return "x86_64"
	}
	return strings.ToLower(v)
}

// soleKey returns the single key of m, or "" when m has none or several.
func soleKey(m map[string]bool) string {
	if len(m) != 1 {
		return ""
	}
	for k := range m {
		return k
	}
	return ""
}

// needHosts says what to add when there is no host evidence.
func (ev hostEvidence) needHosts() string {
	if ev.Services == 0 {
		return "the services that run this task definition and their container instances: add `aws ecs describe-services` and `aws ecs describe-container-instances` output"
	}
	return "the container instances of cluster " + strings.Join(ev.Clusters, ", ") + ": add `aws ecs describe-container-instances` output"
}

// isBindMount reports whether a volume is a plain bind mount (optionally
// with a host path): no Docker, EFS, FSx or launch-time configuration.
func isBindMount(v ecstypes.Volume) bool {
	return v.DockerVolumeConfiguration == nil && v.EfsVolumeConfiguration == nil &&
		v.FsxWindowsFileServerVolumeConfiguration == nil && !deref(v.ConfiguredAtLaunch)
}

// isDockerSocket reports whether a host path is the Docker daemon's socket
// or the Windows named pipe of the Docker engine.
func isDockerSocket(p string) bool {
	p = strings.TrimRight(strings.ToLower(strings.TrimSpace(p)), "/")
	switch p {
	case `\\.\pipe\docker_engine`, "//./pipe/docker_engine":
		return true
	}
	return strings.HasSuffix(p, "/docker.sock")
}

// rawVolumes returns the volumes of the original document as generic JSON,
// so fields newer than our SDK model can be read.
func rawVolumes(s *Subject) []map[string]json.RawMessage {
	if s.TaskDef == nil {
		return nil
	}
	var doc map[string]json.RawMessage
	if json.Unmarshal(s.TaskDef.Doc.Raw, &doc) != nil {
		return nil
	}
	var vols []map[string]json.RawMessage
	for k, v := range doc {
		if strings.EqualFold(k, "volumes") {
			_ = json.Unmarshal(v, &vols)
		}
	}
	return vols
}

// gib converts bytes to GiB, rounded up.
func gib(bytes int64) int64 { return (bytes + 1<<30 - 1) >> 30 }

// gibText gives bytes in GiB with one decimal, for messages.
func gibText(bytes int64) string { return strconv.FormatFloat(float64(bytes)/(1<<30), 'f', 1, 64) }
