package analyzer

import (
	"cmp"
	"strings"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

var runtimePlatformWindows = Rule{
	ID:       "runtime-platform-windows",
	Scope:    ScopeTask,
	Severity: Fixable,
	Title:    "A Windows task does not declare the Windows Server family its image needs",
	Rationale: "Fargate picks the OS from `runtimePlatform.operatingSystemFamily` (LINUX when absent), and a Windows image " +
		"only runs on the Windows Server version it was built for. EC2 Windows tasks often leave the family out.",
	Remediation: "Set `operatingSystemFamily` to the WINDOWS_SERVER_2019_* or WINDOWS_SERVER_2022_* value (FULL or CORE) that " +
		"matches the image's base, and `cpuArchitecture` to X86_64; the rewrite uses the family the container instances reported, " +
		"else the one the image names (servercore → CORE; an ltsc2019 or ltsc2022 tag → the version, 2022 when the tag names none).",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-fargate.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-windows-fargate.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RuntimePlatform.html",
	},
	Check: checkRuntimePlatformWindows,
	Fix:   fixRuntimePlatformWindows,
}

func checkRuntimePlatformWindows(s *Subject) []Finding {
	p := s.Platform()
	if !p.IsWindows() || p.Family == "" || s.TaskDef == nil {
		return nil // not Windows, or which Windows is undecided (platform-unknown)
	}
	declared := osFamily(s.Def())
	switch {
	case declared == "" || declared == ecstypes.OSFamilyLinux:
		return s.one(Flag(at("runtimePlatform", "operatingSystemFamily"), string(declared),
			"the task runs Windows containers (%s) but declares %s; set operatingSystemFamily to %s%s",
			evidenceText(p), cmp.Or(string(declared), "no OS family (LINUX on Fargate)"), p.Family, guessNote(p)))
	case p.Family != string(declared):
		return s.one(Flag(at("runtimePlatform", "operatingSystemFamily"), declared,
			"the task declares %s but ran on %s instances, so its image was built for the latter; set operatingSystemFamily to %s",
			declared, p.Family, p.Family))
	}
	return nil
}

// evidenceText names what decided the platform and what it outranked.
func evidenceText(p fleet.Platform) string {
	t := strings.Join(p.Evidence, "; ")
	if len(p.Conflicts) > 0 {
		t += "; outranking " + strings.Join(p.Conflicts, "; ")
	}
	return t
}

// guessNote says when the family's version was not in the evidence.
func guessNote(p fleet.Platform) string {
	if !p.FamilyGuessed {
		return ""
	}
	return " (no image names the Windows Server version or edition, so 2022 Server Core is assumed: pin an ltsc2019 or ltsc2022 tag, or set the family the image was built on)"
}

// fixRuntimePlatformWindows declares the Windows family of the platform
// decision (the hosts' ecs.os-family first) and X86_64, the only
// architecture Windows runs on on Fargate; with no family decided,
// platform-unknown says what to add and nothing is set.
func fixRuntimePlatformWindows(x Fixer, s *Subject, f Finding) {
	fam := s.Platform().Family
	if !strings.HasPrefix(fam, "WINDOWS") {
		return
	}
	x.Set(at("runtimePlatform", "operatingSystemFamily"), fam, false, f.Message)
	if s.TaskDef.DeclaredArch() == "" {
		x.Set(at("runtimePlatform", "cpuArchitecture"), "X86_64", false,
			"runtimePlatform.cpuArchitecture set to X86_64: Windows on Fargate runs on X86_64 only")
	}
}
