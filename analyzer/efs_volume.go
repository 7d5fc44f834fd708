package analyzer

import (
	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

var efsVolume = Rule{
	ID:    "efs-volume",
	Scope: ScopeTask,
	// A warning on Linux, where EFS works once the network allows it; a
	// blocker for Windows containers, which cannot mount it on Fargate.
	Severity: Warning,
	Also:     []Severity{Blocker},
	Title:    "EFS volumes need network and IAM changes on Fargate (and are not available for Windows)",
	Rationale: "EFS works on Fargate Linux (platform version 1.4.0 or later), but the task's own network interface now mounts " +
		"it: the mount targets must be reachable from the task subnets and allow NFS (TCP 2049) from the task's security group rather than the instance's. Windows containers on Fargate cannot use EFS.",
	Remediation: "Linux: keep the volume, open TCP 2049 on the mount-target security group to the task security group, and for " +
		"IAM authorization set `transitEncryption: ENABLED` and a task role. Windows: use another storage option or stay on EC2.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EFSVolumeConfiguration.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-version-migration.html",
	},
	Fallback: "stay on EC2 Windows",
	Check:    checkEFSVolume,
}

func checkEFSVolume(s *Subject) []Finding {
	out := s.findings()
	for i, v := range s.Def().Volumes {
		efs := v.EfsVolumeConfiguration
		if efs == nil {
			continue
		}
		path := at(idx("volumes", i), "efsVolumeConfiguration", "fileSystemId")
		fs := ptr.Value(efs.FileSystemId)
		if s.Windows() {
			out = append(out, Flag(path, fs, "EFS file system %s cannot be mounted by Windows containers on Fargate", fs).As(Blocker))
			continue
		}
		iam := efs.AuthorizationConfig != nil && efs.AuthorizationConfig.Iam == ecstypes.EFSAuthorizationConfigIAMEnabled
		switch {
		case iam && efs.TransitEncryption != ecstypes.EFSTransitEncryptionEnabled:
			out = append(out, Flag(path, fs, "EFS file system %s uses IAM authorization, which needs transitEncryption ENABLED; also allow NFS (TCP 2049) from the task security group", fs))
		case iam && s.Def().TaskRoleArn == nil:
			out = append(out, Flag(path, fs, "EFS file system %s uses IAM authorization but the task has no task role to authorize; also allow NFS (TCP 2049) from the task security group", fs))
		default:
			out = append(out, Flag(path, fs, "EFS file system %s works on Fargate; its mount targets must allow NFS (TCP 2049) from the task security group, not the instances'", fs))
		}
	}
	return out
}
