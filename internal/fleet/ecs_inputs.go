package fleet

// HoldsECS reports whether the inputs held anything ECS: a task
// definition, a service, a cluster or a container instance. EC2
// instances, images, target groups and subnets only add detail to those;
// without them no command has anything to audit, rewrite or price, and a
// run over the wrong folder must not pass as a clean one.
func (f *Fleet) HoldsECS() bool {
	return f != nil && (len(f.TaskDefinitions) > 0 || len(f.Services) > 0 || len(f.Clusters) > 0 || len(f.ContainerInstances) > 0)
}
