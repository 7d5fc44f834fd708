package analyzer

import (
	"reflect"
	"testing"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

func TestHostNameRefs(t *testing.T) {
	c := &ecstypes.ContainerDefinition{
		Environment: []ecstypes.KeyValuePair{
			{Name: ptrTo("DB_HOST"), Value: ptrTo("db")},
			{Name: ptrTo("DATABASE_URL"), Value: ptrTo("postgres://u:p@db:5432/x")},
			{Name: ptrTo("FQDN"), Value: ptrTo("db.example.com")},
			{Name: ptrTo("OTHER"), Value: ptrTo("my-db")},
			{Name: ptrTo("UPPER"), Value: ptrTo("http://DB/")},
			{Name: ptrTo("EMPTY")},
		},
		EntryPoint: []string{"/bin/wait-for", "db:5432"},
		Command:    []string{"--db", "serve"},
	}
	got := hostNameRefs(c, []string{"db"})
	want := []string{"environment DB_HOST", "environment DATABASE_URL", "environment UPPER", "entryPoint[1]"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("hostNameRefs = %q, want %q", got, want)
	}
	if got := hostNameRefs(c, []string{""}); got != nil {
		t.Errorf("hostNameRefs with no names = %q, want nil", got)
	}
}

func TestPortSpan(t *testing.T) {
	for _, tc := range []struct {
		pm     ecstypes.PortMapping
		lo, hi int
		ok     bool
	}{
		{ecstypes.PortMapping{ContainerPort: ptrTo[int32](80)}, 80, 80, true},
		{ecstypes.PortMapping{ContainerPortRange: ptrTo("9000-9100")}, 9000, 9100, true},
		{ecstypes.PortMapping{ContainerPortRange: ptrTo("7000")}, 7000, 7000, true},
		{ecstypes.PortMapping{ContainerPortRange: ptrTo("9100-9000")}, 0, 0, false},
		{ecstypes.PortMapping{ContainerPortRange: ptrTo("a-b")}, 0, 0, false},
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
		Family:                  ptrTo("valid"),
		NetworkMode:             ecstypes.NetworkModeAwsvpc,
		RequiresCompatibilities: []ecstypes.Compatibility{ecstypes.CompatibilityFargate},
		Cpu:                     ptrTo("1024"),
		Memory:                  ptrTo("2048"),
		ContainerDefinitions: []ecstypes.ContainerDefinition{
			{
				Name:  ptrTo("app"),
				Image: ptrTo("nginx:1.27"),
				LinuxParameters: &ecstypes.LinuxParameters{
					Capabilities:       &ecstypes.KernelCapabilities{Add: []string{"SYS_PTRACE"}, Drop: []string{"NET_RAW"}},
					InitProcessEnabled: ptrTo(true),
					Tmpfs:              []ecstypes.Tmpfs{{ContainerPath: ptrTo("/run"), Size: 16}},
				},
				PortMappings: []ecstypes.PortMapping{
					{ContainerPort: ptrTo[int32](80), HostPort: ptrTo[int32](80)},
					{ContainerPortRange: ptrTo("10000-10010"), Protocol: ecstypes.TransportProtocolUdp},
				},
				SystemControls:  []ecstypes.SystemControl{{Namespace: ptrTo("net.core.somaxconn"), Value: ptrTo("1024")}},
				Ulimits:         []ecstypes.Ulimit{{Name: ecstypes.UlimitNameNofile, SoftLimit: 65535, HardLimit: 65535}},
				CredentialSpecs: []string{"credentialspecdomainless:arn:aws:s3:::bucket/credspec.json"},
			},
			{
				Name:           ptrTo("sidecar"),
				Image:          ptrTo("envoyproxy/envoy:v1.30.1"),
				PortMappings:   []ecstypes.PortMapping{{ContainerPort: ptrTo[int32](9901)}},
				SystemControls: []ecstypes.SystemControl{{Namespace: ptrTo("net.core.somaxconn"), Value: ptrTo("1024")}},
			},
		},
	}
	f := &fleet.Fleet{TaskDefinitions: []*fleet.TaskDefinition{{Def: def}}}
	var ids []string
	for _, r := range containerSecurityAndNetworkRules() {
		ids = append(ids, r.ID)
	}
	res, err := Audit(f, Options{Only: ids})
	if err != nil {
		t.Fatal(err)
	}
	for _, fd := range res.Findings {
		if fd.Severity >= Fixable {
			t.Errorf("%s: unexpected %s finding at %s: %s", fd.RuleID, fd.Severity, fd.Path, fd.Message)
		}
	}
}

func ptrTo[T any](v T) *T { return &v }
