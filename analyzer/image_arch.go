package analyzer

import (
	"maps"
	"slices"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

var imageArch = Rule{
	ID:       "image-arch",
	Scope:    ScopeTask,
	Severity: Blocker,
	Title:    "Image is built for a different CPU architecture than the Fargate task",
	Rationale: "Fargate runs any Linux image whose CPU architecture matches the task's runtimePlatform.cpuArchitecture (X86_64 when unset). " +
		"A single-architecture image that ran on ARM64 (Graviton) container instances will not start on an X86_64 Fargate task, and vice versa.",
	Remediation: "Set runtimePlatform.cpuArchitecture to the image's architecture (Fargate offers X86_64 and ARM64 for Linux), " +
		"or build and push a multi-architecture image (manifest list / OCI index).",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RuntimePlatform.html",
	},
	Fallback: "set runtimePlatform.cpuArchitecture to the image's architecture, or publish a multi-architecture image",
	Check:    checkImageArch,
}

func checkImageArch(s *Subject) []Finding {
	if s.Def() == nil {
		return nil
	}
	taskArch := "X86_64"
	if rp := s.Def().RuntimePlatform; rp != nil && rp.CpuArchitecture != "" {
		taskArch = string(rp.CpuArchitecture)
	}
	hosts := hostsOf(s)
	hostArchs, ranAsService := slices.Sorted(maps.Keys(hosts.Archs)), hosts.Services > 0
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		ref := ptr.Value(c.Image)
		if !fleet.ParseImageRef(ref).IsECR() {
			return nil // only ECR images carry a manifest type in the inputs
		}
		switch s.Fleet.ImageMultiArch(ref) {
		case fleet.MultiArchUnknown:
			return s.one(Unchecked("the manifest type of image " + ref + ": add `aws ecr describe-images` output for its repository"))
		case fleet.MultiArchIndex:
			return nil
		}
		switch len(hostArchs) {
		case 0:
			if !ranAsService {
				return s.one(Unchecked("where image " + ref + " ran: add `aws ecs describe-services` output for the services using this task definition and `aws ecs describe-container-instances` output for their clusters"))
			}
			return s.one(Unchecked("the CPU architecture image " + ref + " ran on: add `aws ecs describe-container-instances` output for the clusters running this task definition"))
		case 1:
			if strings.EqualFold(hostArchs[0], taskArch) {
				return nil
			}
			return s.one(Flag(at(path, "image"), ref,
				"image %s is a single-architecture image that ran on %s container instances, but the task would run as %s on Fargate; set runtimePlatform.cpuArchitecture to %s or build a multi-architecture image",
				ref, hostArchs[0], taskArch, strings.ToUpper(hostArchs[0])))
		}
		return nil // ran on mixed architectures: no single answer to compare
	})
}
