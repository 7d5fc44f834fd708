package fleet

import (
	"fmt"
	"slices"
	"sort"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// builder collects documents from all inputs, then links them. Every map
// is keyed by account, region and name: see Identity.
type builder struct {
	fleet *Fleet
	diags []Diagnostic
	// def is the identity of inputs that carry no ARN (see LoadOptions).
	def Identity
	// translators read IaC inputs (see LoadOptions).
	translators []Translator
	// progress reports inputs read (see LoadOptions); nil for none.
	progress func(done, total int)

	taskDefs  map[key]*TaskDefinition    // by family:revision
	services  map[key]*Service           // by ARN (or cluster/name)
	instances map[key]*Instance          // by instance id
	cis       map[key]*ContainerInstance // by ARN
	images    map[key]*Image             // by registry/repository@digest
	tgs       map[key]*TargetGroup       // by ARN
	subnets   map[key]*Subnet            // by subnet id
	volumes   map[key]*Volume            // by volume id
	clusters  map[key]*Cluster           // by name

	memory map[string][]byte // inputs that are not files (stdin), by name
	read   map[string]bool   // absolute paths of the files read

	jsonOnly bool // decode with encoding/json alone, as before awsjson.DecodeStrict
}

func newBuilder() *builder {
	return &builder{
		fleet:     &Fleet{},
		taskDefs:  map[key]*TaskDefinition{},
		services:  map[key]*Service{},
		instances: map[key]*Instance{},
		cis:       map[key]*ContainerInstance{},
		images:    map[key]*Image{},
		tgs:       map[key]*TargetGroup{},
		subnets:   map[key]*Subnet{},
		volumes:   map[key]*Volume{},
		clusters:  map[key]*Cluster{},
		memory:    map[string][]byte{},
		read:      map[string]bool{},
	}
}

// duplicate warns that a document repeats one already read; the first wins.
// Only the same object (same ARN, or same name in the same account and
// region) read twice is a duplicate.
func (b *builder) duplicate(kind string, k key, first, again Source) {
	id := k.name
	if !k.id.IsZero() {
		id += " in " + k.id.String()
	}
	b.diags = append(b.diags, Diagnostic{File: again.File, Path: again.Path, Level: LevelWarning,
		Message: fmt.Sprintf("duplicate %s %s (first read from %s); this copy is ignored", kind, id, first.describe())})
}

func (s Source) describe() string {
	if s.Path == "" {
		return s.File
	}
	return s.File + " at " + s.Path
}

// linkKey is the key a task definition is found by: an input without an
// ARN is filed under no account and region, so services of any account and
// region that name its family still find it, as before identities.
func (td *TaskDefinition) linkKey() key {
	if td.IdentityAssumed {
		return key{name: td.Key()}
	}
	return key{td.Identity, td.Key()}
}

// addOnce records v under k in seen and appends it to list, unless a
// document with that key was read before: then it warns that this copy is
// ignored (the first wins, named by shown) and reports false.
func addOnce[T sourced](b *builder, seen map[key]T, list *[]T, kind string, k, shown key, v T) bool {
	if prev, dup := seen[k]; dup {
		b.duplicate(kind, shown, prev.source(), v.source())
		return false
	}
	seen[k] = v
	if list != nil {
		*list = append(*list, v)
	}
	return true
}

// sourced is a model object read from one input document.
type sourced interface{ source() Source }

func (td *TaskDefinition) source() Source    { return td.Doc.Source }
func (s *Service) source() Source            { return s.Doc.Source }
func (ci *ContainerInstance) source() Source { return ci.Doc.Source }
func (in *Instance) source() Source          { return in.Doc.Source }
func (img *Image) source() Source            { return img.Doc.Source }
func (tg *TargetGroup) source() Source       { return tg.Doc.Source }
func (sn *Subnet) source() Source            { return sn.Doc.Source }
func (v *Volume) source() Source             { return v.Doc.Source }

func (b *builder) addTaskDefinition(td *TaskDefinition) {
	identifyTaskDefinition(td, b.def)
	k := td.linkKey()
	if k.name == "" {
		b.diags = append(b.diags, errorf(td.Doc.Source.File, td.Doc.Source.Path, "task definition has no family; it cannot be audited or linked to services"))
		return
	}
	if !addOnce(b, b.taskDefs, &b.fleet.TaskDefinitions, "task definition", k, k, td) {
		return
	}
	if td.IdentityAssumed {
		b.diags = append(b.diags, Diagnostic{File: td.Doc.Source.File, Path: td.Doc.Source.Path, Level: LevelWarning,
			Message: "task definition carries no ARN, so its account and region are not in the input; taken as " + td.Identity.String() + " from --region or the AWS configuration"})
	}
}

func (b *builder) addService(s *Service) {
	s.Cluster = ClusterName(ptr.Value(s.Svc.ClusterArn))
	identifyService(s, b.def)
	id := ptr.Value(s.Svc.ServiceArn)
	if id == "" {
		id = s.Cluster + "/" + ptr.Value(s.Svc.ServiceName)
	}
	k := key{s.Identity, id}
	if !addOnce(b, b.services, &b.fleet.Services, "service", k, k, s) {
		return
	}
	if s.Cluster == "" {
		msg := "service has no clusterArn; it is reported under an empty cluster name"
		if why, ok := s.Doc.Unknown["clusterArn"]; ok {
			msg = "service's cluster is not known (" + why + "); it is reported under an empty cluster name"
		}
		b.diags = append(b.diags, Diagnostic{File: s.Doc.Source.File, Path: s.Doc.Source.Path, Level: LevelWarning, Message: msg})
	}
	if s.IdentityAssumed {
		b.diags = append(b.diags, Diagnostic{File: s.Doc.Source.File, Path: s.Doc.Source.Path, Level: LevelWarning,
			Message: "service carries no ARN, so its account and region are not in the input; taken as " + s.Identity.String() + " from --region or the AWS configuration"})
	}
}

func (b *builder) addContainerInstance(ci *ContainerInstance, cluster string) {
	identifyContainerInstance(ci)
	// A repeated container instance would count its capacity twice.
	if arn := ptr.Value(ci.CI.ContainerInstanceArn); arn != "" {
		k := key{ci.Identity, arn}
		if !addOnce(b, b.cis, nil, "container instance", k, key{name: arn}, ci) {
			return
		}
	}
	if cluster == "" {
		cluster = containerInstanceCluster(ptr.Value(ci.CI.ContainerInstanceArn))
	}
	if cluster == "" {
		b.diags = append(b.diags, Diagnostic{File: ci.Doc.Source.File, Path: ci.Doc.Source.Path, Level: LevelWarning,
			Message: "container instance ARN is in the old short format, so its cluster is unknown; its capacity is not counted toward any cluster"})
	}
	ci.Cluster = cluster
	b.fleet.ContainerInstances = append(b.fleet.ContainerInstances, ci)
}

func (b *builder) addInstance(in *Instance, owner string) {
	identifyInstance(in, owner)
	k := key{in.Identity, ptr.Value(in.EC2.InstanceId)}
	addOnce(b, b.instances, &b.fleet.Instances, "EC2 instance", k, k, in)
}

func (b *builder) addImage(img *Image) {
	identifyImage(img)
	d := img.Detail
	if dg := ptr.Value(d.ImageDigest); dg != "" {
		k := key{img.Identity, ptr.Value(d.RegistryId) + "/" + ptr.Value(d.RepositoryName) + "@" + dg}
		if !addOnce(b, b.images, nil, "image", k, key{name: k.name}, img) {
			return
		}
	}
	b.fleet.Images = append(b.fleet.Images, img)
}

func (b *builder) addTargetGroup(tg *TargetGroup) {
	identifyTargetGroup(tg)
	k := key{tg.Identity, ptr.Value(tg.TG.TargetGroupArn)}
	addOnce(b, b.tgs, &b.fleet.TargetGroups, "target group", k, key{name: k.name}, tg)
}

func (b *builder) addVolume(v *Volume) {
	identifyVolume(v)
	k := key{v.Identity, ptr.Value(v.EC2.VolumeId)}
	addOnce(b, b.volumes, &b.fleet.Volumes, "volume", k, k, v)
}

func (b *builder) addSubnet(sn *Subnet) {
	identifySubnet(sn)
	k := key{sn.Identity, ptr.Value(sn.EC2.SubnetId)}
	addOnce(b, b.subnets, &b.fleet.Subnets, "subnet", k, k, sn)
}

func (b *builder) addClusterDetail(c *ecstypes.Cluster, doc Doc) {
	name := ptr.Value(c.ClusterName)
	if name == "" {
		name = ClusterName(ptr.Value(c.ClusterArn))
	}
	// A cluster without an ARN (a translated CloudFormation or Terraform
	// cluster) is in the load's default account and region, as the services
	// without one that name it are.
	id := IdentityOf(ptr.Value(c.ClusterArn)).or(b.def)
	cl := b.cluster(id, name)
	if cl.Detail != nil {
		b.duplicate("cluster", key{id, name}, cl.DetailDoc.Source, doc.Source)
		return
	}
	cl.Detail, cl.DetailDoc = c, doc
}

func (b *builder) cluster(id Identity, name string) *Cluster {
	c, ok := b.clusters[key{id, name}]
	if !ok {
		c = &Cluster{Name: name, Identity: id}
		b.clusters[key{id, name}] = c
	}
	return c
}

// link connects services to task definitions, container instances to EC2
// instances, and both to clusters; then builds the lookup index.
func (b *builder) link() {
	metrics := map[string]*ServiceMetrics{}
	for i := range b.fleet.Metrics {
		m := &b.fleet.Metrics[i]
		if m.ServiceArn == "" {
			metrics[m.cluster+"/"+m.service] = m // from get-metric-data: by name
			continue
		}
		metrics[m.ServiceArn] = m
	}
	for _, s := range b.fleet.Services {
		s.TaskDef = b.lookupTaskDef(s)
		s.Metrics = metrics[ptr.Value(s.Svc.ServiceArn)]
		if s.Metrics == nil {
			if m := metrics[s.Cluster+"/"+s.Name()]; m != nil && m.ServiceArn == "" {
				m.ServiceArn, s.Metrics = ptr.Value(s.Svc.ServiceArn), m
			}
		}
		c := b.cluster(s.Identity, s.Cluster)
		c.Services = append(c.Services, s)
	}
	b.dropUnlinkedMetrics()
	for _, ci := range b.fleet.ContainerInstances {
		ci.Instance, _ = find(b.instances, ci.Identity, ptr.Value(ci.CI.Ec2InstanceId))
		if ci.Cluster != "" {
			c := b.cluster(ci.Identity, ci.Cluster)
			c.ContainerInstances = append(c.ContainerInstances, ci)
		}
	}
	b.mergeClusters()
	b.fleet.Clusters = sortedClusters(b.clusters)
	b.linkClusterMetrics()
	sortByKey(b.fleet.TaskDefinitions)
	sort.SliceStable(b.fleet.Services, func(i, j int) bool {
		a, c := b.fleet.Services[i], b.fleet.Services[j]
		if a.Cluster != c.Cluster {
			return a.Cluster < c.Cluster
		}
		if a.Identity != c.Identity {
			return a.Identity.less(c.Identity)
		}
		return a.Name() < c.Name()
	})
	b.fleet.index = b.newIndex()
}

// sortedClusters lists the clusters by name, then account and region: a
// one-region fleet lists them by name as before.
func sortedClusters(m map[key]*Cluster) []*Cluster {
	out := make([]*Cluster, 0, len(m))
	for _, c := range m {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].Identity.less(out[j].Identity)
	})
	return out
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
	sort.SliceStable(list, func(i, j int) bool {
		if list[i].key != list[j].key {
			return list[i].key < list[j].key
		}
		return list[i].td.Identity.less(list[j].td.Identity)
	})
	for i := range list {
		tds[i] = list[i].td
	}
}

