package runbook

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/awsjson"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/ptr"
	"github.com/ecs2fargate/ecs2fargate/rewrite"
)

// cmd writes AWS CLI lines for one account and region.
type cmd struct{ region, profile string }

func (c cmd) aws(service, op string, args ...string) string {
	return fmt.Sprintf("aws %s %s --region %s --profile \"$%s\" %s", service, op, c.region, c.profile, strings.Join(args, " "))
}

// q quotes a word for bash.
func q(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// Documentation the steps rest on.
const (
	docPutCapacityProviders = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PutClusterCapacityProviders.html"
	docExecutionRole        = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html"
	docServiceLinkedRole    = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using-service-linked-roles.html"
	docUpdateService        = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html"
	docWeightedForward      = "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html#forward-actions"
)

// executionRoleTrust is the trust policy of a task execution role.
const executionRoleTrust = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}`

func (b *builder) preconditions(k [2]string, g *Group) []Step {
	c := cmd{region: k[1], profile: g.Profile}
	var out []Step
	for _, cl := range b.clusters[k] {
		out = append(out, capacityProviderStep(c, cl, b.spot))
	}
	// IAM is global: its steps go in the account's first region.
	if !b.iamDone[k[0]] {
		b.iamDone[k[0]] = true
		// Found by its path, /aws-service-role/ecs.amazonaws.com/, which
		// IAM gives every service-linked role of ECS.
		slr := c.aws("iam", "list-roles", "--path-prefix /aws-service-role/ecs.amazonaws.com/", "--query 'length(Roles)' --output text")
		for _, arn := range b.accountRoles(k[0]) {
			out = append(out, executionRoleStep(c, arn))
		}
		out = append(out, Step{
			Title: "ECS service-linked role",
			Why:   "ECS uses the AWSServiceRoleForECS role to manage the tasks' network interfaces on Fargate; it exists in most accounts already (" + docServiceLinkedRole + ").",
			Run: []string{
				fmt.Sprintf("if [ \"$(%s)\" = 0 ]; then %s >/dev/null; fi", slr, c.aws("iam", "create-service-linked-role", "--aws-service-name ecs.amazonaws.com")),
			},
			Check:    []string{fmt.Sprintf("[ \"$(%s)\" != 0 ]", slr)},
			Rollback: []string{"# none: the role is shared by every ECS cluster of the account and costs nothing; leave it"},
			Action:   Action{Kind: KindServiceLinkedRole},
		})
	}
	for _, lg := range b.logs[k] {
		lc := cmd{region: lg.region, profile: g.Profile}
		created := "lg_" + ident(lg.region+"_"+lg.name) + "_created"
		name := q(lg.name)
		exists := lc.aws("logs", "describe-log-groups", "--log-group-name-prefix "+name, fmt.Sprintf("--query \"length(logGroups[?logGroupName==\\`%s\\`])\" --output text", jmesLiteral(lg.name)))
		out = append(out, Step{
			Title: "Log group " + lg.name,
			Why:   "awslogs does not create the group unless awslogs-create-group is true; tasks fail to start without it.",
			Run: []string{
				fmt.Sprintf("if [ \"$(%s)\" = 0 ]; then %s; %s=yes; fi", exists, lc.aws("logs", "create-log-group", "--log-group-name "+name), created),
			},
			Check:    []string{fmt.Sprintf("[ \"$(%s)\" = 1 ]", exists)},
			Rollback: []string{fmt.Sprintf("if [ \"${%s:-}\" = yes ]; then %s; fi # only a group this run created (it then holds the new tasks' logs)", created, lc.aws("logs", "delete-log-group", "--log-group-name "+name))},
			Action:   Action{Kind: KindLogGroup, Name: lg.name, Region: lg.region},
		})
	}
	return out
}

// jmesLiteral escapes a value for a JMESPath raw string literal in backticks.
func jmesLiteral(s string) string { return strings.ReplaceAll(s, "`", "\\`") }

func (b *builder) accountRoles(account string) []string {
	var out []string
	for _, k := range b.order {
		if k[0] != account {
			continue
		}
		for _, r := range b.roles[k] {
			if !slices.Contains(out, r) {
				out = append(out, r)
			}
		}
	}
	return out
}

func capacityProviderStep(c cmd, cluster string, spot bool) Step {
	add := "FARGATE"
	if spot {
		add = "FARGATE FARGATE_SPOT"
	}
	cl := q(cluster)
	v := "cp_" + ident(c.region+"_"+cluster)
	return Step{
		Action: Action{Kind: KindCapacityProviders, Cluster: cluster, Spot: spot},
		Title:  "Capacity providers of cluster " + cluster,
		Why: "The services' new capacity provider strategy needs " + strings.ReplaceAll(add, " ", " and ") + " associated with the cluster. put-cluster-capacity-providers replaces the whole list and the default strategy, " +
			"so the step reads both first and writes them back with Fargate's added (" + docPutCapacityProviders + ").",
		Run: []string{
			v + "_existing=$(" + c.aws("ecs", "describe-clusters", "--clusters "+cl, "--query 'clusters[0].capacityProviders' --output text") + "); [ \"$" + v + "_existing\" = None ] && " + v + "_existing=",
			v + "_strategy=$(" + c.aws("ecs", "describe-clusters", "--clusters "+cl, "--query 'clusters[0].defaultCapacityProviderStrategy' --output json") + "); [ \"$" + v + "_strategy\" = null ] && " + v + "_strategy='[]'",
			"wanted=\"$" + v + "_existing\"; for cp in " + add + "; do case \" $wanted \" in *\" $cp \"*) ;; *) wanted=\"$wanted $cp\";; esac; done",
			"if [ \"$wanted\" != \"$" + v + "_existing\" ]; then " + c.aws("ecs", "put-cluster-capacity-providers", "--cluster "+cl, "--capacity-providers $wanted", "--default-capacity-provider-strategy \"$"+v+"_strategy\"") + " >/dev/null; " + v + "_changed=yes; fi",
		},
		Check: []string{
			"for cp in " + add + "; do " + c.aws("ecs", "describe-clusters", "--clusters "+cl, "--query 'clusters[0].capacityProviders' --output text") + " | tr '\\t' '\\n' | grep -x \"$cp\" >/dev/null; done",
		},
		Rollback: []string{
			"# restores the list and default strategy read above, if the step changed them (a provider a service still uses cannot be removed)",
			"if [ \"${" + v + "_changed:-}\" = yes ]; then " + c.aws("ecs", "put-cluster-capacity-providers", "--cluster "+cl, "--capacity-providers ${"+v+"_existing:-[]}", "--default-capacity-provider-strategy \"$"+v+"_strategy\"") + " >/dev/null; fi",
		},
	}
}

func executionRoleStep(c cmd, arn string) Step {
	name := arn
	if a, ok := fleet.ParseARN(arn); ok {
		name = strings.TrimPrefix(a.Resource, "role/")
		if i := strings.LastIndexByte(name, '/'); i >= 0 {
			name = name[i+1:]
		}
	}
	get := c.aws("iam", "get-role", "--role-name "+q(name), "--query Role.Arn --output text")
	created := "role_" + ident(c.region+"_"+name) + "_created"
	s := Step{
		Action: Action{Kind: KindExecutionRole, Name: name, ExecutionRoleARN: arn, CreateRole: name == "ecsTaskExecutionRole"},
		Title:  "Task execution role " + name,
		Why:    "Fargate pulls private images, writes awslogs and reads secrets with the task execution role named in the task definitions (" + docExecutionRole + ").",
		Check:  []string{get},
	}
	if name == "ecsTaskExecutionRole" {
		s.Run = []string{
			fmt.Sprintf("if ! %s >/dev/null 2>&1; then", get),
			"  " + c.aws("iam", "create-role", "--role-name "+q(name), "--assume-role-policy-document "+q(executionRoleTrust)) + " >/dev/null",
			"  " + created + "=yes",
			"  " + c.aws("iam", "attach-role-policy", "--role-name "+q(name), "--policy-arn arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"),
			"fi",
		}
		s.Rollback = []string{
			"if [ \"${" + created + ":-}\" = yes ]; then " + c.aws("iam", "detach-role-policy", "--role-name "+q(name), "--policy-arn arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy") + " && " +
				c.aws("iam", "delete-role", "--role-name "+q(name)) + "; fi",
		}
	} else {
		s.Run = []string{fmt.Sprintf("%s >/dev/null || { echo 'role %s is named in the task definitions but does not exist: create it (trust ecs-tasks.amazonaws.com) before going on' >&2; exit 1; }", get, name)}
		s.Rollback = []string{"# none: the step only checks"}
	}
	return s
}

// serviceSteps moves one service: register its task definition, create
// its ip target groups and put them beside the old ones in the listeners
// at weight 0, update (or create) the service, shift the traffic once the
// new targets are healthy, and take the old groups out.
func (b *builder) serviceSteps(c cmd, s *rewrite.ServiceResult, old *fleet.Service, td *taskDef, sideBySide bool) []Step {
	v := varPrefix(s)
	cluster, service := q(s.Cluster), q(s.Service)
	var steps []Step
	oldTD := ""
	if old != nil {
		oldTD = ptr.Value(old.Svc.TaskDefinition)
	}
	if oldTD != "" {
		steps = append(steps, Step{
			Title: "Check the service is as planned",
			Why:   "The plan was made from the inputs; a service changed since (another deployment, a new task definition) is left alone.",
			Run: []string{
				fmt.Sprintf("[ \"$(%s)\" = %s ] || { echo 'service %s/%s changed since the plan (task definition or a deployment in progress): rewrite it again' >&2; exit 1; }",
					c.aws("ecs", "describe-services", "--cluster "+cluster, "--services "+service, "--query 'services[0].[taskDefinition,length(deployments)]' --output text"),
					q(oldTD+"\t1"), s.Cluster, s.Service),
			},
			Rollback: []string{"# none: the step only checks"},
			Action:   Action{Kind: KindCheckService, Cluster: s.Cluster, Service: s.Service, OldTaskDefinition: oldTD, OldDesiredCount: old.Svc.DesiredCount},
		})
	}
	steps = append(steps, Step{
		Action: Action{Kind: KindRegisterTaskDef, Document: td.Document},
		Title:  "Register the Fargate task definition",
		Why:    "A new revision of the family; the old revisions stay, so the service can go back to them.",
		Run:    []string{fmt.Sprintf("%s_td=$(%s)", v, c.aws("ecs", "register-task-definition", "--cli-input-json "+q("file://"+td.Output), "--query taskDefinition.taskDefinitionArn --output text"))},
		Check:  []string{c.aws("ecs", "describe-task-definition", "--task-definition \"$"+v+"_td\"", "--query taskDefinition.status --output text")},
		Rollback: []string{
			c.aws("ecs", "deregister-task-definition", "--task-definition \"$"+v+"_td\"", ">/dev/null"),
		},
	})
	work := "\"$STATE/" + varPrefix(s) + ".json\""
	request := s.UpdateService
	src := outputEnding(s, ".update-service.json")
	if sideBySide {
		request, src = s.CreateService, outputEnding(s, ".create-service.json")
	}
	steps = append(steps, Step{
		Action: Action{Kind: KindWorkingCopy},
		Title:  "Working copy of the service request",
		Why:    "The request file keeps its placeholders for review; the copy gets the values runbook.sh learns (the new target groups' ARNs).",
		Run:    []string{fmt.Sprintf("cp %s %s", q(src), work)},
	})
	for i, tg := range s.TargetGroups {
		tv := fmt.Sprintf("%s_tg%d", v, i+1)
		file := outputEnding(s, tgSuffix(s, i))
		placeholder := placeholderIn(request, tg.Name)
		steps = append(steps, Step{
			Action: Action{Kind: KindCreateTargetGroup, TargetGroup: i, Document: tg.Document, Placeholder: placeholder, OldTargetGroup: tg.Replaces},
			Title:  "Create target group " + tg.Name,
			Why:    "Fargate tasks register by IP, so the service needs a target group of type ip with the old one's health check and port.",
			Run: []string{
				fmt.Sprintf("%s=$(%s)", tv, c.aws("elbv2", "create-target-group", "--cli-input-json "+q("file://"+file), "--query 'TargetGroups[0].TargetGroupArn' --output text")),
				fmt.Sprintf("sed -i.bak \"s|%s|$%s|g\" %s", placeholder, tv, work),
			},
			Check:    []string{c.aws("elbv2", "describe-target-groups", "--target-group-arns \"$"+tv+"\"", "--query 'TargetGroups[0].TargetType' --output text")},
			Rollback: []string{c.aws("elbv2", "delete-target-group", "--target-group-arn \"$"+tv+"\"")},
		}, Step{
			Action: Action{Kind: KindForwardBeside, TargetGroup: i, OldTargetGroup: tg.Replaces},
			Title:  "Put " + tg.Name + " beside the old target group, at weight 0",
			Why: "ECS registers tasks only in a target group that a load balancer listener uses; a weighted forward with weight 0 attaches it without sending it traffic (" + docWeightedForward + "). " +
				"Only listener rules and default actions whose one action forwards to the old group are changed; anything else stops the run for a person.",
			Run:      []string{fmt.Sprintf("forward_weights %s %s %s \"$%s\" 1 0", c.region, "\"$"+c.profile+"\"", q(tg.Replaces), tv)},
			Check:    []string{fmt.Sprintf("forwards_to %s %s %s \"$%s\"", c.region, "\"$"+c.profile+"\"", q(tg.Replaces), tv)},
			Rollback: []string{fmt.Sprintf("restore_forward %s %s %s", c.region, "\"$"+c.profile+"\"", q(tg.Replaces))},
		})
	}
	if sideBySide {
		steps = append(steps, b.createSteps(c, s, v, work, old)...)
	} else {
		steps = append(steps, updateStep(c, s, v, work, old, request))
	}
	steps = append(steps, b.shiftSteps(c, s, v, cluster, service, sideBySide)...)
	return steps
}

// placeholderIn finds the REPLACE-ME ARN the request uses for the target
// group called name.
func placeholderIn(doc []byte, name string) string {
	for _, p := range targetGroupPlaceholders(doc) {
		if strings.Contains(p, ":targetgroup/"+name+"/") {
			return p
		}
	}
	return "targetgroup/" + name + "/REPLACE-ME"
}

func updateStep(c cmd, s *rewrite.ServiceResult, v, work string, old *fleet.Service, request []byte) Step {
	rollback := []string{"# UpdateService moves a service back from a capacity provider strategy to its launch type when given an empty strategy (" + docUpdateService + ")"}
	args := []string{"--cluster " + q(s.Cluster), "--service " + q(s.Service), "--capacity-provider-strategy '[]'"}
	if old != nil {
		args = append(args, "--task-definition "+q(ptr.Value(old.Svc.TaskDefinition)))
		if lbs, err := awsjson.Marshal(old.Svc.LoadBalancers, awsjson.ECSCLI); err == nil && len(old.Svc.LoadBalancers) > 0 {
			args = append(args, "--load-balancers "+q(string(lbs)))
		}
	}
	args = append(args, "--force-new-deployment", ">/dev/null")
	rollback = append(rollback, c.aws("ecs", "update-service", args...),
		"# UpdateService cannot remove the awsvpc network configuration it added, and the API reference does not say whether ECS accepts it beside a bridge or host mode task definition; if this rollback is refused, recreate the service from the inputs' describe-services output")
	return Step{
		Action:   Action{Kind: KindUpdateService, Cluster: s.Cluster, Service: s.Service, Document: request},
		Title:    "Update the service to Fargate",
		Why:      "One UpdateService call changes the capacity provider strategy, network configuration, task definition and load balancers, and starts a rolling deployment (" + docUpdateService + ").",
		Run:      []string{c.aws("ecs", "update-service", "--cli-input-json \"file://$STATE/"+varPrefix(s)+".json\"", "--task-definition \"$"+v+"_td\"", ">/dev/null")},
		Check:    []string{c.aws("ecs", "describe-services", "--cluster "+q(s.Cluster), "--services "+q(s.Service), "--query 'services[0].deployments[0].taskDefinition' --output text")},
		Rollback: rollback,
	}
}

func (b *builder) createSteps(c cmd, s *rewrite.ServiceResult, v, work string, old *fleet.Service) []Step {
	var name struct {
		ServiceName string `json:"serviceName"`
	}
	_ = json.Unmarshal(s.CreateService, &name)
	return []Step{{
		Action: Action{Kind: KindCreateService, Cluster: s.Cluster, Service: s.Service, Name: name.ServiceName, Document: s.CreateService},
		Title:  "Create the Fargate service " + name.ServiceName + " beside " + s.Service,
		Why:    "This service cannot be updated in place (" + s.NotInPlace + "); a new service runs beside it until traffic has moved.",
		Run:    []string{c.aws("ecs", "create-service", "--cli-input-json \"file://$STATE/"+varPrefix(s)+".json\"", "--task-definition \"$"+v+"_td\"", ">/dev/null")},
		Check:  []string{c.aws("ecs", "describe-services", "--cluster "+q(s.Cluster), "--services "+q(name.ServiceName), "--query 'services[0].status' --output text")},
		Rollback: []string{
			c.aws("ecs", "delete-service", "--cluster "+q(s.Cluster), "--service "+q(name.ServiceName), "--force >/dev/null"),
		},
	}}
}

func (b *builder) shiftSteps(c cmd, s *rewrite.ServiceResult, v, cluster, service string, sideBySide bool) []Step {
	target := service
	if sideBySide {
		var name struct {
			ServiceName string `json:"serviceName"`
		}
		_ = json.Unmarshal(s.CreateService, &name)
		target = q(name.ServiceName)
	}
	var steps []Step
	for i, tg := range s.TargetGroups {
		tv := fmt.Sprintf("%s_tg%d", v, i+1)
		steps = append(steps, Step{
			Action: Action{Kind: KindShiftTraffic, TargetGroup: i, OldTargetGroup: tg.Replaces},
			Title:  "Send the traffic to " + tg.Name + " once its targets are healthy",
			Why:    "The new tasks pass the load balancer's health check before the old group stops getting requests; the old tasks finish what they serve while ECS drains them.",
			Run: []string{
				c.aws("elbv2", "wait target-in-service", "--target-group-arn \"$"+tv+"\""),
				fmt.Sprintf("forward_weights %s %s %s \"$%s\" 0 1", c.region, "\"$"+c.profile+"\"", q(tg.Replaces), tv),
			},
			Check:    []string{c.aws("elbv2", "describe-target-health", "--target-group-arn \"$"+tv+"\"", "--query 'TargetHealthDescriptions[?TargetHealth.State==`healthy`] | length(@)' --output text")},
			Rollback: []string{fmt.Sprintf("forward_weights %s %s %s \"$%s\" 1 0", c.region, "\"$"+c.profile+"\"", q(tg.Replaces), tv)},
		})
	}
	waitName := s.Service
	if sideBySide {
		var name struct {
			ServiceName string `json:"serviceName"`
		}
		_ = json.Unmarshal(s.CreateService, &name)
		waitName = name.ServiceName
	}
	steps = append(steps, Step{
		Action:   Action{Kind: KindWaitStable, Cluster: s.Cluster, Service: waitName},
		Title:    "Wait for the deployment to finish",
		Why:      "services-stable waits until the service runs its desired count of the new tasks and no other deployment.",
		Run:      []string{c.aws("ecs", "wait services-stable", "--cluster "+cluster, "--services "+target)},
		Check:    []string{c.aws("ecs", "describe-services", "--cluster "+cluster, "--services "+target, "--query 'services[0].[runningCount,desiredCount]' --output text")},
		Rollback: []string{"# none: the step only waits"},
	})
	for i, tg := range s.TargetGroups {
		tv := fmt.Sprintf("%s_tg%d", v, i+1)
		steps = append(steps, Step{
			Action:   Action{Kind: KindForwardOnly, TargetGroup: i, OldTargetGroup: tg.Replaces},
			Title:    "Take the old target group out of the listeners (" + tg.Name + " only)",
			Why:      "The forward goes to the new group alone; the old group stays for you to delete once you are sure (aws elbv2 delete-target-group).",
			Run:      []string{fmt.Sprintf("forward_only %s %s %s \"$%s\"", c.region, "\"$"+c.profile+"\"", q(tg.Replaces), tv)},
			Check:    []string{fmt.Sprintf("forwards_to %s %s %s \"$%s\"", c.region, "\"$"+c.profile+"\"", q(tg.Replaces), tv)},
			Rollback: []string{fmt.Sprintf("forward_weights %s %s %s \"$%s\" 1 0", c.region, "\"$"+c.profile+"\"", q(tg.Replaces), tv)},
		})
	}
	if sideBySide {
		steps = append(steps, Step{
			Action: Action{Kind: KindDeleteOldService, Cluster: s.Cluster, Service: s.Service},
			Title:  "Stop and delete the old service " + s.Service + " (last)",
			Why:    "Only now that the new service serves every request; scale to 0 first so its tasks drain.",
			Run: []string{
				c.aws("ecs", "update-service", "--cluster "+cluster, "--service "+service, "--desired-count 0 >/dev/null"),
				c.aws("ecs", "wait services-stable", "--cluster "+cluster, "--services "+service),
				c.aws("ecs", "delete-service", "--cluster "+cluster, "--service "+service, ">/dev/null"),
			},
			Rollback: []string{"# a deleted service cannot be restored: recreate it from the inputs' describe-services output if needed"},
		})
	}
	return steps
}

// varPrefix names the shell variables of one service's steps.
func varPrefix(s *rewrite.ServiceResult) string {
	return "s_" + ident(s.Account+"_"+s.Region+"_"+s.Cluster+"_"+s.Service)
}

// ident makes a shell variable name part of s.
func ident(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return r
		}
		return '_'
	}, s)
}

// outputEnding finds the output file of s with the given ending.
func outputEnding(s *rewrite.ServiceResult, ending string) string {
	for _, o := range s.Outputs {
		if strings.HasSuffix(o, ending) {
			return o
		}
	}
	return ""
}

func tgSuffix(s *rewrite.ServiceResult, i int) string {
	if len(s.TargetGroups) > 1 {
		return fmt.Sprintf(".target-group-%d.json", i+1)
	}
	return ".target-group.json"
}
