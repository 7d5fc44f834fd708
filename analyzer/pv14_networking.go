package analyzer

import (
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

var pv14Networking = Rule{
	ID:       "pv14-networking",
	Scope:    ScopeService,
	Severity: Warning,
	Title:    "All task traffic goes through the task's own network interface",
	Rationale: "On Fargate platform version 1.4.0 the image pull, log delivery and secret retrieval all leave through the task's network interface in the service's subnets, " +
		"not through the host. Private subnets therefore need a NAT gateway or VPC endpoints, and the task security group must allow the outbound traffic.",
	Remediation: "Before the switch, give the task subnets a route to ECR (ecr.api, ecr.dkr interface endpoints plus the S3 gateway endpoint, or NAT) and to CloudWatch Logs, Secrets Manager " +
		"and SSM where the task uses them, with security group rules from the task.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-version-migration.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html",
	},
	Check: checkPV14Networking,
}

func checkPV14Networking(s *Subject) []Finding {
	svc := s.Svc()
	if onFargate(svc) {
		return nil
	}
	uses := "image pulls and log delivery"
	if def := s.Def(); def != nil {
		uses = strings.Join(taskEgressNeeds(def), ", ")
	}
	return s.one(Flag(at("networkConfiguration"), nil,
		"on Fargate the traffic for %s leaves through the task's subnets, which need NAT or VPC endpoints and matching security group rules", uses))
}

// taskEgressNeeds lists the AWS services a task reaches at start-up from its
// own network interface on Fargate: image registries, logs and secrets.
func taskEgressNeeds(def *ecstypes.TaskDefinition) []string {
	var needs []string
	needs = append(needs, "image pulls")
	var logs, sm, ssm, s3 bool
	for _, c := range def.ContainerDefinitions {
		if c.LogConfiguration != nil && c.LogConfiguration.LogDriver == ecstypes.LogDriverAwslogs {
			logs = true
		}
		var refs []string
		for _, sec := range c.Secrets {
			refs = append(refs, ptr.Value(sec.ValueFrom))
		}
		if c.RepositoryCredentials != nil {
			refs = append(refs, ptr.Value(c.RepositoryCredentials.CredentialsParameter))
		}
		for _, r := range refs {
			if strings.Contains(r, ":secretsmanager:") {
				sm = true
			} else if r != "" {
				ssm = true
			}
		}
		s3 = s3 || len(c.EnvironmentFiles) > 0
	}
	for _, n := range []struct {
		on   bool
		name string
	}{{logs, "CloudWatch Logs"}, {sm, "Secrets Manager"}, {ssm, "SSM Parameter Store"}, {s3, "S3 environment files"}} {
		if n.on {
			needs = append(needs, n.name)
		}
	}
	return needs
}
