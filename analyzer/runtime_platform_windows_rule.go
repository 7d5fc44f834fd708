package analyzer

import (
	"regexp"
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
		"matches the image's base; the rewrite uses the family the container instances reported.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-fargate.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-windows-fargate.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RuntimePlatform.html",
	},
	Check: checkRuntimePlatformWindows,
}

// windowsImage matches image references that are Windows-based by name.
var windowsImage = regexp.MustCompile(`(?i)mcr\.microsoft\.com/(windows|dotnet/framework)|servercore|nanoserver|ltsc20(19|22)|windowsservercore`)

func checkRuntimePlatformWindows(s *Subject) []Finding {
	declared := osFamily(s.Def())
	ev := hostsOf(s)
	hostFamily := fleet.Sole(ev.Families)
	// Mixed clusters place a task on hosts of its own OS: only all-Windows counts.
	windowsHosts := fleet.Sole(ev.OSTypes) == "windows" || len(ev.OSTypes) == 0 && strings.HasPrefix(hostFamily, "WINDOWS")
	switch {
	case len(ev.OSTypes) == 0 && len(ev.Families) == 0:
		if (declared == "" || declared == ecstypes.OSFamilyLinux) && looksWindows(s) && !fargateOnly(s.Def()) {
			return []Finding{Unchecked("the OS the task ran on (its images look Windows-based): " + needHosts(ev))}
		}
		return nil
	case !windowsHosts:
		return nil
	case declared == "" || declared == ecstypes.OSFamilyLinux:
		return []Finding{Flag("runtimePlatform.operatingSystemFamily", string(declared),
			"the task ran on Windows instances (cluster %s) but declares %s; %s",
			strings.Join(ev.Clusters, ", "), orDefault(string(declared), "no OS family (LINUX on Fargate)"), familyAdvice(hostFamily))}
	case hostFamily != "" && hostFamily != string(declared):
		return []Finding{Flag("runtimePlatform.operatingSystemFamily", declared,
			"the task declares %s but ran on %s instances, so its image was built for the latter; %s",
			declared, hostFamily, familyAdvice(hostFamily))}
	}
	return nil
}

func familyAdvice(hostFamily string) string {
	if strings.HasPrefix(hostFamily, "WINDOWS") {
		return "set operatingSystemFamily to " + hostFamily
	}
	return "set operatingSystemFamily to the WINDOWS_SERVER_2019/2022 FULL or CORE value matching the image's base"
}

func looksWindows(s *Subject) bool {
	for _, c := range s.Def().ContainerDefinitions {
		if windowsImage.MatchString(deref(c.Image)) {
			return true
		}
	}
	return false
}
