package rewrite

import (
	"strings"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
)

// step plans the fix for one fixable finding.
type step func(r *round, f analyzer.Finding)

// steps maps every rule the rewrite fixes to its fix. Each rule the
// analyzer can report as fixable for a task definition has an entry (a
// test holds the two lists together).
var steps = map[string]step{
	"requires-compat-fargate": func(r *round, f analyzer.Finding) {
		r.p.set(f.RuleID, "requiresCompatibilities", []string{"FARGATE"}, false,
			"requiresCompatibilities set to [\"FARGATE\"], so ECS validates and runs this revision on Fargate")
	},
	"network-mode-awsvpc": func(r *round, f analyzer.Finding) {
		r.p.set(f.RuleID, "networkMode", "awsvpc", f.Value == "none", f.Message)
	},
	"start-timeout": clampTimeout, "stop-timeout": clampTimeout,
	// Deletions of the field the finding names; the finding's message says
	// what is lost.
	"links": removeLink, "link-references": pointAtLocalhost, "hostname": lossyRemove, "dns-servers": lossyRemove, "dns-search-domains": lossyRemove,
	"extra-hosts": lossyRemove, "task-placement-constraints": lossyRemove, "docker-security-options": lossyRemove,
	"shared-memory-size":   lossyRemove,
	"disable-networking":   func(r *round, f analyzer.Finding) { r.p.remove(f.RuleID, f.Path, f.Value == "true", f.Message) },
	"max-swap":             func(r *round, f analyzer.Finding) { r.p.remove(f.RuleID, f.Path, f.Value != "0", f.Message) },
	"swappiness":           func(r *round, f analyzer.Finding) { r.p.remove(f.RuleID, f.Path, false, f.Message) },
	"host-port":            func(r *round, f analyzer.Finding) { r.p.remove(f.RuleID, f.Path, f.Value != "0", f.Message) },
	"linux-params-windows": remove, "readonly-rootfs-windows": remove, "user-windows": remove, "ulimits": remove,
	"pid-mode-windows": remove, "ipc-mode": remove, "privileged": remove, "cap-add": dropCapability, "system-controls": remove,
	"docker-volume-config": remove,
	"ephemeral-storage-range": func(r *round, f analyzer.Finding) {
		r.p.remove(f.RuleID, "ephemeralStorage", false, f.Message)
	},
	"volume-host-sourcepath": func(r *round, f analyzer.Finding) {
		r.p.remove(f.RuleID, strings.TrimSuffix(f.Path, ".sourcePath"), true, f.Message)
	},
	"gmsa-linux":               moveCredSpec,
	"runtime-platform-arch":    setArch,
	"runtime-platform-windows": setOSFamily,
	"image-vs-ephemeral":       growEphemeral,
	"agent-registry-auth":      setRegistryCredentials,
	"exec-role-awslogs":        setExecutionRole, "exec-role-ecr": setExecutionRole, "exec-role-secrets": setExecutionRole,
	"log-driver":               convertLogDriver,
	"no-log-config":            addLogConfig,
	"awslogs-required-options": addLogOption, "awslogs-stream-prefix": addLogOption,
	// Sizing: one step chooses cpu and memory together.
	"task-cpu-required": sizeStep, "task-memory-required": sizeStep, "cpu-memory-combo": sizeStep,
	"task-cpu-below-min": sizeStep, "windows-size": sizeStep, "container-cpu-sum": sizeStep, "container-memory-sum": sizeStep,
}

// FixedRules lists the rule IDs the task-definition rewrite has a step for.
func FixedRules() []string {
	out := make([]string, 0, len(steps))
	for id := range steps {
		out = append(out, id)
	}
	return out
}

func remove(r *round, f analyzer.Finding)      { r.p.remove(f.RuleID, f.Path, false, f.Message) }
func lossyRemove(r *round, f analyzer.Finding) { r.p.remove(f.RuleID, f.Path, true, f.Message) }

func clampTimeout(r *round, f analyzer.Finding) {
	r.p.set(f.RuleID, f.Path, 120, true, f.Message)
}

// moveCredSpec moves a domainless gMSA credential spec from
// dockerSecurityOptions into credentialSpecs, which Fargate reads.
func moveCredSpec(r *round, f analyzer.Finding) {
	container, _, ok := strings.Cut(f.Path, ".dockerSecurityOptions")
	if !ok {
		return
	}
	r.p.remove(f.RuleID, f.Path, false, f.Message)
	r.p.add(opAppend, f.RuleID, container+".credentialSpecs", f.Value, false,
		"the domainless credential spec now sits in credentialSpecs")
}

func setArch(r *round, f analyzer.Finding) {
	r.p.set(f.RuleID, "runtimePlatform.cpuArchitecture", "ARM64", false, f.Message)
}

// setOSFamily declares the Windows family of the platform decision (the
// hosts' ecs.os-family first) and X86_64, the only architecture Windows
// runs on on Fargate; with no family decided, platform-unknown says what
// to add and nothing is set.
func setOSFamily(r *round, f analyzer.Finding) {
	fam := r.osFamily
	if !strings.HasPrefix(fam, "WINDOWS") {
		return
	}
	r.p.set(f.RuleID, "runtimePlatform.operatingSystemFamily", fam, false, f.Message)
	if r.td.DeclaredArch() == "" {
		r.p.set(f.RuleID, "runtimePlatform.cpuArchitecture", "X86_64", false,
			"runtimePlatform.cpuArchitecture set to X86_64: Windows on Fargate runs on X86_64 only")
	}
}

func setRegistryCredentials(r *round, f analyzer.Finding) {
	i, ok := containerIndex(f.Path)
	if !ok {
		return
	}
	reg := registryOf(r.td.Def.ContainerDefinitions[i].Image)
	arn := r.opts.RegistryCredentials[reg]
	if arn == "" {
		return
	}
	r.p.set(f.RuleID, f.Path, map[string]string{"credentialsParameter": arn}, false,
		"repositoryCredentials.credentialsParameter set to the secret given for registry "+reg+"; the execution role must be able to read it")
}

// dropCapability removes an `add` entry Fargate rejects; lossy for NET_RAW,
// which Fargate may not grant by default (analyzer.CapAddMayLose).
func dropCapability(r *round, f analyzer.Finding) {
	r.p.remove(f.RuleID, f.Path, analyzer.CapAddMayLose(f.Value), f.Message)
}
