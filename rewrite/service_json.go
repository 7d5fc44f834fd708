package rewrite

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"sort"
	"strconv"

	"github.com/ecs2fargate/ecs2fargate/internal/awsjson"
	"github.com/ecs2fargate/ecs2fargate/internal/jsonindent"
)

// Top-level member orders of the requests, as in the API model (and so in
// the AWS CLI's --generate-cli-skeleton output); members the list does not
// name follow in alphabetical order.
var (
	updateServiceOrder = []string{"cluster", "service", "desiredCount", "taskDefinition", "capacityProviderStrategy", "deploymentConfiguration",
		"availabilityZoneRebalancing", "networkConfiguration", "placementConstraints", "placementStrategy", "platformVersion", "forceNewDeployment",
		"healthCheckGracePeriodSeconds", "deploymentController", "enableExecuteCommand", "enableECSManagedTags", "loadBalancers", "propagateTags",
		"serviceRegistries", "serviceConnectConfiguration", "volumeConfigurations", "vpcLatticeConfigurations"}
	createServiceOrder = []string{"cluster", "serviceName", "taskDefinition", "availabilityZoneRebalancing", "loadBalancers", "serviceRegistries",
		"desiredCount", "clientToken", "launchType", "capacityProviderStrategy", "platformVersion", "role", "deploymentConfiguration",
		"placementConstraints", "placementStrategy", "networkConfiguration", "healthCheckGracePeriodSeconds", "schedulingStrategy",
		"deploymentController", "tags", "enableECSManagedTags", "propagateTags", "enableExecuteCommand", "serviceConnectConfiguration",
		"volumeConfigurations", "vpcLatticeConfigurations"}
	createTargetGroupOrder = []string{"Name", "Protocol", "ProtocolVersion", "Port", "VpcId", "HealthCheckProtocol", "HealthCheckPort",
		"HealthCheckEnabled", "HealthCheckPath", "HealthCheckIntervalSeconds", "HealthCheckTimeoutSeconds", "HealthyThresholdCount",
		"UnhealthyThresholdCount", "Matcher", "TargetType", "Tags", "IpAddressType", "TargetControlPort"}
)

// svcIndentJSON writes an SDK request struct as the AWS CLI's
// --cli-input-json expects it, top-level members in the given order
// (members it does not name follow alphabetically), indented, ending in a
// newline.
func svcIndentJSON(v any, style awsjson.Style, order []string) (json.RawMessage, error) {
	members, err := awsjson.Members(v, style)
	if err != nil {
		return nil, err
	}
	var flat bytes.Buffer
	flat.WriteByte('{')
	for i, k := range svcKeyOrder(members, order) {
		if i > 0 {
			flat.WriteByte(',')
		}
		flat.WriteString(strconv.Quote(k))
		flat.WriteByte(':')
		flat.Write(members[k])
	}
	flat.WriteByte('}')
	b, err := jsonindent.Append(nil, flat.Bytes(), "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// requestJSON is svcIndentJSON, or nothing for a preview.
func (p *servicePlan) requestJSON(v any, style awsjson.Style, order []string) (json.RawMessage, error) {
	if p.opts.Preview {
		return nil, nil
	}
	return svcIndentJSON(v, style, order)
}

func svcKeyOrder(members map[string]json.RawMessage, order []string) []string {
	var keys, rest []string
	for _, k := range order {
		if _, ok := members[k]; ok {
			keys = append(keys, k)
		}
	}
	for k := range members {
		if !slices.Contains(order, k) {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	return append(keys, rest...)
}

// svcJSON encodes a change's value as the ECS CLI spells it; nil (also a
// nil slice or pointer) and "" mean "absent", an empty slice is [].
func svcJSON(v any) json.RawMessage {
	if v == nil {
		return nil
	}
	switch x := v.(type) {
	case string:
		if x == "" {
			return nil
		}
	case json.RawMessage:
		return x
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
		if rv.IsNil() {
			return nil
		}
	}
	b, err := awsjson.Marshal(v, awsjson.ECSCLI)
	if err != nil {
		return nil
	}
	return b
}
