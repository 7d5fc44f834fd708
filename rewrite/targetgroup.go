package rewrite

import (
	"strconv"

	"github.com/aws/aws-sdk-go-v2/aws"
	elbv2 "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2"
	elbtypes "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/types"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// ipTargetGroupInput is the create-target-group request for the ip copy of
// tg (nil when describe-target-groups did not cover it): same protocol,
// VPC and health check, port = the container port the service routes to.
func ipTargetGroupInput(name string, tg *fleet.TargetGroup, port *int32, vpc string) *elbv2.CreateTargetGroupInput {
	in := &elbv2.CreateTargetGroupInput{Name: aws.String(name), TargetType: elbtypes.TargetTypeEnumIp, Port: port}
	if tg == nil {
		in.Protocol = elbtypes.ProtocolEnumHttp
		in.VpcId = aws.String(vpc)
		return in
	}
	old := tg.TG
	in.Protocol = old.Protocol
	in.ProtocolVersion = old.ProtocolVersion
	in.VpcId = old.VpcId
	in.IpAddressType = old.IpAddressType
	if in.Port == nil {
		in.Port = old.Port
	}
	in.HealthCheckEnabled = old.HealthCheckEnabled
	in.HealthCheckProtocol = old.HealthCheckProtocol
	in.HealthCheckPort = old.HealthCheckPort
	in.HealthCheckPath = old.HealthCheckPath
	in.HealthCheckIntervalSeconds = old.HealthCheckIntervalSeconds
	in.HealthCheckTimeoutSeconds = old.HealthCheckTimeoutSeconds
	in.HealthyThresholdCount = old.HealthyThresholdCount
	in.UnhealthyThresholdCount = old.UnhealthyThresholdCount
	in.Matcher = old.Matcher
	return in
}

// fixedHealthCheckPort returns the health check port when it is a number
// rather than traffic-port.
func fixedHealthCheckPort(tg *fleet.TargetGroup) (int, bool) {
	if tg == nil || tg.TG.HealthCheckPort == nil {
		return 0, false
	}
	n, err := strconv.Atoi(*tg.TG.HealthCheckPort)
	return n, err == nil
}

// isNLBProtocol reports the layer-4 protocols of Network Load Balancers.
func isNLBProtocol(p elbtypes.ProtocolEnum) bool {
	switch p {
	case elbtypes.ProtocolEnumTcp, elbtypes.ProtocolEnumTls, elbtypes.ProtocolEnumUdp, elbtypes.ProtocolEnumTcpUdp:
		return true
	}
	return false
}
