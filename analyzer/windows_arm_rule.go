package analyzer

import ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

var windowsArm = Rule{
	ID:          "windows-arm",
	Scope:       ScopeTask,
	Severity:    Blocker,
	Title:       "Windows tasks cannot run on ARM64 on Fargate",
	Rationale:   "Fargate runs Windows containers only on X86_64; a Windows family combined with `cpuArchitecture: ARM64` has no Fargate platform.",
	Remediation: "Use X86_64 Windows images and declare X86_64, or keep the workload where it runs today.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RuntimePlatform.html",
		"https://docs.aws.amazon.com/batch/latest/APIReference/API_RuntimePlatform.html",
	},
	Fallback: "use X86_64 Windows images, or stay on EC2",
	Check:    checkWindowsArm,
}

func checkWindowsArm(s *Subject) []Finding {
	if !s.Windows() || declaredArch(s.Def()) != ecstypes.CPUArchitectureArm64 {
		return nil
	}
	return s.one(Flag(at("runtimePlatform", "cpuArchitecture"), ecstypes.CPUArchitectureArm64,
		"%s with ARM64 has no Fargate platform; Windows on Fargate is X86_64 only", osFamily(s.Def())))
}
