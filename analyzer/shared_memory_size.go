package analyzer

import ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

var sharedMemorySize = Rule{
	ID:       "shared-memory-size",
	Scope:    ScopeTask,
	Severity: Fixable,
	Title:    "Fargate does not support sizing /dev/shm with `sharedMemorySize`",
	Rationale: "`linuxParameters.sharedMemorySize` is documented as unsupported on Fargate, so the key must go and /dev/shm " +
		"falls back to the platform default. Headless browsers, PostgreSQL and ML data loaders that relied on a larger /dev/shm may fail.",
	Remediation: "The rewrite removes the key (lossy). Make the application use less shared memory (e.g. Chrome's " +
		"--disable-dev-shm-usage) or test a tmpfs mount at /dev/shm on a Fargate test task before relying on it; otherwise keep the workload on EC2.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LinuxParameters.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html",
		"https://github.com/aws/containers-roadmap/issues/710",
	},
	Check: checkSharedMemorySize,
	Fix:   dropField,
}

func checkSharedMemorySize(s *Subject) []Finding {
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		lp := s.linuxParams(c)
		if lp == nil || lp.SharedMemorySize == nil {
			return nil
		}
		size := *lp.SharedMemorySize
		return s.one(Flag(at(path, "linuxParameters", "sharedMemorySize"), size,
			"sharedMemorySize %d MiB is not supported on Fargate and is removed (lossy: /dev/shm falls back to the platform default size)", size))
	})
}
