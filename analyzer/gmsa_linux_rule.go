package analyzer

import (
	"strings"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

var gmsaLinux = Rule{
	ID:       "gmsa-linux",
	Scope:    ScopeTask,
	Severity: Blocker,
	Also:     []Severity{Fixable, Warning},
	Title:    "Linux containers on Fargate can only use domainless gMSA",
	Rationale: "On Fargate, Active Directory authentication for Linux containers works only with domainless gMSA " +
		"(`credentialspecdomainless:` in `credentialSpecs`, platform version 1.4.0 or later, one Active Directory per task, CredSpec file in S3). " +
		"The domain-joined `credentialspec:` form needs an EC2 host joined to the domain.",
	Remediation: "Create a Secrets Manager secret with the domain credentials, reference it from the CredSpec, store the CredSpec in S3 and " +
		"set `credentialSpecs` to [\"credentialspecdomainless:<ARN>\"] (one entry at most); remove the entry from `dockerSecurityOptions`. " +
		"The task subnets must reach the domain controllers.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-linux-gmsa.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
	},
	Fallback: "switch to domainless gMSA, or stay on EC2 with domain-joined hosts",
	Check:    checkGMSALinux,
	Fix:      fixGMSALinux,
}

func checkGMSALinux(s *Subject) []Finding {
	if s.Windows() {
		return nil
	}
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		out := s.findings()
		for i, spec := range c.CredentialSpecs {
			p := at(path, idx("credentialSpecs", i))
			if !isDomainlessCredSpec(spec) {
				out = append(out, Flag(p, spec, "domain-joined gMSA (credentialspec:) needs a domain-joined host; Fargate supports only credentialspecdomainless:"))
				continue
			}
			note := ""
			if parts := strings.SplitN(strings.TrimSpace(spec[len("credentialspecdomainless:"):]), ":", 4); len(parts) < 3 || parts[2] != "s3" {
				note = "; the CredSpec is not in S3, where Fargate expects it"
			}
			out = append(out, Flag(p, spec, "domainless gMSA works on Fargate (platform version 1.4.0+, one Active Directory per task); "+
				"the task subnets must reach the domain controllers%s", note).As(Warning))
		}
		for i, opt := range c.DockerSecurityOptions {
			if !isCredSpec(opt) {
				continue
			}
			p := at(path, idx("dockerSecurityOptions", i))
			if isDomainlessCredSpec(opt) {
				out = append(out, Flag(p, opt, "move this domainless credential spec from dockerSecurityOptions into credentialSpecs (Fargate rejects dockerSecurityOptions)").As(Fixable))
				continue
			}
			out = append(out, Flag(p, opt, "domain-joined gMSA (credentialspec:) needs a domain-joined host; Fargate supports only credentialspecdomainless: in credentialSpecs"))
		}
		return out
	})
}

// fixGMSALinux moves a domainless credential spec from
// dockerSecurityOptions into credentialSpecs, which Fargate reads.
func fixGMSALinux(x Fixer, _ *Subject, f Finding) {
	i, ok := f.Field.Element("containerDefinitions")
	if !ok {
		return
	}
	x.Delete(f.Field, false, f.Message)
	x.Append(at(idx("containerDefinitions", i), "credentialSpecs"), f.Value, false,
		"the domainless credential spec now sits in credentialSpecs")
}
