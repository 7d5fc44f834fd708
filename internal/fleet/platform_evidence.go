package fleet

import (
	"strconv"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// windowsImageMarks are substrings of lower-cased image references that
// are Windows by name: Microsoft's Windows base images on
// mcr.microsoft.com (windows/servercore, windows/nanoserver,
// windows/server, windows), the .NET Framework images built on Server
// Core, their older Docker Hub names (microsoft/iis, …) and tags naming a
// Windows base. (Substrings, not a regular expression: this runs on every
// container of every task definition, and a regexp showed in profiles.)
var windowsImageMarks = []string{
	"mcr.microsoft.com/windows/", "mcr.microsoft.com/windows:", "mcr.microsoft.com/windows@",
	"mcr.microsoft.com/dotnet/framework/",
	"microsoft/iis", "microsoft/aspnet", "microsoft/dotnet-framework", "microsoft/windowsservercore",
	"microsoft/nanoserver", "microsoft/mssql-server-windows",
	"servercore", "nanoserver", "ltsc2016", "ltsc2019", "ltsc2022", "ltsc2025",
}

// isWindowsImage reports an image that is Windows by name.
func isWindowsImage(image string) bool {
	img := strings.ToLower(image)
	if img == "mcr.microsoft.com/windows" {
		return true
	}
	for _, m := range windowsImageMarks {
		if strings.Contains(img, m) {
			return true
		}
	}
	return false
}

// isWindowsCommand reports a Windows command or path: a drive path (C:\),
// a named pipe (\\.\pipe\), or a powershell or cmd.exe word (Windows
// PowerShell; not pwsh, which PowerShell 7 also ships on Linux).
func isWindowsCommand(s string) bool {
	if hasDrivePath(s) || strings.Contains(s, `\\.\pipe\`) {
		return true
	}
	lower := strings.ToLower(s)
	if !strings.Contains(lower, "powershell") && !strings.Contains(lower, "cmd") {
		return false
	}
	words := strings.FieldsFunc(lower, func(r rune) bool { return r == ' ' || r == '\t' || r == '"' || r == '\'' || r == ';' || r == '(' })
	for i, w := range words {
		base := w[strings.LastIndexAny(w, `/\`)+1:]
		switch base {
		case "powershell", "powershell.exe", "cmd.exe":
			return true
		case "cmd": // alone (an entryPoint element) or followed by /c or /k
			if len(words) == 1 || i+1 < len(words) && (words[i+1] == "/c" || words[i+1] == "/k") {
				return true
			}
		}
	}
	return false
}

// hasDrivePath reports a drive-letter path (C:\) starting s or following a
// separator.
func hasDrivePath(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		if s[i] != ':' || s[i+1] != '\\' {
			continue
		}
		c := s[i-1] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			continue
		}
		if i == 1 || strings.IndexByte(" \t\"'=;(,", s[i-2]) >= 0 {
			return true
		}
	}
	return false
}

// windowsImageEvidence names the containers whose images are Windows images.
func windowsImageEvidence(td *TaskDefinition) []string {
	var ev []string
	for _, c := range td.Def.ContainerDefinitions {
		if img := ptr.Value(c.Image); isWindowsImage(img) {
			ev = append(ev, "image "+img+" is a Windows image")
		}
	}
	return ev
}

// windowsCommandEvidence names the first Windows command or path of each
// container: entryPoint, command, workingDirectory, mount points, health
// check, and the task's host volume paths.
func windowsCommandEvidence(td *TaskDefinition) []string {
	var ev []string
	for i, c := range td.Def.ContainerDefinitions {
		for _, field := range containerStrings(&c) {
			if isWindowsCommand(field.value) {
				ev = append(ev, "containerDefinitions["+strconv.Itoa(i)+"]."+field.path+" is a Windows command or path")
				break
			}
		}
	}
	for i, v := range td.Def.Volumes {
		if v.Host != nil && isWindowsCommand(ptr.Value(v.Host.SourcePath)) {
			ev = append(ev, "volumes["+strconv.Itoa(i)+"].host.sourcePath is a Windows path")
		}
	}
	return ev
}

type fieldText struct{ path, value string }

// containerStrings are the fields of a container that hold commands and
// paths, in document order.
func containerStrings(c *ecstypes.ContainerDefinition) []fieldText {
	var out []fieldText
	for _, s := range c.EntryPoint {
		out = append(out, fieldText{"entryPoint", s})
	}
	for _, s := range c.Command {
		out = append(out, fieldText{"command", s})
	}
	if w := ptr.Value(c.WorkingDirectory); w != "" {
		out = append(out, fieldText{"workingDirectory", w})
	}
	for _, m := range c.MountPoints {
		out = append(out, fieldText{"mountPoints.containerPath", ptr.Value(m.ContainerPath)})
	}
	if c.HealthCheck != nil {
		for _, s := range c.HealthCheck.Command {
			out = append(out, fieldText{"healthCheck.command", s})
		}
	}
	return out
}

// posixEvidence names the first POSIX command or path (an absolute path
// starting with "/", or sh/bash) of each container: Windows containers
// use drive paths.
func posixEvidence(td *TaskDefinition) []string {
	var ev []string
	for i, c := range td.Def.ContainerDefinitions {
		for _, field := range containerStrings(&c) {
			if isPOSIX(field) {
				ev = append(ev, "containerDefinitions["+strconv.Itoa(i)+"]."+field.path+" is a POSIX command or path")
				break
			}
		}
	}
	return ev
}

func isPOSIX(f fieldText) bool {
	v := strings.TrimSpace(f.value)
	if f.path == "healthCheck.command" && (v == "CMD" || v == "CMD-SHELL") {
		return false // the health check's own keyword, on every OS
	}
	first, _, _ := strings.Cut(v, " ")
	switch first {
	case "sh", "bash", "ash", "/bin/sh", "/bin/bash", "/usr/bin/env":
		return true
	}
	return strings.HasPrefix(first, "/") && !strings.HasPrefix(first, "//")
}

// windowsFamily completes the Windows family from the hosts' ecs.os-family,
// else from the images: the edition from servercore/nanoserver (Core) or
// windows/server and windows (Full), the version from an ltsc2016/1607,
// ltsc2019/1809, ltsc2022 or ltsc2025 tag. With an edition but no version, 2022 (the newest version
// Fargate runs) is taken and guessed is true. "" when the edition is unknown.
func windowsFamily(td *TaskDefinition, h Hosts) (family string, guessed bool) {
	if fam := Sole(h.Families); strings.HasPrefix(fam, "WINDOWS") {
		return fam, false
	}
	editions, versions := map[string]bool{}, map[string]bool{}
	for _, c := range td.Def.ContainerDefinitions {
		img := strings.ToLower(ptr.Value(c.Image))
		if !isWindowsImage(img) {
			continue
		}
		if e := imageEdition(img); e != "" {
			editions[e] = true
		}
		if v := imageVersion(img); v != "" {
			versions[v] = true
		}
	}
	edition, version := Sole(editions), Sole(versions)
	if edition == "" {
		// Windows from the hosts' OS type, a command or a path, with no
		// image that names its edition: Server Core, the base most
		// application images use, and 2022, both marked as a guess that
		// the finding asks the user to confirm (a Linux rewrite of a
		// Windows task would fail at launch for certain).
		edition = "CORE"
	}
	if version == "" {
		return "WINDOWS_SERVER_2022_" + edition, true
	}
	return "WINDOWS_SERVER_" + version + "_" + edition, false
}

func imageEdition(img string) string {
	switch {
	case strings.Contains(img, "servercore") || strings.Contains(img, "nanoserver") ||
		strings.Contains(img, "dotnet/framework") || strings.Contains(img, "microsoft/iis") ||
		strings.Contains(img, "microsoft/aspnet") || strings.Contains(img, "dotnet-framework"):
		return "CORE"
	case strings.Contains(img, "mcr.microsoft.com/windows/server") || strings.Contains(img, "mcr.microsoft.com/windows:"):
		return "FULL"
	}
	return ""
}

func imageVersion(img string) string {
	switch {
	case strings.Contains(img, "ltsc2019") || strings.Contains(img, "1809"):
		return "2019"
	case strings.Contains(img, "ltsc2022"):
		return "2022"
	case strings.Contains(img, "ltsc2025"):
		return "2025" // a family the API accepts and Fargate does not run
	case strings.Contains(img, "ltsc2016") || strings.Contains(img, "1607"):
		return "2016"
	}
	return ""
}
