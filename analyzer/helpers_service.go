package analyzer

import (
	"sort"
	"strconv"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	"github.com/ecs2fargate/ecs2fargate/internal/fargate"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// Fargate capacity provider names; they exist in every account.
const (
	providerFargate     = fleet.ProviderFargate
	providerFargateSpot = fleet.ProviderFargateSpot
)

// onFargate is the fleet's decision that a service already runs on
// Fargate (fleet.ServiceOnFargate). Rules that only matter for the move
// skip such services.
func onFargate(svc *ecstypes.Service) bool { return fleet.ServiceOnFargate(svc) }

// spotItems lists the indexes of FARGATE_SPOT entries in the service's
// capacity provider strategy.
func spotItems(svc *ecstypes.Service) []int {
	var out []int
	for i, item := range svc.CapacityProviderStrategy {
		if ptr.Value(item.CapacityProvider) == providerFargateSpot {
			out = append(out, i)
		}
	}
	return out
}

// awsvpcConfig is the service's awsvpc configuration, or nil.
func awsvpcConfig(svc *ecstypes.Service) *ecstypes.AwsVpcConfiguration {
	if svc.NetworkConfiguration == nil {
		return nil
	}
	return svc.NetworkConfiguration.AwsvpcConfiguration
}

// primaryDeployments gives the indexes of the deployments that carry the
// service's current settings: the PRIMARY one, or all of them when none is
// marked (hand-written input).
func primaryDeployments(svc *ecstypes.Service) []int {
	var all, primary []int
	for i, d := range svc.Deployments {
		all = append(all, i)
		if ptr.Value(d.Status) == "PRIMARY" {
			primary = append(primary, i)
		}
	}
	if len(primary) > 0 {
		return primary
	}
	return all
}

// portMappingFor finds the port mapping of the named container that
// publishes containerPort; nil when there is none.
func portMappingFor(def *ecstypes.TaskDefinition, container string, containerPort int32) *ecstypes.PortMapping {
	if def == nil {
		return nil
	}
	for i := range def.ContainerDefinitions {
		c := &def.ContainerDefinitions[i]
		if ptr.Value(c.Name) != container {
			continue
		}
		for j := range c.PortMappings {
			if ptr.Value(c.PortMappings[j].ContainerPort) == containerPort {
				return &c.PortMappings[j]
			}
		}
	}
	return nil
}

// hostPortDiffers reports whether a port mapping publishes its container
// port on another host port, and describes that host port. In bridge mode
// an absent or 0 host port is a dynamic one.
func hostPortDiffers(def *ecstypes.TaskDefinition, pm *ecstypes.PortMapping) (string, bool) {
	cp := ptr.Value(pm.ContainerPort)
	switch {
	case pm.HostPort == nil:
		if isBridge(def) {
			return "a dynamic host port", true
		}
		return "", false
	case *pm.HostPort == 0:
		return "a dynamic host port (0)", true
	case *pm.HostPort != cp:
		return "host port " + strconv.Itoa(int(*pm.HostPort)), true
	}
	return "", false
}

// isBridge reports whether the task definition uses bridge networking,
// explicitly or as the Linux default.
func isBridge(def *ecstypes.TaskDefinition) bool {
	if def == nil {
		return false
	}
	if def.NetworkMode == "" {
		return def.RuntimePlatform == nil || !strings.HasPrefix(string(def.RuntimePlatform.OperatingSystemFamily), "WINDOWS")
	}
	return def.NetworkMode == ecstypes.NetworkModeBridge
}

// taskVCPU is the vCPU count a Fargate task of this definition would be
// billed for (the task size after rounding up to a valid Fargate size).
func taskVCPU(s *Subject) float64 {
	def := s.Def()
	if def == nil {
		return 0
	}
	size, ok := s.FargateSize()
	if !ok {
		return float64(fargate.NeedOf(def, sizeHeadroomPct).CPU) / 1024
	}
	return float64(size.CPU) / 1024
}

// serviceARM64 reports the decision that the task runs on ARM64 on
// Fargate (declared, or from its arm64 hosts, which the rewrite declares).
func serviceARM64(s *Subject) bool { return s.Def() != nil && s.Platform().IsARM() }

// sortedSet returns the distinct non-empty strings, sorted.
func sortedSet(items []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, it := range items {
		if it != "" && !seen[it] {
			seen[it] = true
			out = append(out, it)
		}
	}
	sort.Strings(out)
	return out
}
