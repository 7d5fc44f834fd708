package analyzer

import "strings"

var volumeHostSourcePath = Rule{
	ID:       "volume-host-sourcepath",
	Scope:    ScopeTask,
	Severity: Blocker,
	Also:     []Severity{Fixable},
	Title:    "Host paths cannot be mounted on Fargate",
	Rationale: "Fargate gives no access to the underlying host, so `host.sourcePath` is rejected. A volume with only a name " +
		"is still a bind mount shared by the task's containers on its ephemeral storage, but its data no longer outlives the task.",
	Remediation: "When the path was only scratch space shared between containers, remove `host` (the rewrite does; lossy: data is " +
		"lost when the task stops). When containers read real host data (/proc, /sys, /var/log, /etc, /dev, host caches), redesign or stay on EC2; persistent data belongs on EFS or EBS.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HostVolumeProperties.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-storage.html",
	},
	Fallback: "stay on EC2, or move shared data to EFS or EBS",
	Check:    checkVolumeHostSourcePath,
}

func checkVolumeHostSourcePath(s *Subject) []Finding {
	var out []Finding
	for i, v := range s.Def().Volumes {
		if v.Host == nil || v.Host.SourcePath == nil {
			continue
		}
		p := *v.Host.SourcePath
		path := at(idx("volumes", i), "host", "sourcePath")
		switch {
		case isDockerSocket(p):
			continue // docker-socket
		case isHostData(p):
			out = append(out, Flag(path, p, "volume %s mounts host path %s, which holds host data that Fargate does not expose", deref(v.Name), p))
		default:
			out = append(out, Flag(path, p, "volume %s mounts host path %s; the rewrite drops the path, making it task-scoped scratch space (lossy: data no longer outlives the task or comes from the host)",
				deref(v.Name), p).As(Fixable))
		}
	}
	return out
}

// hostDataPrefixes are host locations whose content a container reads
// from the host itself: system state, host logs, configuration, devices,
// container runtime state.
var hostDataPrefixes = []string{
	"/proc", "/sys", "/dev", "/etc", "/var/log", "/var/lib/docker", "/var/lib/ecs", "/var/lib/kubelet",
	"/var/run", "/run", "/lib/modules", "/usr", "/boot", "/root", "/home", "/cgroup", "/ecs",
	`c:\programdata`, `c:\windows`, `c:\program files`,
}

// isHostData reports whether a host path points at real host data rather
// than scratch space.
func isHostData(p string) bool {
	p = strings.ToLower(strings.TrimSpace(p))
	if p == "/" || p == `c:\` || p == "c:/" {
		return true
	}
	p = strings.ReplaceAll(p, "/", `\`)
	for _, pre := range hostDataPrefixes {
		pre = strings.ReplaceAll(pre, "/", `\`)
		if p == pre || strings.HasPrefix(p, pre+`\`) {
			return true
		}
	}
	return false
}
