package analyzer

// serviceRules are the service-level rules, plus two about containers,
// registry-reachability and windows-ecs-exec, which need the service's
// network and settings.
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
