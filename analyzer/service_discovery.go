package analyzer

import "github.com/ecs2fargate/ecs2fargate/internal/ptr"

var serviceDiscovery = Rule{
	ID:       "service-discovery",
	Scope:    ScopeService,
	Severity: Fixable,
	Title:    "Service discovery SRV records will carry the container port",
	Rationale: "In bridge and host mode Cloud Map SRV records advertise the host port the container was published on; with awsvpc each task registers its own IP and the container port. " +
		"A Cloud Map service's record type is fixed, so switching from SRV to A records needs a new registry, and a service has at most one registry.",
	Remediation: "Keep `containerName`+`containerPort` (or use `port`, not both) so SRV records advertise the container port, and update clients that hard-coded the old host port. " +
		"For A records, create a new Cloud Map service.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceRegistry.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html",
	},
	NeedsTaskDefinition: true,
	Check:               checkServiceDiscovery,
	// The awsvpc task definition publishes the container port, so the
	// registry entry stays as it is; clients of the old port must change,
	// as the finding says.
	FixService: func(x ServiceFixer, _ *Subject, f Finding) { x.KeepContainerPort(f.Field) },
}

func checkServiceDiscovery(s *Subject) []Finding {
	out := s.findings()
	def := s.Def()
	for i, r := range s.Svc().ServiceRegistries {
		name, port := ptr.Value(r.ContainerName), ptr.Value(r.ContainerPort)
		if name == "" || r.ContainerPort == nil {
			continue
		}
		pm := portMappingFor(def, name, port)
		if pm == nil {
			continue
		}
		host, differs := hostPortDiffers(def, pm)
		if !differs {
			continue
		}
		out = append(out, Flag(at(idx("serviceRegistries", i), "containerPort"), port,
			"SRV records for container %s now advertise %s; on Fargate they advertise port %d, so clients using the old port must change", name, host, port).In(name))
	}
	return out
}
