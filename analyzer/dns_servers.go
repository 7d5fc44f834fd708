package analyzer

import ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

var dnsServers = Rule{
	ID:        "dns-servers",
	Scope:     ScopeTask,
	Severity:  Fixable,
	Title:     "Per-container DNS servers are not valid on Fargate",
	Rationale: "`dnsServers` is not valid for Fargate tasks: name resolution comes from the VPC the task's network interface sits in.",
	Remediation: "The rewrite removes `dnsServers` (lossy). Provide the same resolution through the VPC: a DHCP options set, " +
		"Route 53 Resolver forwarding rules, or a private hosted zone.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
	},
	Check: checkDNSServers,
	Fix:   dropField,
}

func checkDNSServers(s *Subject) []Finding {
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		if len(c.DnsServers) == 0 {
			return nil
		}
		return s.one(Flag(at(path, "dnsServers"), c.DnsServers,
			"DNS servers %s are removed (lossy): on Fargate the resolver comes from the VPC, so forward to them with Route 53 Resolver rules or DHCP options",
			quoteList(c.DnsServers)))
	})
}
