package analyzer

import "github.com/ecs2fargate/ecs2fargate/internal/ptr"

var appMeshProxy = Rule{
	ID:       "app-mesh-proxy",
	Scope:    ScopeTask,
	Severity: Warning,
	Title:    "The task uses an App Mesh proxy configuration",
	Rationale: "`proxyConfiguration` works on Fargate with awsvpc, so it does not block the move, but AWS discontinues App Mesh " +
		"on 2026-09-30, after which its console and resources are no longer accessible.",
	Remediation: "Keep the proxy configuration for the move if needed, and plan the switch to ECS Service Connect (AWS publishes a migration guide).",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ProxyConfiguration.html",
		"https://docs.aws.amazon.com/app-mesh/latest/userguide/what-is-app-mesh.html",
	},
	Check: checkAppMeshProxy,
}

func checkAppMeshProxy(s *Subject) []Finding {
	pc := s.Def().ProxyConfiguration
	if pc == nil {
		return nil
	}
	typ := string(pc.Type)
	if typ == "" {
		typ = "APPMESH"
	}
	return s.one(Flag(at("proxyConfiguration"), typ, "proxy configuration %s (container %s) works on Fargate, but App Mesh is discontinued on 2026-09-30: plan a move to Service Connect",
		typ, ptr.Value(pc.ContainerName)))
}
