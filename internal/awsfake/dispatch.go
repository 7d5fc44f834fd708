package awsfake

import "net/http"

// apiError is a modelled error a handler returns.
type apiError struct {
	status int
	code   string
	msg    string
}

type handler func(s *Server, w http.ResponseWriter, req request, e *Estate) *apiError

var handlers = map[string]handler{
	"ecs:ListClusters":                          (*Server).ecsListClusters,
	"ecs:DescribeClusters":                      (*Server).ecsDescribeClusters,
	"ecs:ListServices":                          (*Server).ecsListServices,
	"ecs:DescribeServices":                      (*Server).ecsDescribeServices,
	"ecs:ListContainerInstances":                (*Server).ecsListContainerInstances,
	"ecs:DescribeContainerInstances":            (*Server).ecsDescribeContainerInstances,
	"ecs:DescribeTaskDefinition":                (*Server).ecsDescribeTaskDefinition,
	"ecr:DescribeImages":                        (*Server).ecrDescribeImages,
	"ec2:DescribeInstances":                     (*Server).ec2DescribeInstances,
	"ec2:DescribeVolumes":                       (*Server).ec2DescribeVolumes,
	"ec2:DescribeRegions":                       (*Server).ec2DescribeRegions,
	"ec2:DescribeSubnets":                       (*Server).ec2DescribeSubnets,
	"elasticloadbalancing:DescribeTargetGroups": (*Server).elbDescribeTargetGroups,
	"monitoring:GetMetricData":                  (*Server).cwGetMetricData,
	"sts:GetCallerIdentity":                     (*Server).stsGetCallerIdentity,
	"organizations:ListAccounts":                (*Server).orgListAccounts,
	"sts:AssumeRole":                            (*Server).stsAssumeRole,
	// The writes of ecs2fargate migrate (writes.go, elb_writes.go, iam.go).
	"ecs:PutClusterCapacityProviders":           (*Server).ecsPutClusterCapacityProviders,
	"ecs:RegisterTaskDefinition":                (*Server).ecsRegisterTaskDefinition,
	"ecs:DeregisterTaskDefinition":              (*Server).ecsDeregisterTaskDefinition,
	"ecs:UpdateService":                         (*Server).ecsUpdateService,
	"elasticloadbalancing:CreateTargetGroup":    (*Server).elbCreateTargetGroup,
	"elasticloadbalancing:DeleteTargetGroup":    (*Server).elbDeleteTargetGroup,
	"elasticloadbalancing:DescribeListeners":    (*Server).elbDescribeListeners,
	"elasticloadbalancing:DescribeRules":        (*Server).elbDescribeRules,
	"elasticloadbalancing:ModifyListener":       (*Server).elbModifyListener,
	"elasticloadbalancing:ModifyRule":           (*Server).elbModifyRule,
	"elasticloadbalancing:DescribeTargetHealth": (*Server).elbDescribeTargetHealth,
	"iam:GetRole":                 (*Server).iamGetRole,
	"iam:CreateRole":              (*Server).iamCreateRole,
	"iam:AttachRolePolicy":        (*Server).iamAttachRolePolicy,
	"iam:DetachRolePolicy":        (*Server).iamDetachRolePolicy,
	"iam:DeleteRole":              (*Server).iamDeleteRole,
	"iam:ListRoles":               (*Server).iamListRoles,
	"iam:CreateServiceLinkedRole": (*Server).iamCreateServiceLinkedRole,
	"logs:DescribeLogGroups":      (*Server).logsDescribeLogGroups,
	"logs:CreateLogGroup":         (*Server).logsCreateLogGroup,
	"logs:DeleteLogGroup":         (*Server).logsDeleteLogGroup,
}

func (s *Server) dispatch(w http.ResponseWriter, req request, e *Estate) {
	p := protocolOf(req.service)
	h, ok := handlers[req.service+":"+req.op]
	if !ok {
		p.writeError(w, http.StatusBadRequest, "InvalidAction", "awsfake does not implement "+req.service+":"+req.op)
		return
	}
	if e == nil && req.service != "sts" && req.service != "iam" {
		// An account/region with nothing in it answers like an empty one.
		e = NewEstate()
	}
	if err := h(s, w, req, e); err != nil {
		status := err.status
		if status == 0 {
			status = http.StatusBadRequest
		}
		p.writeError(w, status, err.code, err.msg)
	}
}
