package fleet

import (
	"fmt"
	"sort"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// builder collects documents from all inputs, then links them.
type builder struct {
	fleet *Fleet
	diags []Diagnostic

	taskDefs  map[string]*TaskDefinition    // by family:revision
	services  map[string]*Service           // by ARN (or cluster/name)
	instances map[string]*Instance          // by instance id
	cis       map[string]*ContainerInstance // by ARN
	images    map[string]*Image             // by registry/repository@digest
	tgs       map[string]*TargetGroup       // by ARN
	subnets   map[string]*Subnet            // by subnet id
	volumes   map[string]*Volume            // by volume id
	clusters  map[string]*Cluster           // by name

	memory map[string][]byte // inputs that are not files (stdin), by name
	read   map[string]bool   // absolute paths of the files read

	jsonOnly bool // decode with encoding/json alone, as before awsjson.DecodeStrict
}

func newBuilder() *builder {
	return &builder{
		fleet:     &Fleet{},
		taskDefs:  map[string]*TaskDefinition{},
		services:  map[string]*Service{},
		instances: map[string]*Instance{},
		cis:       map[string]*ContainerInstance{},
		images:    map[string]*Image{},
		tgs:       map[string]*TargetGroup{},
		subnets:   map[string]*Subnet{},
		volumes:   map[string]*Volume{},
		clusters:  map[string]*Cluster{},
		memory:    map[string][]byte{},
		read:      map[string]bool{},
	}
}

// duplicate warns that a document repeats one already read; the first wins.
func (b *builder) duplicate(kind, id string, first, again Source) {
	b.diags = append(b.diags, Diagnostic{File: again.File, Path: again.Path, Level: LevelWarning,
		Message: fmt.Sprintf("duplicate %s %s (first read from %s); this copy is ignored", kind, id, first.describe())})
}

func (s Source) describe() string {
	if s.Path == "" {
		return s.File
	}
	return s.File + " at " + s.Path
}

func (b *builder) addTaskDefinition(td *TaskDefinition) {
	key := td.Key()
	if key == "" {
		b.diags = append(b.diags, errorf(td.Doc.Source.File, td.Doc.Source.Path, "task definition has no family; it cannot be audited or linked to services"))
		return
	}
	if prev, dup := b.taskDefs[key]; dup {
		b.duplicate("task definition", key, prev.Doc.Source, td.Doc.Source)
		return
	}
	b.taskDefs[key] = td
	b.fleet.TaskDefinitions = append(b.fleet.TaskDefinitions, td)
}

func (b *builder) addService(s *Service) {
	s.Cluster = ClusterName(deref(s.Svc.ClusterArn))
	id := deref(s.Svc.ServiceArn)
	if id == "" {
		id = s.Cluster + "/" + deref(s.Svc.ServiceName)
	}
	if prev, dup := b.services[id]; dup {
		b.duplicate("service", id, prev.Doc.Source, s.Doc.Source)
		return
	}
	if s.Cluster == "" {
		b.diags = append(b.diags, Diagnostic{File: s.Doc.Source.File, Path: s.Doc.Source.Path, Level: LevelWarning,
			Message: "service has no clusterArn; it is reported under an empty cluster name"})
	}
	b.services[id] = s
	b.fleet.Services = append(b.fleet.Services, s)
}

func (b *builder) addContainerInstance(ci *ContainerInstance, cluster string) {
	// A repeated container instance would count its capacity twice.
	if arn := deref(ci.CI.ContainerInstanceArn); arn != "" {
		if prev, dup := b.cis[arn]; dup {
			b.duplicate("container instance", arn, prev.Doc.Source, ci.Doc.Source)
			return
		}
		b.cis[arn] = ci
	}
	if cluster == "" {
		cluster = containerInstanceCluster(deref(ci.CI.ContainerInstanceArn))
	}
	if cluster == "" {
		b.diags = append(b.diags, Diagnostic{File: ci.Doc.Source.File, Path: ci.Doc.Source.Path, Level: LevelWarning,
			Message: "container instance ARN is in the old short format, so its cluster is unknown; its capacity is not counted toward any cluster"})
	}
	ci.Cluster = cluster
	b.fleet.ContainerInstances = append(b.fleet.ContainerInstances, ci)
}

func (b *builder) addInstance(in *Instance) {
	id := deref(in.EC2.InstanceId)
	if prev, dup := b.instances[id]; dup {
		b.duplicate("EC2 instance", id, prev.Doc.Source, in.Doc.Source)
		return
	}
	b.instances[id] = in
	b.fleet.Instances = append(b.fleet.Instances, in)
}

func (b *builder) addImage(img *Image) {
	d := img.Detail
	if dg := deref(d.ImageDigest); dg != "" {
		id := deref(d.RegistryId) + "/" + deref(d.RepositoryName) + "@" + dg
		if prev, dup := b.images[id]; dup {
			b.duplicate("image", id, prev.Doc.Source, img.Doc.Source)
			return
		}
		b.images[id] = img
	}
	b.fleet.Images = append(b.fleet.Images, img)
}

func (b *builder) addTargetGroup(tg *TargetGroup) {
	id := deref(tg.TG.TargetGroupArn)
	if prev, dup := b.tgs[id]; dup {
		b.duplicate("target group", id, prev.Doc.Source, tg.Doc.Source)
		return
	}
	b.tgs[id] = tg
	b.fleet.TargetGroups = append(b.fleet.TargetGroups, tg)
}

func (b *builder) addVolume(v *Volume) {
	id := deref(v.EC2.VolumeId)
	if prev, dup := b.volumes[id]; dup {
		b.duplicate("volume", id, prev.Doc.Source, v.Doc.Source)
		return
	}
	b.volumes[id] = v
	b.fleet.Volumes = append(b.fleet.Volumes, v)
}

func (b *builder) addSubnet(sn *Subnet) {
	id := deref(sn.EC2.SubnetId)
	if prev, dup := b.subnets[id]; dup {
		b.duplicate("subnet", id, prev.Doc.Source, sn.Doc.Source)
		return
	}
	b.subnets[id] = sn
	b.fleet.Subnets = append(b.fleet.Subnets, sn)
}

func (b *builder) addClusterDetail(c *ecstypes.Cluster, doc Doc) {
	name := deref(c.ClusterName)
	if name == "" {
		name = ClusterName(deref(c.ClusterArn))
	}
	cl := b.cluster(name)
	if cl.Detail != nil {
		b.duplicate("cluster", name, cl.DetailDoc.Source, doc.Source)
		return
	}
	cl.Detail, cl.DetailDoc = c, doc
}

func (b *builder) cluster(name string) *Cluster {
	c, ok := b.clusters[name]
	if !ok {
		c = &Cluster{Name: name}
		b.clusters[name] = c
	}
	return c
}

// link connects services to task definitions, container instances to EC2
// instances, and both to clusters; then builds the lookup index.
func (b *builder) link() {
	metrics := map[string]*ServiceMetrics{}
	for i := range b.fleet.Metrics {
		metrics[b.fleet.Metrics[i].ServiceArn] = &b.fleet.Metrics[i]
	}
	for _, s := range b.fleet.Services {
		s.TaskDef = b.lookupTaskDef(s)
		s.Metrics = metrics[deref(s.Svc.ServiceArn)]
		c := b.cluster(s.Cluster)
		c.Services = append(c.Services, s)
	}
	for _, ci := range b.fleet.ContainerInstances {
		ci.Instance = b.instances[deref(ci.CI.Ec2InstanceId)]
		if ci.Cluster != "" {
			c := b.cluster(ci.Cluster)
			c.ContainerInstances = append(c.ContainerInstances, ci)
		}
	}
	for _, name := range sortedKeys(b.clusters) {
		b.fleet.Clusters = append(b.fleet.Clusters, b.clusters[name])
	}
	sortByKey(b.fleet.TaskDefinitions)
	sort.SliceStable(b.fleet.Services, func(i, j int) bool {
		a, c := b.fleet.Services[i], b.fleet.Services[j]
		if a.Cluster != c.Cluster {
			return a.Cluster < c.Cluster
		}
		return a.Name() < c.Name()
	})
	b.fleet.index = b.newIndex()
}

// sortByKey sorts task definitions by Key, stably, working out each key
// once rather than twice per comparison.
func sortByKey(tds []*TaskDefinition) {
	type keyed struct {
		key string
		td  *TaskDefinition
	}
	list := make([]keyed, len(tds))
	for i, td := range tds {
		list[i] = keyed{td.Key(), td}
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].key < list[j].key })
	for i := range list {
		tds[i] = list[i].td
	}
}

// lookupTaskDef finds a service's task definition by ARN or family:revision;
// a register-shaped input without a revision matches its family.
func (b *builder) lookupTaskDef(s *Service) *TaskDefinition {
	key := TaskDefinitionKey(deref(s.Svc.TaskDefinition))
	if td, ok := b.taskDefs[key]; ok {
		return td
	}
	family, _ := SplitTaskDefinitionKey(key)
	if td, ok := b.taskDefs[family]; ok && td.Def.Revision == 0 {
		return td
	}
	return nil
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
