package analyzer

var ephemeralStorageCapacity = Rule{
	ID:       "ephemeral-storage-capacity",
	Scope:    ScopeTask,
	Severity: Blocker,
	Title:    "The task needs more local disk than Fargate's 200 GiB maximum",
	Rationale: "A Fargate task has one ephemeral volume of at most 200 GiB that holds the pulled images (compressed and " +
		"extracted), writable layers and bind mounts; a workload that needs more local disk cannot run there as written.",
	Remediation: "Move bulk data to EFS or to an EBS volume configured at launch, slim the images, or stay on EC2.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-storage.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EphemeralStorage.html",
	},
	Fallback: "move the data to EFS or EBS, or stay on EC2",
	Check:    checkEphemeralStorageCapacity,
}

func checkEphemeralStorageCapacity(s *Subject) []Finding {
	out := s.findings()
	if es := s.Def().EphemeralStorage; es != nil && es.SizeInGiB > ephemeralMaxGiB {
		out = append(out, Flag(at("ephemeralStorage", "sizeInGiB"), es.SizeInGiB,
			"the task asks for %d GiB of ephemeral storage; Fargate's maximum is %d GiB", es.SizeInGiB, ephemeralMaxGiB))
	}
	// Unknown image sizes are reported by image-vs-ephemeral, not twice.
	fp := imageFootprint(s)
	if need := gib(fp.lowerBoundBytes); need > ephemeralMaxGiB {
		out = append(out, Flag(at("containerDefinitions"), nil,
			"the images need at least %d GiB on the ephemeral volume (lower bound: twice their %s GiB compressed ECR size), more than Fargate's maximum of %d GiB",
			need, gibText(fp.compressedBytes), ephemeralMaxGiB))
	}
	return out
}
