package analyzer

import (
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// platformUnknownID is referred to by the verdict, which an undecided
// platform makes "unknown".
const platformUnknownID = "platform-unknown"

var platformUnknown = Rule{
	ID:       platformUnknownID,
	Scope:    ScopeTask,
	Severity: Warning,
	Title:    "The inputs do not say whether the task runs Linux or Windows",
	Rationale: "Fargate runs a task as LINUX unless `runtimePlatform.operatingSystemFamily` names a Windows Server family, and its sizes, " +
		"prices and supported parameters differ by OS. An EC2 task definition often declares neither; the container instances it ran on, " +
		"its images or its commands usually tell. When none of them does, a Linux rewrite of a Windows task would register and then fail to start.",
	Remediation: "Add `aws ecs describe-container-instances` output for the clusters that run the task (their ecs.os-type and ecs.os-family " +
		"attributes), or declare `runtimePlatform.operatingSystemFamily` (LINUX, or the WINDOWS_SERVER_2019/2022 FULL or CORE family of the image). " +
		"The verdict stays `unknown` until then.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RuntimePlatform.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking.html",
	},
	Check: checkPlatformUnknown,
}

func checkPlatformUnknown(s *Subject) []Finding {
	if s.TaskDef == nil {
		return nil
	}
	p := s.Platform()
	// A Windows task always gets a family (fleet.Platform guesses 2022
	// Server Core when nothing names one, and runtime-platform-windows says
	// so), so only an undecided OS is unknown.
	if p.OS == fleet.OSUnknown {
		return s.one(Flag(at("runtimePlatform", "operatingSystemFamily"), nil,
			"nothing in the inputs says whether the task runs Linux or Windows (no operatingSystemFamily, no container instances with ecs.os-type, "+
				"no Windows or POSIX images, commands or paths); add %s, or declare runtimePlatform.operatingSystemFamily", hostsToAdd(hostsOf(s))))
	}
	return nil
}

// hostsToAdd names the input that shows the hosts' OS.
func hostsToAdd(ev fleet.Hosts) string {
	if ev.Services == 0 {
		return "`aws ecs describe-services` output for the services that run this task definition and `aws ecs describe-container-instances` output for their clusters"
	}
	return "`aws ecs describe-container-instances` output for cluster " + strings.Join(ev.Clusters, ", ")
}
