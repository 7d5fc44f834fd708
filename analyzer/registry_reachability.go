package analyzer

import (
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

var registryReachability = Rule{
	ID:       "registry-reachability",
	Scope:    ScopeService,
	Severity: Warning,
	Title:    "The task subnets must reach the image registries",
	Rationale: "On Fargate the image is pulled through the task's own network interface, so the service's subnets need a route to every registry its images come from: " +
		"a public subnet with `assignPublicIp: ENABLED`, a NAT gateway, or for ECR the ecr.api and ecr.dkr interface endpoints plus the S3 gateway endpoint. The inputs do not show route tables, so this is a reminder.",
	Remediation: "Confirm the route for each listed registry from the task subnets (NAT, public IP or VPC endpoints) and allow HTTPS from the task security group; " +
		"add logs, secretsmanager and ssm endpoints too where the task uses them.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-version-migration.html",
	},
	NeedsTaskDefinition: true,
	Check:               checkRegistryReachability,
}

func checkRegistryReachability(s *Subject) []Finding {
	if onFargate(s.Svc()) {
		return nil
	}
	var regs []string
	for _, c := range s.Def().ContainerDefinitions {
		if img := ptr.Value(c.Image); img != "" {
			regs = append(regs, registryLabel(fleet.ParseImageRef(img)))
		}
	}
	regs = sortedSet(regs)
	if len(regs) == 0 {
		return nil
	}
	return s.one(Flag(at("taskDefinition"), regs,
		"the task subnets must reach %s to pull images (NAT, public IP, or ECR interface endpoints plus the S3 gateway endpoint)", strings.Join(regs, ", ")))
}

// registryLabel names a registry for the report: the ECR registry host, or
// the registry host as written.
func registryLabel(r fleet.ImageRef) string {
	if r.IsECR() {
		return r.Registry + " (ECR)"
	}
	return r.Registry
}
