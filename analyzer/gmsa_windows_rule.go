// File name: gmsa_windows.go would build only on GOOS=windows.

package analyzer

import ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

var gmsaWindows = Rule{
	ID:       "gmsa-windows",
	Scope:    ScopeTask,
	Severity: Blocker,
	Title:    "gMSA for Windows containers is not documented for Fargate",
	Rationale: "AWS documents gMSA on Fargate only for Linux containers; for Windows containers on Fargate we found no supported way to " +
		"use a credential spec, and a request for Active Directory join from Windows Fargate tasks is still open.",
	Remediation: "Keep Windows workloads that authenticate with gMSA on EC2 Windows container instances, or move the authentication " +
		"out of Active Directory. Re-check the AWS documentation before relying on this rule.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-linux-gmsa.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
		"https://github.com/aws/containers-roadmap/issues/2616",
	},
	Fallback:   "stay on EC2 Windows container instances",
	Unverified: "that Windows containers on Fargate cannot use gMSA at all (no AWS page found either way)",
	Check:      checkGMSAWindows,
}

func checkGMSAWindows(s *Subject) []Finding {
	if !s.Windows() {
		return nil
	}
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		out := s.findings()
		for i, spec := range c.CredentialSpecs {
			out = append(out, Flag(at(path, idx("credentialSpecs", i)), spec,
				"the Windows container uses gMSA, which is not documented for Windows on Fargate"))
		}
		for i, opt := range c.DockerSecurityOptions {
			if isCredSpec(opt) {
				out = append(out, Flag(at(path, idx("dockerSecurityOptions", i)), opt,
					"the Windows container uses gMSA, which is not documented for Windows on Fargate"))
			}
		}
		return out
	})
}
