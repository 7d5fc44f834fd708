package fleet

import (
	"strconv"
	"sync"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"
)

// index holds the lookups built when the fleet is linked, and those built
// on first use. Each of the latter is built once under its sync.Once, so a
// fleet may be read from many goroutines without being warmed up first.
type index struct {
	taskDefs     map[key]*TaskDefinition
	instances    map[key]*Instance
	targetGroups map[key]*TargetGroup
	clusters     map[key]*Cluster
	subnets      map[key]*Subnet
	volumesOf    map[key][]*Volume // by the attached instance's id

	imagesOnce, usedByOnce, hostsOnce, networkOnce sync.Once
	images                                         *imageIndex // by registry, repository and tag or digest
	usedBy                                         map[*TaskDefinition][]*Service
	clusterHosts                                   map[*Cluster]*Hosts          // see clusterHosts
	clusterNetwork                                 map[*Cluster]instanceNetwork // see InstanceNetworkOf
}

// Key is the task definition's "family:revision", or "family" when the input
// carried no revision (the register-task-definition shape).
func (td *TaskDefinition) Key() string {
	family := ptr.Value(td.Def.Family)
	if family == "" || td.Def.Revision == 0 {
		return family
	}
	return family + ":" + strconv.Itoa(int(td.Def.Revision))
}

// Name is the service's name.
func (s *Service) Name() string { return ptr.Value(s.Svc.ServiceName) }

// TaskDefinitionKey is the family:revision the service runs, whether or not
// the inputs held that task definition.
func (s *Service) TaskDefinitionKey() string {
	return TaskDefinitionKey(ptr.Value(s.Svc.TaskDefinition))
}

// TaskDefinition looks up a task definition by family:revision in the
// account and region id (see Identity for inputs that name none).
func (f *Fleet) TaskDefinition(id Identity, k string) *TaskDefinition {
	td, _ := find(f.lookup().taskDefs, id, k)
	if td == nil {
		td = f.lookup().taskDefs[key{name: k}] // a register-shaped input
	}
	return td
}

// Instance looks up an EC2 instance by id in the account and region id.
func (f *Fleet) Instance(id Identity, instanceID string) *Instance {
	in, _ := find(f.lookup().instances, id, instanceID)
	return in
}

// TargetGroup looks up a target group by ARN; nil when it was not an input.
func (f *Fleet) TargetGroup(arn string) *TargetGroup {
	return f.lookup().targetGroups[key{IdentityOf(arn), arn}]
}

// VolumesOf lists the EBS volumes attached to an EC2 instance in the
// account and region id, in input order; empty when describe-volumes
// output did not cover it.
func (f *Fleet) VolumesOf(id Identity, instanceID string) []*Volume {
	vs, _ := find(f.lookup().volumesOf, id, instanceID)
	return vs
}

// Subnet looks up a subnet by id in the account and region id; nil when
// describe-subnets output did not cover it.
func (f *Fleet) Subnet(id Identity, subnetID string) *Subnet {
	sn, _ := find(f.lookup().subnets, id, subnetID)
	return sn
}

// Cluster looks up a cluster by name in the account and region id.
func (f *Fleet) Cluster(id Identity, name string) *Cluster {
	c, _ := find(f.lookup().clusters, id, name)
	return c
}

// ClusterOf is the cluster s belongs to.
func (f *Fleet) ClusterOf(s *Service) *Cluster { return f.Cluster(s.Identity, s.Cluster) }

// ServicesUsing lists the services that run td.
func (f *Fleet) ServicesUsing(td *TaskDefinition) []*Service {
	idx := f.lookup()
	idx.usedByOnce.Do(func() {
		idx.usedBy = map[*TaskDefinition][]*Service{}
		for _, s := range f.Services {
			if s.TaskDef != nil {
				idx.usedBy[s.TaskDef] = append(idx.usedBy[s.TaskDef], s)
			}
		}
	})
	return idx.usedBy[td]
}

// Image finds the ECR image a container image reference points to, by tag
// or digest; nil when the reference is not an ECR image or no
// describe-images output covered it.
func (f *Fleet) Image(ref string) *Image {
	idx := f.lookup()
	idx.imagesOnce.Do(func() { idx.images = newImageIndex(f.Images) })
	r := ParseImageRef(ref)
	if !r.IsECR() {
		return nil
	}
	k := imageKey{registry: r.Account, repository: r.Repository, ref: r.Tag}
	if r.Digest != "" {
		k.ref, k.digest = r.Digest, true
	}
	// As find does: the reference's account and region, then those it
	// may resolve to.
	ids, n := Identity{Account: r.Account, Region: r.Region}.matches()
	for _, k.id = range ids[:n] {
		if img := idx.images.find(k); img != nil {
			return img
		}
	}
	return nil
}

func (b *builder) newIndex() *index {
	volumesOf := map[key][]*Volume{}
	for _, v := range b.fleet.Volumes {
		identifyVolume(v) // a fleet assembled by hand
		for _, a := range v.EC2.Attachments {
			if id := ptr.Value(a.InstanceId); id != "" {
				k := key{v.Identity, id}
				volumesOf[k] = append(volumesOf[k], v)
			}
		}
	}
	return &index{taskDefs: b.taskDefs, instances: b.instances, targetGroups: b.tgs, clusters: b.clusters, subnets: b.subnets, volumesOf: volumesOf}
}

// lookup returns the index, building one, once, for fleets assembled by
// hand (tests, discovery) rather than by Load.
// Link links a fleet assembled by hand (tests, discovery) now rather than
// on its first lookup, which also fills in every object's Identity: call it
// before reading the fleet's objects from several goroutines. A fleet from
// Load is linked already.
func (f *Fleet) Link() { f.lookup() }

func (f *Fleet) lookup() *index {
	f.indexOnce.Do(func() {
		if f.index != nil {
			return // linked by Load
		}
		b := newBuilder()
		b.fleet = f
		for _, td := range f.TaskDefinitions {
			identifyTaskDefinition(td, Identity{})
			b.taskDefs[td.linkKey()] = td
		}
		for _, s := range f.Services {
			identifyService(s, Identity{})
		}
		for _, ci := range f.ContainerInstances {
			identifyContainerInstance(ci)
		}
		for _, in := range f.Instances {
			identifyInstance(in, "")
			b.instances[key{in.Identity, ptr.Value(in.EC2.InstanceId)}] = in
		}
		for _, tg := range f.TargetGroups {
			identifyTargetGroup(tg)
			b.tgs[key{tg.Identity, ptr.Value(tg.TG.TargetGroupArn)}] = tg
		}
		for _, img := range f.Images {
			identifyImage(img)
		}
		for _, c := range f.Clusters {
			identifyCluster(c)
			b.clusters[key{c.Identity, c.Name}] = c
		}
		for _, sn := range f.Subnets {
			identifySubnet(sn)
			b.subnets[key{sn.Identity, ptr.Value(sn.EC2.SubnetId)}] = sn
		}
		f.index = b.newIndex()
	})
	return f.index
}
