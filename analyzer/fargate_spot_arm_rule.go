// The file name ends in _rule.go because Go reads a _windows.go or _arm.go
// suffix as a build constraint and would drop the file on other platforms.

package analyzer

var fargateSpotArm = Rule{
	ID:       "fargate-spot-arm",
	Scope:    ScopeService,
	Severity: Info,
	Title:    "Fargate Spot runs ARM64 tasks",
	Rationale: "Fargate Spot supports ARM64 (Graviton) tasks on platform version 1.4.0, documented since 2024-10. " +
		"Older documentation and some tools (e.g. AWS Copilot) still reject the combination; that restriction is outdated.",
	Remediation: "Nothing to change; keep the platform version at 1.4.0 or LATEST.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html",
	},
	NeedsTaskDefinition: true,
	Check:               checkFargateSpotArm,
}

func checkFargateSpotArm(s *Subject) []Finding {
	if !serviceARM64(s) || s.Windows() {
		return nil
	}
	out := s.findings()
	for _, i := range spotItems(s.Svc()) {
		out = append(out, Flag(at(idx("capacityProviderStrategy", i), "capacityProvider"), providerFargateSpot,
			"ARM64 tasks on FARGATE_SPOT are supported on platform version 1.4.0; no change needed"))
	}
	return out
}
