package analyzer

// A service rule that can find something the service rewrite mends
// declares how, beside its check, as the task rules do (Fix): Rule.FixService
// gets each of its fixable findings and says, through a ServiceFixer, which
// settings of the Fargate service request the finding needs. The service
// rewrite (package rewrite) implements the ServiceFixer: it writes only the
// settings the fixes asked for into the update-service or create-service
// request (beside what every such request names: the Fargate task
// definition and platform version LATEST), and records each change under
// the rule that asked.

// ServiceFix mends one fixable finding of its rule on the service through x.
type ServiceFix func(x ServiceFixer, s *Subject, f Finding)

// ServiceFixer is the service request a fix asks for settings in. Every
// method may be called by several fixes and for several findings; a setting
// is planned once.
type ServiceFixer interface {
	// FargateCapacity runs the tasks on Fargate capacity: the FARGATE
	// capacity provider strategy (with FARGATE_SPOT at the user's weight)
	// in place of the launch type or the Auto Scaling group providers.
	FargateCapacity()
	// AwsvpcNetwork gives the tasks an awsvpc network configuration
	// (subnets and security groups from the user, the service or the
	// cluster's instances, else placeholders the user must replace).
	AwsvpcNetwork()
	// ClusterProviders asks for the Fargate capacity providers on the
	// service's cluster before the request; the rewrite says so (the
	// runbook runs put-cluster-capacity-providers), as no service request
	// can associate them.
	ClusterProviders()
	// IPTargetGroup points the load balancer entry whose targetGroupArn is
	// at path to a target group of type ip: the one it names when that is
	// of type ip already, else a new one (a create-target-group request)
	// whose port is the entry's containerPort.
	IPTargetGroup(path Path)
	// Clear empties the list at path (placementConstraints,
	// placementStrategy); lossy says that what it did on EC2 is gone, msg
	// says what changed and why, in one line.
	Clear(path Path, lossy bool, msg string)
	// OmitRole leaves the service's legacy load-balancer role out of a new
	// service (UpdateService cannot drop it; the rewrite's in-place
	// blocker says so); msg says why.
	OmitRole(msg string)
	// LatestPlatformVersion sets platformVersion LATEST, also on a service
	// that is on Fargate already (its only change then).
	LatestPlatformVersion()
	// VolumeType sets the managed EBS volume type at path, in a
	// deployment's volume configuration (deployments[i].
	// volumeConfigurations[j].managedEBSVolume.volumeType): the
	// update-service request carries that deployment's volume
	// configurations with the new type. msg says what changed and why.
	VolumeType(path Path, volumeType, msg string)
	// KeepContainerPort keeps the entry at path (a load balancer or a
	// service registry) naming the container port, which the Fargate task
	// definition's awsvpc mode publishes as it is: the request changes
	// nothing there, and the finding's message tells the clients of the old
	// host port.
	KeepContainerPort(path Path)
}