// lookupTaskDef finds a service's task definition by ARN or family:revision
// in the service's own account and region (the ARN's, when the service
// names one); a register-shaped input without a revision matches its family.
func (b *builder) lookupTaskDef(s *Service) *TaskDefinition {
	ref := ptr.Value(s.Svc.TaskDefinition)
	id := IdentityOf(ref)
	if id.IsZero() {
		id = s.Identity
	}
	k := TaskDefinitionKey(ref)
	if td, ok := find(b.taskDefs, id, k); ok {
		return td
	}
	family, _ := SplitTaskDefinitionKey(k)
	if td, ok := find(b.taskDefs, id, family); ok && td.Def.Revision == 0 {
		return td
	}
	return nil
}

// dropUnlinkedMetrics warns of and drops the figures of a get-metric-data
// export that name no service among the inputs.
func (b *builder) dropUnlinkedMetrics() {
	// A new slice only when one is dropped: services point into this one.
	if !slices.ContainsFunc(b.fleet.Metrics, func(m ServiceMetrics) bool { return m.ServiceArn == "" }) {
		return
	}
	var kept []ServiceMetrics
	for _, m := range b.fleet.Metrics {
		if m.ServiceArn == "" {
			b.diags = append(b.diags, Diagnostic{File: m.file, Path: m.path + ".Label", Level: LevelWarning,
				Message: fmt.Sprintf("metrics for service %s in cluster %s: no such service among the inputs (add its describe-services output); they are ignored", m.service, m.cluster)})
			continue
		}
		kept = append(kept, m)
	}
	b.fleet.Metrics = kept
}

