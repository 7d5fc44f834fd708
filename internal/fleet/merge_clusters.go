package fleet

// A cluster named by an input that carries no ARN (a Terraform or
// CloudFormation service, a register-shaped input) is filed under the
// account and region the run assumed, often only a region or nothing at
// all; its container instances, read from describe-container-instances,
// are filed under the ARN's full identity. Both are the same cluster when
// exactly one cluster of that name has a full identity (account and
// region) that agrees with every part the other knows: mergeClusters joins them, so that mixed inputs
// (Terraform for the services, AWS CLI output for the hosts) price and
// audit as one cluster. Two candidates, or none, leave them apart: that
// would be a guess.
func (b *builder) mergeClusters() {
	for k, c := range b.clusters {
		if c.Identity.complete() {
			continue
		}
		var into *Cluster
		n := 0
		for k2, c2 := range b.clusters {
			if k2 != k && k2.name == k.name && c2.Identity.complete() && c2.Identity.knows(c.Identity) {
				into, n = c2, n+1
			}
		}
		if n != 1 {
			continue
		}
		for _, s := range c.Services {
			s.Identity = s.Identity.or(into.Identity)
		}
		into.Services = append(into.Services, c.Services...)
		into.ContainerInstances = append(into.ContainerInstances, c.ContainerInstances...)
		if into.Detail == nil {
			into.Detail, into.DetailDoc = c.Detail, c.DetailDoc
		}
		delete(b.clusters, k)
	}
}

// knows reports whether id agrees with every part of o that o knows, and
// knows more than o.
func (id Identity) knows(o Identity) bool {
	if o.Account != "" && o.Account != id.Account || o.Region != "" && o.Region != id.Region {
		return false
	}
	return id != o
}

func (id Identity) complete() bool { return id.Account != "" && id.Region != "" }
