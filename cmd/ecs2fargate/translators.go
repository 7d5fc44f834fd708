package main

import (
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/iac/cloudformation"
)

// translators read the infrastructure-as-code inputs: CloudFormation
// templates (YAML, JSON, and the AWS CDK's cdk.out) beside AWS CLI output.
func translators() []fleet.Translator {
	return []fleet.Translator{cloudformation.Translator{}}
}
