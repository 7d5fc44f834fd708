package analyzer

import (
	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// RuleDevices is the ID of the rule below, for code that refers to it.
const RuleDevices = "devices"

var devices = Rule{
	ID:       RuleDevices,
	Scope:    ScopeTask,
	Severity: Blocker,
	Title:    "Host devices cannot be passed into Fargate containers",
	Rationale: "Fargate does not support `linuxParameters.devices`: there is no host whose /dev entries (FUSE, GPUs, Neuron, " +
		"serial or block devices) a container could use.",
	Remediation: "Remove the device dependency (e.g. use S3 or EFS instead of a FUSE mount), or keep the workload on EC2 " +
		"or ECS Managed Instances where the device exists.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LinuxParameters.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html",
	},
	Fallback: "stay on EC2 or move to ECS Managed Instances",
	Check:    checkDevices,
}

func checkDevices(s *Subject) []Finding {
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		lp := s.linuxParams(c)
		if lp == nil {
			return nil
		}
		out := s.findings()
		for i, d := range lp.Devices {
			host := ptr.Value(d.HostPath)
			out = append(out, Flag(at(path, "linuxParameters", idx("devices", i), "hostPath"), host,
				"host device %s is mapped into the container; Fargate exposes no host devices", host))
		}
		return out
	})
}
