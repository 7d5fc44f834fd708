package analyzer

// serviceRules are the service-level rules (fargate-rules.md §1c), plus
// registry-reachability and windows-ecs-exec from §1b, which need the
// service's network and settings.
func serviceRules() []Rule {
	return []Rule{
		newServiceLaunchType,
		inPlaceSwitch,
		iacReplacement,
		immutableServiceFields,
		schedulingDaemon,
		clusterFargateProviders,
		cpStrategyShape,
		fargateSpotWindows,
		fargateSpotArm,
		fargateSpotBehaviour,
		servicePlacementConstraints,
		servicePlacementStrategy,
		networkConfiguration,
		assignPublicIP,
		securityGroupsPerTask,
		lbClassic,
		lbTargetTypeIP,
		lbContainerPort,
		nlbClientIP,
		serviceRole,
		serviceDiscovery,
		platformVersion,
		pv14Networking,
		healthCheckGrace,
		deployControllerCodeDeploy,
		deployControllerExternal,
		deploymentPercent,
		serviceConnectWindows,
		ebsVolumeType,
		fargateQuotas,
		subnetIPCapacity,
		taskRetirement,
		costModel,
		registryReachability,
		windowsECSExec,
	}
}
