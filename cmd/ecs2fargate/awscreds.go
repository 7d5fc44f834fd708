package main

import (
	"context"
	"fmt"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/smithy-go/logging"
)

// sdkLogEnv, set to 1, lets the AWS SDK's own log lines (retries,
// deprecations) through to stderr. Otherwise they never reach the
// terminal: what goes wrong is said once, in our words.
const sdkLogEnv = "ECS2FARGATE_AWS_LOG"

// sdkLogging are the configuration options that keep the SDK quiet
// unless asked.
func sdkLogging() []func(*config.LoadOptions) error {
	if os.Getenv(sdkLogEnv) == "1" {
		return []func(*config.LoadOptions) error{
			config.WithLogger(logging.NewStandardLogger(os.Stderr)),
			config.WithClientLogMode(aws.LogRetries | aws.LogDeprecatedUsage),
		}
	}
	return []func(*config.LoadOptions) error{config.WithLogger(logging.Nop{}), config.WithClientLogMode(0)}
}

// checkCredentials finds credentials before any request, so that a
// machine without them gets one line saying what to do instead of an
// error per account and region.
func checkCredentials(ctx context.Context, cfg aws.Config, profile string) error {
	if cfg.Credentials == nil {
		return noCredentials(profile)
	}
	if _, err := cfg.Credentials.Retrieve(ctx); err != nil {
		if ctx.Err() != nil {
			return err
		}
		return noCredentials(profile)
	}
	return nil
}

func noCredentials(profile string) error {
	if profile != "" {
		return codeError{code: exitError, msg: fmt.Sprintf("no AWS credentials for profile %q: run `aws sso login --profile %s` if it is an SSO profile, "+
			"or check its entry in ~/.aws/config and ~/.aws/credentials", profile, profile)}
	}
	return codeError{code: exitError, msg: "no AWS credentials found: pass --profile NAME, run `aws sso login` (for an SSO profile), " +
		"or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN) in the environment"}
}
