package discover

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/schemas"
	"github.com/aws/smithy-go/transport/http/protocol/awsquery"
)

// newCloudWatch returns a CloudWatch client that speaks awsQuery rather
// than the SDK's default, Smithy RPC v2 CBOR. CloudWatch answers all
// three of its protocols (awsQuery, AWS JSON 1.1 and Smithy RPC v2 CBOR:
// cloudwatch v1.53.0's CHANGELOG entry, 2025-12-10), and awsQuery is
// the one every emulator understands: moto's CloudWatch does not decode
// CBOR, so with the default every `audit --aws` against moto reported a
// CloudWatch gap. The client's Protocol option takes any Smithy client
// protocol; this is the service's own awsQuery schema, so the requests
// are the ones the SDK sent before it moved to CBOR.
func newCloudWatch(cfg aws.Config) *cloudwatch.Client {
	return cloudwatch.NewFromConfig(cfg, func(o *cloudwatch.Options) {
		o.Protocol = awsquery.New(schemas.GraniteServiceVersion20100801)
	})
}
