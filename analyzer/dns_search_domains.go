package analyzer

import ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

var dnsSearchDomains = Rule{
	ID:        "dns-search-domains",
	Scope:     ScopeTask,
	Severity:  Fixable,
	Title:     "Per-container DNS search domains are not valid on Fargate",
	Rationale: "`dnsSearchDomains` is not valid for Fargate tasks, so short host names that relied on a search suffix stop resolving.",
	Remediation: "The rewrite removes `dnsSearchDomains` (lossy). Use fully qualified names in the configuration, or set the " +
		"search domain for the whole VPC with a DHCP options set.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
	},
	Check: checkDNSSearchDomains,
	Fix:   dropField,
}

func checkDNSSearchDomains(s *Subject) []Finding {
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		if len(c.DnsSearchDomains) == 0 {
			return nil
		}
		return s.one(Flag(at(path, "dnsSearchDomains"), c.DnsSearchDomains,
			"DNS search domains %s are removed (lossy): use fully qualified names or the VPC's DHCP options", quoteList(c.DnsSearchDomains)))
	})
}