// linkClusterMetrics gives each cluster its CloudWatch host count, by the
// account, region and name of the metrics' cluster ARN.
func (b *builder) linkClusterMetrics() {
	var kept []ClusterMetrics
	for _, m := range b.fleet.ClusterMetrics {
		if m.ClusterArn == "" && !b.nameCluster(&m) {
			continue
		}
		kept = append(kept, m)
	}
	b.fleet.ClusterMetrics = kept
	for i := range b.fleet.ClusterMetrics {
		m := &b.fleet.ClusterMetrics[i]
		if c, ok := b.clusters[key{IdentityOf(m.ClusterArn), ClusterName(m.ClusterArn)}]; ok {
			c.Metrics = m
		}
	}
}

// nameCluster gives an exported cluster figure the ARN of the one cluster
// of its name among the inputs, or warns that it names none or several.
func (b *builder) nameCluster(m *ClusterMetrics) bool {
	var found []*Cluster
	for _, c := range b.fleet.Clusters {
		if c.Name == m.cluster {
			found = append(found, c)
		}
	}
	if len(found) != 1 {
		why := "no cluster of that name is among the inputs (add describe-services or describe-container-instances output)"
		if len(found) > 1 {
			why = "clusters of that name are in several accounts or regions of the inputs; export one file per account and region"
		}
		b.diags = append(b.diags, Diagnostic{File: m.file, Path: m.path + ".Label", Level: LevelWarning,
			Message: fmt.Sprintf("host count for cluster %s: %s; it is ignored", m.cluster, why)})
		return false
	}
	c := found[0]
	m.ClusterArn = fmt.Sprintf("arn:aws:ecs:%s:%s:cluster/%s", c.Identity.Region, c.Identity.Account, c.Name)
	if c.Detail != nil && ptr.Value(c.Detail.ClusterArn) != "" {
		m.ClusterArn = ptr.Value(c.Detail.ClusterArn)
	}
	return true
}
