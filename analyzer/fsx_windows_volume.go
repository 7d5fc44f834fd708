package analyzer

import "github.com/ecs2fargate/ecs2fargate/internal/ptr"

var fsxWindowsVolume = Rule{
	ID:       "fsx-windows-volume",
	Scope:    ScopeTask,
	Severity: Blocker,
	Title:    "FSx for Windows File Server volumes are not available on Fargate",
	Rationale: "`fsxWindowsFileServerVolumeConfiguration` is supported only on EC2 Windows container instances; the request to " +
		"support it on Fargate is still open.",
	Remediation: "Access the share from the application over SMB with its own credentials, move the data elsewhere, or keep the workload on EC2 Windows.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_FSxWindowsFileServerVolumeConfiguration.html",
		"https://github.com/aws/containers-roadmap/issues/1654",
	},
	Fallback: "stay on EC2 Windows",
	Check:    checkFSxWindowsVolume,
}

func checkFSxWindowsVolume(s *Subject) []Finding {
	out := s.findings()
	for i, v := range s.Def().Volumes {
		fsx := v.FsxWindowsFileServerVolumeConfiguration
		if fsx == nil {
			continue
		}
		fs := ptr.Value(fsx.FileSystemId)
		out = append(out, Flag(at(idx("volumes", i), "fsxWindowsFileServerVolumeConfiguration", "fileSystemId"), fs,
			"FSx for Windows file system %s (volume %s) cannot be mounted on Fargate", fs, ptr.Value(v.Name)))
	}
	return out
}
