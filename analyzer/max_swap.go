package analyzer

import ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

var maxSwap = Rule{
	ID:       "max-swap",
	Scope:    ScopeTask,
	Severity: Fixable,
	Title:    "Fargate has no swap, so `maxSwap` must be removed",
	Rationale: "`linuxParameters.maxSwap` is not valid for Fargate tasks: there is no swap space, and the task memory is a hard ceiling. " +
		"A container that could spill into swap on an EC2 host with swap enabled may be OOM-killed instead.",
	Remediation: "The rewrite removes the key (lossy when it was above 0). Size the task memory for the container's peak, using " +
		"CloudWatch or Container Insights memory history from EC2.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LinuxParameters.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/container-swap.html",
	},
	Check: checkMaxSwap,
	Fix:   fixMaxSwap,
}

func checkMaxSwap(s *Subject) []Finding {
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		lp := s.linuxParams(c)
		if lp == nil || lp.MaxSwap == nil {
			return nil
		}
		v, p := *lp.MaxSwap, at(path, "linuxParameters", "maxSwap")
		if v == 0 {
			return s.one(Flag(p, v, "maxSwap 0 (swap off) already matches Fargate, which has no swap; the rewrite just drops the key"))
		}
		return s.one(Flag(p, v, "the container may use up to %d MiB of swap on hosts with swap enabled; Fargate has none, so the key is removed (lossy: size memory for the peak)", v))
	})
}

// fixMaxSwap removes the member; lossy unless it already said no swap.
func fixMaxSwap(x Fixer, _ *Subject, f Finding) { x.Delete(f.Field, f.Value != "0", f.Message) }
