package analyzer

import "github.com/ecs2fargate/ecs2fargate/internal/ptr"

var ebsVolumeType = Rule{
	ID:          "ebs-volume-type",
	Scope:       ScopeService,
	Severity:    Fixable,
	Title:       "Magnetic EBS volumes cannot be attached to Fargate tasks",
	Rationale:   "Fargate tasks can attach an EBS volume configured at launch (Linux, platform version 1.4.0, since January 2024), but not of the magnetic `standard` volume type.",
	Remediation: "Set `managedEBSVolume.volumeType` to `gp3` (the rewrite does) and review its IOPS and throughput for the workload.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceManagedEBSVolumeConfiguration.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ebs-volumes.html",
	},
	Check: checkEBSVolumeType,
	FixService: func(x ServiceFixer, _ *Subject, f Finding) {
		x.VolumeType(f.Field, "gp3", "volume type gp3: Fargate does not attach magnetic (standard) volumes; review its IOPS and throughput")
	},
}

func checkEBSVolumeType(s *Subject) []Finding {
	svc := s.Svc()
	out := s.findings()
	for _, i := range primaryDeployments(svc) {
		for j, vc := range svc.Deployments[i].VolumeConfigurations {
			if vc.ManagedEBSVolume == nil || ptr.Value(vc.ManagedEBSVolume.VolumeType) != "standard" {
				continue
			}
			out = append(out, Flag(at(idx("deployments", i), idx("volumeConfigurations", j), "managedEBSVolume", "volumeType"), "standard",
				"volume %s uses the magnetic standard type, which Fargate does not support; use gp3", ptr.Value(vc.Name)))
		}
	}
	return out
}
