// File name: linux_params_windows.go would build only on GOOS=windows.

package analyzer

import ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

var linuxParamsWindows = Rule{
	ID:       "linux-params-windows",
	Scope:    ScopeTask,
	Severity: Fixable,
	Title:    "Windows containers cannot have `linuxParameters`",
	Rationale: "`linuxParameters` (capabilities, devices, init process, shared memory, swap, tmpfs) is not supported for Windows " +
		"containers, so a Windows task definition bound for Fargate should not carry it.",
	Remediation: "The rewrite removes the whole `linuxParameters` block; a Windows container had no use for it.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-windows-fargate.html",
	},
	Check: checkLinuxParamsWindows,
	Fix:   removeField,
}

func checkLinuxParamsWindows(s *Subject) []Finding {
	if !s.Windows() {
		return nil
	}
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		lp := c.LinuxParameters
		if lp == nil {
			return nil
		}
		set := linuxParamNames(lp)
		if len(set) == 0 {
			return s.one(Flag(at(path, "linuxParameters"), set, "an empty linuxParameters block on a Windows container is removed"))
		}
		return s.one(Flag(at(path, "linuxParameters"), set,
			"linuxParameters (%s) does not apply to Windows containers and is removed", quoteList(set)))
	})
}

// linuxParamNames lists the members of lp that are set, by JSON name.
func linuxParamNames(lp *ecstypes.LinuxParameters) []string {
	set := []string{}
	for _, m := range []struct {
		name string
		on   bool
	}{
		{"capabilities", lp.Capabilities != nil},
		{"devices", len(lp.Devices) > 0},
		{"initProcessEnabled", lp.InitProcessEnabled != nil},
		{"maxSwap", lp.MaxSwap != nil},
		{"sharedMemorySize", lp.SharedMemorySize != nil},
		{"swappiness", lp.Swappiness != nil},
		{"tmpfs", len(lp.Tmpfs) > 0},
	} {
		if m.on {
			set = append(set, m.name)
		}
	}
	return set
}
