package analyzer

import (
	"strings"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

var windowsOSUnsupported = Rule{
	ID:       "windows-os-unsupported",
	Scope:    ScopeTask,
	Severity: Blocker,
	Title:    "The Windows Server version is not offered on Fargate",
	Rationale: "Fargate Windows (platform version 1.0.0) runs only Windows Server 2019 and 2022, Full and Core. The API also " +
		"accepts 2016, 2004, 20H2 and 2025 families (2025 since 2025-06), but Fargate cannot run them; a request for 2025 is still open.",
	Remediation: "Rebuild the images on an ltsc2019 or ltsc2022 base and declare the matching family, or keep the workload on EC2 Windows.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-windows-fargate.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RuntimePlatform.html",
		"https://github.com/aws/containers-roadmap/issues/2754",
	},
	Fallback: "stay on EC2 Windows (or rebuild on Windows Server 2019/2022)",
	Check:    checkWindowsOSUnsupported,
}

// fargateWindows are the Windows families Fargate runs.
var fargateWindows = map[string]bool{
	string(ecstypes.OSFamilyWindowsServer2019Full): true, string(ecstypes.OSFamilyWindowsServer2019Core): true,
	string(ecstypes.OSFamilyWindowsServer2022Full): true, string(ecstypes.OSFamilyWindowsServer2022Core): true,
}

func checkWindowsOSUnsupported(s *Subject) []Finding {
	if fam := string(osFamily(s.Def())); fam != "" {
		if fam == string(ecstypes.OSFamilyLinux) || fargateWindows[fam] {
			return nil
		}
		return s.one(Flag(at("runtimePlatform", "operatingSystemFamily"), fam, "%s is not offered on Fargate, which runs only Windows Server 2019 and 2022 (Full or Core)", fam))
	}
	// No family declared: the platform decision (the hosts it ran on, else
	// the image's tag) tells which Windows the image needs.
	if p := s.Platform(); p.IsWindows() && p.Family != "" && !p.FamilyGuessed && !fargateWindows[p.Family] {
		return s.one(Flag(at("runtimePlatform", "operatingSystemFamily"), nil,
			"the image needs %s (%s), a Windows version Fargate does not offer (only 2019 and 2022)", p.Family, strings.Join(p.Evidence, "; ")))
	}
	return nil
}
