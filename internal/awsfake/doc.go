// Package awsfake is an in-process stand-in for the AWS APIs that
// discovery reads, speaking each service's real wire protocol (awsJson1_1
// for ECS and ECR, the EC2 query protocol with XML, awsQuery with XML for
// ELBv2 and STS) so that aws-sdk-go-v2 clients run unchanged against it.
//
// It serves an Estate per account and region, records every call, and can
// inject latency, token-bucket throttling and faults. It is for tests and
// benchmarks only; the protocols it follows are specified at
// https://smithy.io/2.0/aws/protocols/index.html.
package awsfake
