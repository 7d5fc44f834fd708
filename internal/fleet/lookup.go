package fleet

import (
	"strconv"
	"strings"
	"sync"
)

// index holds the lookups built when the fleet is linked, and those built
// on first use. Each of the latter is built once under its sync.Once, so a
// fleet may be read from many goroutines without being warmed up first.
type index struct {
	taskDefs     map[string]*TaskDefinition
	instances    map[string]*Instance
	targetGroups map[string]*TargetGroup
	clusters     map[string]*Cluster
	subnets      map[string]*Subnet
	volumesOf    map[string][]*Volume

	imagesOnce, usedByOnce, hostsOnce sync.Once
	images                            map[string]*Image // by "registry/repo:tag" and "registry/repo@digest"
	usedBy                            map[*TaskDefinition][]*Service
	clusterHosts                      map[string]*Hosts // by cluster name, see clusterHosts
}

// Key is the task definition's "family:revision", or "family" when the input
// carried no revision (the register-task-definition shape).
func (td *TaskDefinition) Key() string {
	family := deref(td.Def.Family)
	if family == "" || td.Def.Revision == 0 {
		return family
	}
	return family + ":" + strconv.Itoa(int(td.Def.Revision))
}

// IsWindows reports whether the task definition declares a Windows OS family.
func (td *TaskDefinition) IsWindows() bool {
	return td.Def.RuntimePlatform != nil && strings.HasPrefix(string(td.Def.RuntimePlatform.OperatingSystemFamily), "WINDOWS")
}

// Name is the service's name.
func (s *Service) Name() string { return deref(s.Svc.ServiceName) }

// TaskDefinitionKey is the family:revision the service runs, whether or not
// the inputs held that task definition.
func (s *Service) TaskDefinitionKey() string { return TaskDefinitionKey(deref(s.Svc.TaskDefinition)) }

// TaskDefinition looks up a task definition by family:revision.
func (f *Fleet) TaskDefinition(key string) *TaskDefinition { return f.lookup().taskDefs[key] }

// Instance looks up an EC2 instance by id.
func (f *Fleet) Instance(id string) *Instance { return f.lookup().instances[id] }

// TargetGroup looks up a target group by ARN; nil when it was not an input.
func (f *Fleet) TargetGroup(arn string) *TargetGroup { return f.lookup().targetGroups[arn] }

// VolumesOf lists the EBS volumes attached to an EC2 instance, in input
// order; empty when describe-volumes output did not cover it.
func (f *Fleet) VolumesOf(instanceID string) []*Volume { return f.lookup().volumesOf[instanceID] }

// Subnet looks up a subnet by id; nil when describe-subnets output did not cover it.
func (f *Fleet) Subnet(id string) *Subnet { return f.lookup().subnets[id] }

// Cluster looks up a cluster by name.
func (f *Fleet) Cluster(name string) *Cluster { return f.lookup().clusters[name] }

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
	idx.imagesOnce.Do(func() {
		idx.images = map[string]*Image{}
		for _, img := range f.Images {
			for _, k := range imageKeys(img) {
				idx.images[k] = img
			}
		}
	})
	r := ParseImageRef(ref)
	if !r.IsECR() {
		return nil
	}
	if r.Digest != "" {
		return idx.images[r.Account+"/"+r.Repository+"@"+r.Digest]
	}
	return idx.images[r.Account+"/"+r.Repository+":"+r.Tag]
}

func imageKeys(img *Image) []string {
	d := img.Detail
	base := deref(d.RegistryId) + "/" + deref(d.RepositoryName)
	var keys []string
	for _, t := range d.ImageTags {
		keys = append(keys, base+":"+t)
	}
	if dg := deref(d.ImageDigest); dg != "" {
		keys = append(keys, base+"@"+dg)
	}
	return keys
}

func (b *builder) newIndex() *index {
	volumesOf := map[string][]*Volume{}
	for _, v := range b.fleet.Volumes {
		for _, a := range v.EC2.Attachments {
			if id := deref(a.InstanceId); id != "" {
				volumesOf[id] = append(volumesOf[id], v)
			}
		}
	}
	return &index{taskDefs: b.taskDefs, instances: b.instances, targetGroups: b.tgs, clusters: b.clusters, subnets: b.subnets, volumesOf: volumesOf}
}

// lookup returns the index, building one, once, for fleets assembled by
// hand (tests, discovery) rather than by Load.
func (f *Fleet) lookup() *index {
	f.indexOnce.Do(func() {
		if f.index != nil {
			return // linked by Load
		}
		b := newBuilder()
		b.fleet = f
		for _, td := range f.TaskDefinitions {
			b.taskDefs[td.Key()] = td
		}
		for _, in := range f.Instances {
			b.instances[deref(in.EC2.InstanceId)] = in
		}
		for _, tg := range f.TargetGroups {
			b.tgs[deref(tg.TG.TargetGroupArn)] = tg
		}
		for _, c := range f.Clusters {
			b.clusters[c.Name] = c
		}
		for _, sn := range f.Subnets {
			b.subnets[deref(sn.EC2.SubnetId)] = sn
		}
		f.index = b.newIndex()
	})
	return f.index
}
