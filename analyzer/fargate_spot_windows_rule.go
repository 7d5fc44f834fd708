// The file name ends in _rule.go because Go reads a _windows.go or _arm.go
// suffix as a build constraint and would drop the file on other platforms.

package analyzer

var fargateSpotWindows = Rule{
	ID:                  "fargate-spot-windows",
	Scope:               ScopeService,
	Severity:            Blocker,
	Title:               "Windows tasks cannot run on Fargate Spot",
	Rationale:           "Windows containers on Fargate do not support the FARGATE_SPOT capacity provider, so a strategy that places Windows tasks on it cannot launch them there.",
	Remediation:         "Use FARGATE (on-demand) only for Windows services; keep Spot savings for Linux services.",
	References:          []string{"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html"},
	Fallback:            "use the FARGATE (on-demand) capacity provider only",
	NeedsTaskDefinition: true,
	Check:               checkFargateSpotWindows,
}

func checkFargateSpotWindows(s *Subject) []Finding {
	if !s.Windows() {
		return nil
	}
	out := s.findings()
	for _, i := range spotItems(s.Svc()) {
		out = append(out, Flag(at(idx("capacityProviderStrategy", i), "capacityProvider"), providerFargateSpot,
			"the Windows task (%s) cannot run on FARGATE_SPOT; use FARGATE only", s.Def().RuntimePlatform.OperatingSystemFamily))
	}
	return out
}
