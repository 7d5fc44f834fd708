package analyzer

// containerRules are the container-definition-level rules; they run once
// per task definition and look at each container.
func containerRules() []Rule {
	return append(containerSecurityAndNetworkRules(), containerRuntimeRules()...)
}

// containerSecurityAndNetworkRules: privileges, Linux parameters, networking,
// GPUs and ports.
func containerSecurityAndNetworkRules() []Rule {
	return []Rule{
		privileged,
		capAdd,
		capDrop,
		devices,
		sharedMemorySize,
		tmpfs,
		maxSwap,
		swappiness,
		initProcess,
		linuxParamsWindows,
		links,
		linkReferences,
		hostname,
		dnsServers,
		dnsSearchDomains,
		extraHosts,
		disableNetworking,
		dockerSecurityOptions,
		gmsaLinux,
		gmsaWindows,
		gpu,
		neuron,
		hostPort,
		portCollision,
		portRange,
		systemControls,
		ulimits,
	}
}

// containerRuntimeRules: logging, roles and secrets, images, timeouts and
// platform-specific fields.
func containerRuntimeRules() []Rule {
	return []Rule{
		plaintextSecret,
		logDriverRule,
		noLogConfig,
		awslogsStreamPrefix,
		awslogsRequiredOptions,
		awslogsMode,
		firelensS3Config,
		firelensWindows,
		execRoleAWSLogs,
		execRoleECR,
		execRoleSecrets,
		agentRegistryAuth,
		imageRegistryLocal,
		environmentFiles,
		stopTimeout,
		startTimeout,
		dependsOn,
		readonlyRootfsWindows,
		userWindows,
		imageArch,
		imagePullNoCache,
		imdsAndInstanceRole,
		hostAgentDependency,
	}
}
