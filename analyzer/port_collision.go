package analyzer

import (
	"fmt"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

var portCollision = Rule{
	ID:       "port-collision",
	Scope:    ScopeTask,
	Severity: Blocker,
	Title:    "Two containers of the task use the same container port",
	Rationale: "In bridge mode each container has its own network namespace, so two containers may both listen on, say, 8080 behind " +
		"different host ports. In awsvpc, which Fargate requires, all containers of a task share one namespace and one IP address, " +
		"so the second one cannot bind the port.",
	Remediation: "Change one application to listen on another port, update its port mapping, and follow with the load balancer, " +
		"health check and security group settings. This needs a configuration change, so the rewrite cannot do it.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-security-considerations.html",
	},
	Fallback: "change one container's listen port, or stay on EC2 in bridge mode",
	Check:    checkPortCollision,
}

type portUse struct {
	container string
	proto     string
	lo, hi    int
}

func checkPortCollision(s *Subject) []Finding {
	var earlier []portUse // ports of the containers already visited
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		var mine []portUse
		var found []Finding
		for i, pm := range c.PortMappings {
			lo, hi, ok := portSpan(pm)
			if !ok {
				continue
			}
			u := portUse{container: ptr.Value(c.Name), proto: portProtocol(pm), lo: lo, hi: hi}
			mine = append(mine, u)
			for _, e := range earlier {
				if e.proto != u.proto || e.hi < u.lo || u.hi < e.lo {
					continue
				}
				field, shown := "containerPort", any(lo)
				if pm.ContainerPort == nil {
					field, shown = "containerPortRange", ptr.Value(pm.ContainerPortRange)
				}
				found = append(found, Flag(at(path, idx("portMappings", i), field), shown,
					"port %s/%s is also used by container %s; in awsvpc both share one network namespace, so one of them must listen on another port",
					spanText(u.lo, u.hi), u.proto, e.container))
				break
			}
		}
		earlier = append(earlier, mine...)
		return found
	})
}

func spanText(lo, hi int) string {
	if lo == hi {
		return fmt.Sprint(lo)
	}
	return fmt.Sprintf("%d-%d", lo, hi)
}
