package main

import (
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/iac/cloudformation"
	"github.com/ecs2fargate/ecs2fargate/internal/iac/terraform"
)

// iacTranslators read the infrastructure-as-code inputs every command that
// takes paths accepts beside AWS CLI output (see fleet.Translator).
func iacTranslators() []fleet.Translator {
	return []fleet.Translator{
		terraform.Translator{},
		cloudformation.Translator{},
	}
}
