package analyzer

import (
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

func TestPortSpan(t *testing.T) {
	for _, tc := range []struct {
		pm     ecstypes.PortMapping
		lo, hi int
		ok     bool
	}{
		{ecstypes.PortMapping{ContainerPort: ptr.To[int32](80)}, 80, 80, true},
		{ecstypes.PortMapping{ContainerPortRange: ptr.To("9000-9100")}, 9000, 9100, true},
		{ecstypes.PortMapping{ContainerPortRange: ptr.To("7000")}, 7000, 7000, true},
		{ecstypes.PortMapping{ContainerPortRange: ptr.To("9100-9000")}, 0, 0, false},
		{ecstypes.PortMapping{ContainerPortRange: ptr.To("a-b")}, 0, 0, false},
		{ecstypes.PortMapping{}, 0, 0, false},
	} {
		lo, hi, ok := portSpan(tc.pm)
		if lo != tc.lo || hi != tc.hi || ok != tc.ok {
			t.Errorf("portSpan(%+v) = %d, %d, %t; want %d, %d, %t", tc.pm, lo, hi, ok, tc.lo, tc.hi, tc.ok)
		}
	}
}

// A task definition that already runs on Fargate and uses every feature
// Fargate keeps (SYS_PTRACE, dropped capabilities, init, tmpfs, namespaced
// sysctls, ulimits, port ranges, domainless gMSA) must get no fixable or
// blocking finding from this group's rules.
func TestContainerSecurityAndNetworkRulesNoFalsePositives(t *testing.T) {
	def := ecstypes.TaskDefinition{
		Family:                  ptr.To("valid"),
		NetworkMode:             ecstypes.NetworkModeAwsvpc,
		RequiresCompatibilities: []ecstypes.Compatibility{ecstypes.CompatibilityFargate},
		Cpu:                     ptr.To("1024"),
		Memory:                  ptr.To("2048"),
		ContainerDefinitions: []ecstypes.ContainerDefinition{
			{
				Name:  ptr.To("app"),
				Image: ptr.To("nginx:1.27"),
				LinuxParameters: &ecstypes.LinuxParameters{
					Capabilities:       &ecstypes.KernelCapabilities{Add: []string{"SYS_PTRACE"}, Drop: []string{"NET_RAW"}},
					InitProcessEnabled: ptr.To(true),
					Tmpfs:              []ecstypes.Tmpfs{{ContainerPath: ptr.To("/run"), Size: 16}},
				},
				PortMappings: []ecstypes.PortMapping{
					{ContainerPort: ptr.To[int32](80), HostPort: ptr.To[int32](80)},
					{ContainerPortRange: ptr.To("10000-10010"), Protocol: ecstypes.TransportProtocolUdp},
				},
				SystemControls:  []ecstypes.SystemControl{{Namespace: ptr.To("net.core.somaxconn"), Value: ptr.To("1024")}},
				Ulimits:         []ecstypes.Ulimit{{Name: ecstypes.UlimitNameNofile, SoftLimit: 65535, HardLimit: 65535}},
				CredentialSpecs: []string{"credentialspecdomainless:arn:aws:s3:::bucket/credspec.json"},
			},
			{
				Name:           ptr.To("sidecar"),
				Image:          ptr.To("envoyproxy/envoy:v1.30.1"),
				PortMappings:   []ecstypes.PortMapping{{ContainerPort: ptr.To[int32](9901)}},
				SystemControls: []ecstypes.SystemControl{{Namespace: ptr.To("net.core.somaxconn"), Value: ptr.To("1024")}},
			},
		},
	}
	f := &fleet.Fleet{TaskDefinitions: []*fleet.TaskDefinition{{Def: def}}}
	assertQuiet(t, f, containerSecurityAndNetworkRules())
}
