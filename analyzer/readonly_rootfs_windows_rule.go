package analyzer

import ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

var readonlyRootfsWindows = Rule{
	ID:       "readonly-rootfs-windows",
	Scope:    ScopeTask,
	Severity: Fixable,
	Title:    "readonlyRootFilesystem is not supported for Windows containers",
	Rationale: "The readonlyRootFilesystem parameter is not valid for Windows containers, so a Windows task definition that sets it " +
		"is rejected. Linux containers keep it.",
	Remediation: "Remove readonlyRootFilesystem from the Windows container definitions; restrict writes with NTFS permissions in the image instead.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
	},
	Check: checkReadonlyRootfsWindows,
	Fix:   removeField,
}

func checkReadonlyRootfsWindows(s *Subject) []Finding {
	if !s.Windows() {
		return nil
	}
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		if c.ReadonlyRootFilesystem == nil {
			return nil
		}
		return s.one(Flag(at(path, "readonlyRootFilesystem"), *c.ReadonlyRootFilesystem,
			"readonlyRootFilesystem is set on a Windows container, which does not support it; remove the key"))
	})
}
