// The file name ends in _rule.go because Go reads a _windows.go or _arm.go
// suffix as a build constraint and would drop the file on other platforms.

package analyzer

import (
	"cmp"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"
)

var serviceConnectWindows = Rule{
	ID:       "service-connect-windows",
	Scope:    ScopeService,
	Severity: Blocker,
	Title:    "Service Connect may not be available for Windows tasks on Fargate",
	Rationale: "Service Connect adds an Envoy-based proxy container to each task; AWS Copilot rejects Service Connect for Windows workloads, and we found no AWS document confirming " +
		"it for Windows on Fargate.",
	Remediation: "Test a Windows task with Service Connect on Fargate before relying on it; otherwise use Cloud Map service discovery or an internal load balancer for Windows services.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect.html",
		"https://github.com/aws/copilot-cli/blob/4c858e71/internal/pkg/manifest/validate.go",
	},
	Fallback:            "stay on EC2 Windows, or replace Service Connect with Cloud Map service discovery or a load balancer",
	Unverified:          "Service Connect for Windows on Fargate: only AWS Copilot's validation rejects it; not confirmed against current AWS documentation",
	NeedsTaskDefinition: true,
	Check:               checkServiceConnectWindows,
}

func checkServiceConnectWindows(s *Subject) []Finding {
	if !s.Windows() {
		return nil
	}
	svc := s.Svc()
	for _, i := range primaryDeployments(svc) {
		if sc := svc.Deployments[i].ServiceConnectConfiguration; sc != nil && sc.Enabled {
			return s.one(Flag(at(idx("deployments", i), "serviceConnectConfiguration", "enabled"), true,
				"the Windows service uses Service Connect (namespace %s), which is not confirmed for Windows on Fargate", cmp.Or(ptr.Value(sc.Namespace), "default")))
		}
	}
	return nil
}
