package analyzer

import ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

var firelensS3Config = Rule{
	ID:       "firelens-s3-config",
	Scope:    ScopeTask,
	Severity: Blocker,
	Title:    "FireLens configuration loaded from S3 is not supported on Fargate",
	Rationale: "On Fargate, FireLens only accepts config-file-type `file`: the custom Fluent Bit or Fluentd configuration must already be " +
		"inside the log-router image. A config fetched from S3 cannot be rewritten automatically.",
	Remediation: "Build a log-router image that contains the configuration file, set config-file-type to file and config-file-value " +
		"to its path inside the image, and push the image to ECR.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_FirelensConfiguration.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_firelens.html",
	},
	Fallback: "bake the configuration into the log-router image (config-file-type file), or stay on EC2",
	Check:    checkFirelensS3Config,
}

func checkFirelensS3Config(s *Subject) []Finding {
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		if c.FirelensConfiguration == nil {
			return nil
		}
		if t := c.FirelensConfiguration.Options["config-file-type"]; t == "s3" {
			return s.one(Flag(keyStep(at(path, "firelensConfiguration", "options"), "config-file-type"), t,
				"FireLens reads its configuration from S3 (%s), which Fargate does not support; bake the file into the log-router image",
				c.FirelensConfiguration.Options["config-file-value"]))
		}
		return nil
	})
}
