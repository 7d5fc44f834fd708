package analyzer

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	"github.com/ecs2fargate/ecs2fargate/internal/fargate"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// sizeHeadroomPct is the memory headroom the size rules add to a task's
// need. It is 0 so that a task definition that already names a valid
// Fargate size keeps it; the rewrite must use the same value.
const sizeHeadroomPct = 0

// taskNeed is what the task definition asks for, as the rewrite and the
// cost model compute it.
func taskNeed(s *Subject) fargate.Need { return fargate.NeedOf(s.Def(), sizeHeadroomPct) }

// sizeText names a Fargate size for messages: "1 vCPU / 2 GiB (cpu 1024, memory 2048)".
func sizeText(sz fargate.Size) string {
	return fmt.Sprintf("%s vCPU / %s GiB (cpu %d, memory %d)",
		trimFloat(float64(sz.CPU)/1024), trimFloat(float64(sz.Memory)/1024), sz.CPU, sz.Memory)
}

// choiceText says which size the rewrite picks, or that none fits.
func choiceText(s *Subject) string {
	if sz, ok := s.FargateSize(); ok {
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

// windowsCPU reports whether cpu is one of the Windows Fargate rows.
func windowsCPU(cpu int) bool { return cpu == 1024 || cpu == 2048 || cpu == 4096 }

// osFamily is the task definition's declared OS family, "" when absent.
func osFamily(def *ecstypes.TaskDefinition) ecstypes.OSFamily {
	if def.RuntimePlatform == nil {
		return ""
	}
	return def.RuntimePlatform.OperatingSystemFamily
}

// hostsOf gathers the host evidence for the subject's task definition,
// unless the caller gave it (Subject.Hosts).
func hostsOf(s *Subject) fleet.Hosts {
	if s.Hosts != nil {
		return *s.Hosts
	}
	return s.memo.hostsOf(s.Fleet, s.TaskDef)
}

// needHosts says what to add when there is no host evidence.
func needHosts(ev fleet.Hosts) string {
	if ev.Services == 0 {
		return "the services that run this task definition and their container instances: add `aws ecs describe-services` and `aws ecs describe-container-instances` output"
	}
	return "the container instances of cluster " + strings.Join(ev.Clusters, ", ") + ": add `aws ecs describe-container-instances` output"
}

// isBindMount reports whether a volume is a plain bind mount (optionally
// with a host path): no Docker, EFS, FSx or launch-time configuration.
func isBindMount(v ecstypes.Volume) bool {
	return v.DockerVolumeConfiguration == nil && v.EfsVolumeConfiguration == nil &&
		v.FsxWindowsFileServerVolumeConfiguration == nil && !ptr.Value(v.ConfiguredAtLaunch)
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
// so fields newer than our SDK model can be read. The error is that of
// reading the document's bytes again (see fleet.Doc.Bytes).
func rawVolumes(s *Subject) ([]map[string]json.RawMessage, error) {
	// The typed model holds one entry per volume of the document, known
	// fields or not, so no typed volumes means nothing to re-read.
	if s.TaskDef == nil || len(s.TaskDef.Def.Volumes) == 0 {
		return nil, nil
	}
	raw, err := s.TaskDef.Doc.Bytes()
	if err != nil {
		return nil, err
	}
	var doc map[string]json.RawMessage
	if json.Unmarshal(raw, &doc) != nil {
		return nil, nil
	}
	var vols []map[string]json.RawMessage
	for k, v := range doc {
		if strings.EqualFold(k, "volumes") {
			_ = json.Unmarshal(v, &vols)
		}
	}
	return vols, nil
}

// gib converts bytes to GiB, rounded up.
func gib(bytes int64) int64 { return (bytes + 1<<30 - 1) >> 30 }

// gibText gives bytes in GiB with one decimal, for messages.
func gibText(bytes int64) string { return strconv.FormatFloat(float64(bytes)/(1<<30), 'f', 1, 64) }
