package fleet

import (
	"maps"
	"slices"
	"strings"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// OS is the operating system a task definition's containers run on.
type OS string

// Operating systems; OSUnknown when the inputs do not say.
const (
	OSUnknown OS = ""
	OSLinux   OS = "linux"
	OSWindows OS = "windows"
)

// CPU architectures, as NormArch spells them; "" when unknown.
const (
	ArchX86 = "x86_64"
	ArchARM = "arm64"
)

// Platform is the one decision of what a task definition runs on, which the
// analyzer, the rewrite, the cost model and the reports share.
type Platform struct {
	OS OS
	// Family is the runtimePlatform.operatingSystemFamily the task needs
	// (e.g. WINDOWS_SERVER_2019_CORE): the hosts' ecs.os-family where they
	// report one (the image was built for it), else the declared family,
	// else the images'; "" for Linux or when the evidence does not tell
	// which Windows.
	Family string
	// FamilyGuessed is true when Family was completed from defaults (an
	// image with no Windows Server version in its tag is taken as 2022).
	FamilyGuessed bool
	// Arch is the CPU architecture the task runs on on Fargate: ArchX86,
	// ArchARM, or "" when the inputs do not say.
	Arch string
	// Evidence names what decided OS and Family; ArchEvidence what decided
	// Arch. Each entry is a phrase for a message ("image … is a Windows
	// Server Core image").
	Evidence, ArchEvidence []string
	// Conflicts lists evidence that pointed the other way and was outranked.
	Conflicts []string
}

// IsWindows reports the decision that the task runs Windows containers.
func (p Platform) IsWindows() bool { return p.OS == OSWindows }

// IsARM reports the decision that the task runs on ARM64.
func (p Platform) IsARM() bool { return p.Arch == ArchARM }

// DeclaresWindows reports whether the task definition itself declares a
// Windows OS family in runtimePlatform (what the input says, not the decision).
func (td *TaskDefinition) DeclaresWindows() bool {
	return strings.HasPrefix(string(td.declaredFamily()), "WINDOWS")
}

// DeclaredArch is the runtimePlatform.cpuArchitecture the task definition
// declares, "" when none.
func (td *TaskDefinition) DeclaredArch() string {
	if td.Def.RuntimePlatform == nil || td.Def.RuntimePlatform.CpuArchitecture == "" {
		return ""
	}
	return NormArch(string(td.Def.RuntimePlatform.CpuArchitecture))
}

func (td *TaskDefinition) declaredFamily() ecstypes.OSFamily {
	if td.Def.RuntimePlatform == nil {
		return ""
	}
	return td.Def.RuntimePlatform.OperatingSystemFamily
}

// FargateOnly reports whether the task definition lists FARGATE and no
// other capacity: it was written for Fargate, where an undeclared OS is
// Linux and an undeclared architecture is X86_64.
func (td *TaskDefinition) FargateOnly() bool {
	rc := td.Def.RequiresCompatibilities
	return len(rc) == 1 && rc[0] == ecstypes.CompatibilityFargate
}

// IsWindows decides whether td runs Windows containers (see Platform).
func (f *Fleet) IsWindows(td *TaskDefinition) bool { return f.Platform(td).IsWindows() }

// Platform decides what td runs on, from all the inputs, strongest first:
//
//  1. a Windows family declared in runtimePlatform;
//  2. the hosts that ran it: container instances' ecs.os-type and
//     ecs.os-family attributes, their EC2 instances' Platform and
//     PlatformDetails (a Windows host runs only Windows containers);
//  3. the images (mcr.microsoft.com/windows…, servercore, nanoserver, .NET
//     Framework images) and the commands and paths (C:\, powershell,
//     cmd.exe, \\.\pipe\);
//  4. Linux: a declared LINUX family, FARGATE among the compatibilities (Fargate's
//     default is LINUX), bridge or host networking (Linux only on EC2:
//     https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking.html),
//     or POSIX commands and paths.
//
// Otherwise the OS is OSUnknown. The architecture is the declared one,
// else X86_64 for Windows (Windows on Fargate is X86_64 only), else the
// hosts' sole architecture (arm64 hosts with every image a multi-arch
// index stay on the X86_64 default), else X86_64 for a Fargate-only
// definition, else unknown.
func (f *Fleet) Platform(td *TaskDefinition) Platform {
	if td == nil {
		return Platform{}
	}
	var h Hosts
	if f != nil {
		h = f.HostsOf(td)
	}
	return f.PlatformWithHosts(td, h)
}

// PlatformWithHosts is Platform for a caller that holds td's hosts
// (HostsOf) already: an audit gathers them once per task definition.
func (f *Fleet) PlatformWithHosts(td *TaskDefinition, h Hosts) Platform {
	if td == nil {
		return Platform{}
	}
	p := decideOS(td, h)
	p.Arch, p.ArchEvidence = f.decideArch(td, h, p)
	return p
}

func decideOS(td *TaskDefinition, h Hosts) Platform {
	var p Platform
	declared := string(td.declaredFamily())
	img := windowsImageEvidence(td)
	cmd := windowsCommandEvidence(td)
	switch {
	case strings.HasPrefix(declared, "WINDOWS"):
		p.OS, p.Family = OSWindows, declared
		p.Evidence = []string{"runtimePlatform.operatingSystemFamily is " + declared}
		// The image was built for the Windows its hosts ran.
		if fam := Sole(h.Families); strings.HasPrefix(fam, "WINDOWS") && fam != declared {
			p.Family = fam
			p.Evidence = append(p.Evidence, "the hosts of cluster "+strings.Join(h.Clusters, ", ")+" report ecs.os-family "+fam)
			p.Conflicts = append(p.Conflicts, "runtimePlatform.operatingSystemFamily is "+declared)
		}
	case windowsHosts(h):
		p.OS = OSWindows
		p.Evidence = hostWindowsEvidence(h)
		if declared != "" {
			p.Conflicts = append(p.Conflicts, "runtimePlatform.operatingSystemFamily is "+declared)
		}
	case Sole(h.OSTypes) == "linux":
		p.OS = OSLinux
		p.Evidence = []string{"the container instances of cluster " + strings.Join(h.Clusters, ", ") + " run Linux"}
		p.Conflicts = append(img, cmd...)
	case len(img)+len(cmd) > 0:
		p.OS = OSWindows
		p.Evidence = append(img, cmd...)
		if declared != "" {
			p.Conflicts = append(p.Conflicts, "runtimePlatform.operatingSystemFamily is "+declared)
		}
	default:
		if ev := linuxEvidence(td, declared); len(ev) > 0 {
			p.OS, p.Evidence = OSLinux, ev
		}
		return p
	}
	if p.OS == OSWindows && p.Family == "" {
		p.Family, p.FamilyGuessed = windowsFamily(td, h)
	}
	return p
}

// windowsHosts reports hosts that all run Windows (mixed clusters place a
// task on hosts of its own OS, so only all-Windows counts).
func windowsHosts(h Hosts) bool {
	return Sole(h.OSTypes) == "windows" || len(h.OSTypes) == 0 && strings.HasPrefix(Sole(h.Families), "WINDOWS")
}

// hostWindowsEvidence is one phrase naming what the hosts reported:
// "the hosts of cluster c report ecs.os-type windows, EC2 Platform windows".
func hostWindowsEvidence(h Hosts) []string {
	said := slices.Sorted(maps.Keys(h.OSSources["windows"]))
	if fam := Sole(h.Families); strings.HasPrefix(fam, "WINDOWS") {
		said = append(said, "ecs.os-family "+fam)
	}
	return []string{"the hosts of cluster " + strings.Join(h.Clusters, ", ") + " report " + strings.Join(said, ", ")}
}

// linuxEvidence is what says Linux when nothing says Windows.
func linuxEvidence(td *TaskDefinition, declared string) []string {
	switch {
	case declared == string(ecstypes.OSFamilyLinux):
		return []string{"runtimePlatform.operatingSystemFamily is LINUX"}
	case td.ListsFargate():
		// Windows on Fargate must declare its family, so a definition
		// validated for Fargate without one runs there as LINUX.
		return []string{"FARGATE is among the task definition's compatibilities, with no operatingSystemFamily,, which Fargate runs as LINUX"}
	case td.Def.NetworkMode == ecstypes.NetworkModeBridge || td.Def.NetworkMode == ecstypes.NetworkModeHost:
		return []string{"networkMode " + string(td.Def.NetworkMode) + " exists only for Linux containers"}
	}
	return posixEvidence(td)
}

// decideArch is the architecture part of Platform.
func (f *Fleet) decideArch(td *TaskDefinition, h Hosts, p Platform) (string, []string) {
	if a := td.DeclaredArch(); a != "" {
		return a, []string{"runtimePlatform.cpuArchitecture is " + string(td.Def.RuntimePlatform.CpuArchitecture)}
	}
	if p.IsWindows() {
		return ArchX86, []string{"Windows on Fargate runs on X86_64 only"}
	}
	switch Sole(h.Archs) {
	case ArchARM:
		if f.AllMultiArch(td) {
			return ArchX86, []string{"every image is a multi-architecture index, so the X86_64 default runs it"}
		}
		return ArchARM, []string{"the container instances of cluster " + strings.Join(h.Clusters, ", ") + " are arm64"}
	case ArchX86:
		return ArchX86, []string{"the container instances of cluster " + strings.Join(h.Clusters, ", ") + " are x86_64"}
	}
	if td.ListsFargate() {
		return ArchX86, []string{"FARGATE is among the task definition's compatibilities, with no cpuArchitecture, which Fargate runs as X86_64"}
	}
	return "", nil
}
