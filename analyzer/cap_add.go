package analyzer

import (
	"strings"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// RuleCapAdd is the ID of the rule below, for code that refers to it.
const RuleCapAdd = "cap-add"

var capAdd = Rule{
	ID:       RuleCapAdd,
	Scope:    ScopeTask,
	Severity: Blocker,
	Also:     []Severity{Fixable},
	Title:    "Fargate only lets a container add the SYS_PTRACE capability",
	Rationale: "Fargate rejects `linuxParameters.capabilities.add` entries other than SYS_PTRACE (which needs platform version 1.4.0). " +
		"Capabilities such as NET_ADMIN, SYS_ADMIN, IPC_LOCK or ALL grant host-level power Fargate never gives; capabilities already in " +
		"Docker's default set (CHOWN, NET_BIND_SERVICE, SETUID and so on) were granted anyway on EC2, so listing them added nothing there. " +
		"NET_RAW is the exception to trust: it is in Docker's default set, but AWS documents neither that Fargate grants it by default nor a way to add it " +
		"(\"the only capability you can add is CAP_SYS_PTRACE\"), so raw sockets (ping, traceroute, ICMP health checks) may not work on Fargate.",
	Remediation: "Drop default-set entries (the rewrite does; for NET_RAW it is lossy: test anything that opens raw sockets on Fargate first) and keep SYS_PTRACE. For any other capability, change the workload so it no " +
		"longer needs it (e.g. manage routes or iptables outside the container), or keep it on EC2 or ECS Managed Instances.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_KernelCapabilities.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LinuxParameters.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/fargate-security-considerations.html",
		"https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities",
	},
	Fallback: "stay on EC2 or move to ECS Managed Instances",
	Unverified: "that Fargate grants Docker's default capability set, so dropping default-set entries from `add` loses nothing: AWS documents only " +
		"that `add` accepts SYS_PTRACE alone, not Fargate's default set; for NET_RAW the rewrite therefore calls the drop lossy",
	Check: checkCapAdd,
	Fix:   fixCapAdd,
}

// dockerDefaultCaps is Docker's default capability set: adding one of these
// changes nothing.
var dockerDefaultCaps = map[string]bool{
	"AUDIT_WRITE": true, "CHOWN": true, "DAC_OVERRIDE": true, "FOWNER": true, "FSETID": true, "KILL": true,
	"MKNOD": true, "NET_BIND_SERVICE": true, "NET_RAW": true, "SETFCAP": true, "SETGID": true, "SETPCAP": true,
	"SETUID": true, "SYS_CHROOT": true,
}

// capAddSeverity classifies one added capability: 0 when Fargate accepts it
// (SYS_PTRACE), Fixable when it is in Docker's default set, Blocker
// otherwise. name is the capability without a CAP_ prefix, upper case.
func capAddSeverity(raw string) (name string, sev Severity) {
	name = strings.TrimPrefix(strings.ToUpper(strings.TrimSpace(raw)), "CAP_")
	switch {
	case name == "SYS_PTRACE":
		return name, 0
	case dockerDefaultCaps[name]:
		return name, Fixable
	}
	return name, Blocker
}

func checkCapAdd(s *Subject) []Finding {
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		lp := s.linuxParams(c)
		if lp == nil || lp.Capabilities == nil {
			return nil
		}
		out := s.findings()
		for i, raw := range lp.Capabilities.Add {
			p := at(path, "linuxParameters", "capabilities", idx("add", i))
			switch name, sev := capAddSeverity(raw); {
			case sev == 0:
			case sev == Fixable && CapAddMayLose(raw):
				out = append(out, Flag(p, raw, "capability NET_RAW cannot be added on Fargate (only SYS_PTRACE can), so the rewrite drops the entry (lossy): "+
					"Docker grants it by default on EC2, but AWS does not document that Fargate does; test raw sockets (ping, traceroute, ICMP checks) on Fargate").As(Fixable))
			case sev == Fixable:
				out = append(out, Flag(p, raw, "capability %s is in Docker's default set, so adding it was a no-op; the rewrite drops the entry", name).As(Fixable))
			case name == "ALL":
				out = append(out, Flag(p, raw, "the container adds ALL capabilities; Fargate only allows adding SYS_PTRACE").Sure())
			default:
				out = append(out, Flag(p, raw, "capability %s cannot be added on Fargate (only SYS_PTRACE can); the workload must stop needing it", name).Sure())
			}
		}
		return out
	})
}

// CapAddMayLose reports whether dropping the capability entry raw from
// `add` may lose what it granted: NET_RAW is in Docker's default set on
// EC2, but AWS does not document Fargate granting it (the rewrite marks
// its removal lossy).
func CapAddMayLose(raw string) bool {
	name, _ := capAddSeverity(raw)
	return name == "NET_RAW"
}

// fixCapAdd drops an add entry Fargate rejects; lossy for NET_RAW, which
// Fargate may not grant by default (CapAddMayLose).
func fixCapAdd(x Fixer, _ *Subject, f Finding) { x.Delete(f.Field, CapAddMayLose(f.Value), f.Message) }
