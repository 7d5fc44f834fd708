package fleet

import "github.com/ecs2fargate/ecs2fargate/internal/ptr"

// The functions below decide each object's account and region from what
// its own document says, once, when the fleet is built; every lookup and
// every output uses the result.

func identifyTaskDefinition(td *TaskDefinition, def Identity) {
	if !td.Identity.IsZero() {
		return
	}
	td.Identity = IdentityOf(ptr.Value(td.Def.TaskDefinitionArn))
	if td.Identity.IsZero() && !def.IsZero() {
		td.Identity, td.IdentityAssumed = def, true
	}
}

func identifyService(s *Service, def Identity) {
	if !s.Identity.IsZero() {
		return
	}
	s.Identity = firstIdentity(ptr.Value(s.Svc.ServiceArn), ptr.Value(s.Svc.ClusterArn), ptr.Value(s.Svc.TaskDefinition))
	if s.Identity.IsZero() && !def.IsZero() {
		s.Identity, s.IdentityAssumed = def, true
	}
}

func identifyContainerInstance(ci *ContainerInstance) {
	if ci.Identity.IsZero() {
		ci.Identity = IdentityOf(ptr.Value(ci.CI.ContainerInstanceArn))
	}
}

// identifyInstance fills what an instance's identity lacks: the account
// from owner (its reservation's OwnerId), the region from its zone.
func identifyInstance(in *Instance, owner string) {
	var zone string
	if in.EC2.Placement != nil {
		zone = ptr.Value(in.EC2.Placement.AvailabilityZone)
	}
	in.Identity = in.Identity.or(Identity{Account: owner, Region: RegionOfZone(zone)})
}

func identifyImage(img *Image) {
	if img.Identity.IsZero() {
		img.Identity.Account = ptr.Value(img.Detail.RegistryId)
	}
}

func identifyTargetGroup(tg *TargetGroup) {
	if tg.Identity.IsZero() {
		tg.Identity = IdentityOf(ptr.Value(tg.TG.TargetGroupArn))
	}
}

func identifySubnet(sn *Subnet) {
	if !sn.Identity.IsZero() {
		return
	}
	sn.Identity = IdentityOf(ptr.Value(sn.EC2.SubnetArn))
	if sn.Identity.IsZero() {
		sn.Identity = Identity{Account: ptr.Value(sn.EC2.OwnerId), Region: RegionOfZone(ptr.Value(sn.EC2.AvailabilityZone))}
	}
}

// identifyVolume reads a volume's region from its Availability Zone;
// describe-volumes names no account, so a volume links to an instance of
// any account in that region (see Identity.matches).
func identifyVolume(v *Volume) {
	if v.Identity.IsZero() {
		v.Identity.Region = RegionOfZone(ptr.Value(v.EC2.AvailabilityZone))
	}
}

// identifyCluster reads a hand-assembled cluster's identity from its
// detail's ARN, else its first service's or container instance's.
func identifyCluster(c *Cluster) {
	if !c.Identity.IsZero() {
		return
	}
	if c.Detail != nil {
		c.Identity = IdentityOf(ptr.Value(c.Detail.ClusterArn))
	}
	for _, s := range c.Services {
		if c.Identity.IsZero() {
			identifyService(s, Identity{})
			c.Identity = s.Identity
		}
	}
	for _, ci := range c.ContainerInstances {
		if c.Identity.IsZero() {
			identifyContainerInstance(ci)
			c.Identity = ci.Identity
		}
	}
}
