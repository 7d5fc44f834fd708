package analyzer

import ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

var userWindows = Rule{
	ID:          "user-windows",
	Scope:       ScopeTask,
	Severity:    Fixable,
	Title:       "user is not supported for Windows containers",
	Rationale:   "The container `user` parameter is not valid for Windows containers, so a Windows task definition that sets it is rejected.",
	Remediation: "Remove `user` and set the account in the image instead (USER in the Dockerfile, e.g. ContainerUser).",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
	},
	Check: checkUserWindows,
	Fix:   removeField,
}

func checkUserWindows(s *Subject) []Finding {
	if !s.Windows() {
		return nil
	}
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		if c.User == nil {
			return nil
		}
		return s.one(Flag(at(path, "user"), *c.User,
			"user %q is set on a Windows container, which does not support it; remove it and set the user in the image", *c.User))
	})
}
