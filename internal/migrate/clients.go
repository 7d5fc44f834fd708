package migrate

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	elb "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// Clients are the AWS clients of one region (IAM is global; its client
// is the same in every region).
type Clients struct {
	ecs  *ecs.Client
	elb  *elb.Client
	iam  *iam.Client
	logs *cloudwatchlogs.Client
	sts  *sts.Client
}

// NewClients makes the clients of cfg's credentials in region.
func NewClients(cfg aws.Config, region string) *Clients {
	cfg = cfg.Copy()
	cfg.Region = region
	return &Clients{
		ecs:  ecs.NewFromConfig(cfg),
		elb:  elb.NewFromConfig(cfg),
		iam:  iam.NewFromConfig(cfg),
		logs: cloudwatchlogs.NewFromConfig(cfg),
		sts:  sts.NewFromConfig(cfg),
	}
}
