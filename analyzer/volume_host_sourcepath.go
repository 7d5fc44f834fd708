package analyzer

import (
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"
)

// RuleVolumeHostSourcePath is the ID of the rule below, for code that refers to it.
const RuleVolumeHostSourcePath = "volume-host-sourcepath"

var volumeHostSourcePath = Rule{
	ID:       RuleVolumeHostSourcePath,
	Scope:    ScopeTask,
	Severity: Blocker,
	Also:     []Severity{Fixable},
	Title:    "Host paths cannot be mounted on Fargate",
	Rationale: "Fargate gives no access to the underlying host, so `host.sourcePath` is rejected. A volume with only a name " +
		"is still a bind mount shared by the task's containers on its ephemeral storage, but its data no longer outlives the task.",
	Remediation: "When the path was only scratch space shared between containers, remove `host` (the rewrite does; lossy: data is " +
		"lost when the task stops). When containers read real host data (/proc, /sys, /var/log, /etc, /dev, host caches) or a host file (instance-id, a config file), " +
		"redesign (bake files into the image, or read them from S3, SSM or Secrets Manager) or stay on EC2; persistent data belongs on EFS or EBS.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HostVolumeProperties.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-storage.html",
	},
	Fallback: "stay on EC2, or move shared data to EFS or EBS",
	Check:    checkVolumeHostSourcePath,
	Fix:      fixVolumeHostSourcePath,
}

func checkVolumeHostSourcePath(s *Subject) []Finding {
	out := s.findings()
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
			out = append(out, Flag(path, p, "volume %s mounts host path %s, which holds host data that Fargate does not expose", ptr.Value(v.Name), p))
		case isHostFile(p):
			out = append(out, Flag(path, p, "volume %s mounts host file %s: a file is host data, not scratch space (without the host, the container would find an empty directory where it reads the file); bake it into the image, or read it from S3, SSM or Secrets Manager", ptr.Value(v.Name), p))
		default:
			out = append(out, Flag(path, p, "volume %s mounts host path %s; the rewrite drops the path, making it task-scoped scratch space (lossy: data no longer outlives the task or comes from the host)",
				ptr.Value(v.Name), p).As(Fixable))
		}
	}
	return out
}

// hostDataPrefixes are host locations whose content a container reads
// from the host itself: system state, host logs, configuration, devices,
// container runtime state.
var hostDataPrefixes = []string{
	"/proc", "/sys", "/dev", "/etc", "/var/log", "/var/lib/docker", "/var/lib/ecs", "/var/lib/kubelet",
	"/var/run", "/run", "/lib/modules", "/usr", "/boot", "/root", "/home", "/cgroup", "/ecs", "/var/lib/cloud",
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

// fileExtensions are endings that mark a host path as a file.
var fileExtensions = map[string]bool{
	"json": true, "yaml": true, "yml": true, "conf": true, "cfg": true, "ini": true, "toml": true, "xml": true,
	"properties": true, "env": true, "txt": true, "log": true, "pem": true, "crt": true, "cer": true, "key": true,
	"p12": true, "jks": true, "sock": true, "pid": true, "lock": true, "db": true, "sqlite": true, "csv": true,
	"sh": true, "py": true, "js": true,
}

// hostFileNames are files without an ending that hosts commonly hand to
// containers.
var hostFileNames = map[string]bool{
	"instance-id": true, "machine-id": true, "hostname": true, "hosts": true, "localtime": true, "timezone": true,
}

// isHostFile reports whether a host path names a file rather than a
// directory: a bind-mounted file carries host content, so dropping the
// path (which makes an empty directory) cannot stand in for it.
func isHostFile(p string) bool {
	p = strings.TrimRight(strings.ReplaceAll(strings.ToLower(strings.TrimSpace(p)), `\`, "/"), "/")
	base := p[strings.LastIndexByte(p, '/')+1:]
	if hostFileNames[base] {
		return true
	}
	dot := strings.LastIndexByte(base, '.')
	return dot > 0 && fileExtensions[base[dot+1:]]
}

// fixVolumeHostSourcePath removes the volume's host block, so the volume
// becomes task-scoped scratch space (lossy).
func fixVolumeHostSourcePath(x Fixer, _ *Subject, f Finding) {
	x.Delete(f.Field.Parent(), true, f.Message)
}
