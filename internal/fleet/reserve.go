package fleet

// The builder's maps of resources by key were grown from empty while the
// results of the loader's workers were applied one by one, on one core:
// at 100,000 services their rehashing was about 1 % of an audit's CPU
// (issue 17). Each worker now counts the resources it makes, and the
// builder sizes its maps and lists from the sum before applying any.

// made counts the resources a fileLoad made, by kind: a hint for sizing,
// which may count a resource that then fails to decode.
type made struct {
	taskDefs, services, instances, cis, images, tgs, subnets, volumes int
}

// count adds the resource v, just made, to its kind's count.
func (m *made) count(v any) {
	switch v.(type) {
	case *TaskDefinition:
		m.taskDefs++
	case *Service:
		m.services++
	case *Instance:
		m.instances++
	case *ContainerInstance:
		m.cis++
	case *Image:
		m.images++
	case *TargetGroup:
		m.tgs++
	case *Subnet:
		m.subnets++
	case *Volume:
		m.volumes++
	}
}

// add adds the counts of o.
func (m *made) add(o made) {
	m.taskDefs += o.taskDefs
	m.services += o.services
	m.instances += o.instances
	m.cis += o.cis
	m.images += o.images
	m.tgs += o.tgs
	m.subnets += o.subnets
	m.volumes += o.volumes
}

// reserve gives the builder's maps and lists room for the resources of
// m, when they are still empty (a builder loads once).
func (b *builder) reserve(m made) {
	sized(&b.taskDefs, m.taskDefs)
	sized(&b.services, m.services)
	sized(&b.instances, m.instances)
	sized(&b.cis, m.cis)
	sized(&b.images, m.images)
	sized(&b.tgs, m.tgs)
	sized(&b.subnets, m.subnets)
	sized(&b.volumes, m.volumes)
	room(&b.fleet.TaskDefinitions, m.taskDefs)
	room(&b.fleet.Services, m.services)
	room(&b.fleet.Instances, m.instances)
	room(&b.fleet.TargetGroups, m.tgs)
	room(&b.fleet.Subnets, m.subnets)
	room(&b.fleet.Volumes, m.volumes)
}

// sized replaces the empty map *m with one with room for n entries.
func sized[V any](m *map[key]V, n int) {
	if len(*m) == 0 && n > 0 {
		*m = make(map[key]V, n)
	}
}

// room gives the empty list *s room for n elements.
func room[T any](s *[]T, n int) {
	if len(*s) == 0 && n > 0 {
		*s = make([]T, 0, n)
	}
}
