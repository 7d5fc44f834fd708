package awsfake

import (
	"fmt"
	"net/http"
	"sort"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
)

const ec2XMLNS = "http://ec2.amazonaws.com/doc/2016-11-15/"

func (s *Server) ec2DescribeInstances(w http.ResponseWriter, req request, e *Estate) *apiError {
	form, _ := parseForm(req.body)
	ids := formList(form, "InstanceId")
	var found []ec2types.Instance
	for _, id := range ids {
		in, ok := findInstance(e, id)
		if !ok {
			// Real EC2 fails the whole call when one id is unknown.
			return &apiError{code: "InvalidInstanceID.NotFound", msg: fmt.Sprintf("The instance ID '%s' does not exist", id)}
		}
		found = append(found, in)
	}
	if len(ids) == 0 {
		found = e.Instances
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<DescribeInstancesResponse xmlns="%s"><requestId>fake</requestId><reservationSet>`, ec2XMLNS)
	for _, in := range found {
		fmt.Fprintf(&b, `<item><reservationId>r-%s</reservationId><ownerId>%s</ownerId><instancesSet><item>`, strings.TrimPrefix(ptr.Value(in.InstanceId), "i-"), req.account)
		writeInstanceXML(&b, in)
		b.WriteString(`</item></instancesSet></item>`)
	}
	b.WriteString(`</reservationSet></DescribeInstancesResponse>`)
	writeXML(w, b.String())
	return nil
}

func findInstance(e *Estate, id string) (ec2types.Instance, bool) {
	for _, in := range e.Instances {
		if ptr.Value(in.InstanceId) == id {
			return in, true
		}
	}
	return ec2types.Instance{}, false
}

// writeInstanceXML writes the instance members discovery reads, with EC2's
// own XML element names (which differ from the SDK's Go names).
func writeInstanceXML(b *strings.Builder, in ec2types.Instance) {
	el(b, "instanceId", ptr.Value(in.InstanceId))
	el(b, "instanceType", string(in.InstanceType))
	el(b, "instanceLifecycle", string(in.InstanceLifecycle))
	el(b, "subnetId", ptr.Value(in.SubnetId))
	el(b, "vpcId", ptr.Value(in.VpcId))
	el(b, "privateIpAddress", ptr.Value(in.PrivateIpAddress))
	el(b, "architecture", string(in.Architecture))
	el(b, "platform", string(in.Platform))
	if in.Placement != nil {
		fmt.Fprintf(b, "<placement>")
		el(b, "availabilityZone", ptr.Value(in.Placement.AvailabilityZone))
		el(b, "tenancy", string(in.Placement.Tenancy))
		b.WriteString("</placement>")
	}
	if in.State != nil {
		fmt.Fprintf(b, "<instanceState><code>%d</code><name>%s</name></instanceState>", ptr.Value(in.State.Code), in.State.Name)
	}
	b.WriteString("<groupSet>")
	for _, g := range in.SecurityGroups {
		b.WriteString("<item>")
		el(b, "groupId", ptr.Value(g.GroupId))
		el(b, "groupName", ptr.Value(g.GroupName))
		b.WriteString("</item>")
	}
	b.WriteString("</groupSet>")
}

func (s *Server) ec2DescribeSubnets(w http.ResponseWriter, req request, e *Estate) *apiError {
	form, _ := parseForm(req.body)
	ids := formList(form, "SubnetId")
	var b strings.Builder
	fmt.Fprintf(&b, `<DescribeSubnetsResponse xmlns="%s"><requestId>fake</requestId><subnetSet>`, ec2XMLNS)
	for _, id := range ids {
		sn, ok := findSubnet(e, id)
		if !ok {
			return &apiError{code: "InvalidSubnetID.NotFound", msg: fmt.Sprintf("The subnet ID '%s' does not exist", id)}
		}
		b.WriteString("<item>")
		el(&b, "subnetId", ptr.Value(sn.SubnetId))
		el(&b, "vpcId", ptr.Value(sn.VpcId))
		el(&b, "availabilityZone", ptr.Value(sn.AvailabilityZone))
		el(&b, "cidrBlock", ptr.Value(sn.CidrBlock))
		fmt.Fprintf(&b, "<availableIpAddressCount>%d</availableIpAddressCount>", ptr.Value(sn.AvailableIpAddressCount))
		b.WriteString("</item>")
	}
	b.WriteString(`</subnetSet></DescribeSubnetsResponse>`)
	writeXML(w, b.String())
	return nil
}

func findSubnet(e *Estate, id string) (ec2types.Subnet, bool) {
	for _, sn := range e.Subnets {
		if ptr.Value(sn.SubnetId) == id {
			return sn, true
		}
	}
	return ec2types.Subnet{}, false
}

// el writes <name>value</name>, or nothing for an empty value.
func el(b *strings.Builder, name, value string) {
	if value == "" {
		return
	}
	fmt.Fprintf(b, "<%s>%s</%s>", name, xmlEscape(value), name)
}

func writeXML(w http.ResponseWriter, body string) {
	w.Header().Set("Content-Type", "text/xml")
	w.Write([]byte(body))
}

// ec2DescribeRegions answers with the regions that hold an estate for the
// caller's account (the fake's notion of "enabled").
func (s *Server) ec2DescribeRegions(w http.ResponseWriter, req request, _ *Estate) *apiError {
	s.mu.Lock()
	var regions []string
	for key := range s.estates {
		if acct, region, _ := strings.Cut(key, "/"); acct == req.account {
			regions = append(regions, region)
		}
	}
	s.mu.Unlock()
	sort.Strings(regions)
	var b strings.Builder
	fmt.Fprintf(&b, `<DescribeRegionsResponse xmlns="%s"><requestId>fake</requestId><regionInfo>`, ec2XMLNS)
	for _, r := range regions {
		fmt.Fprintf(&b, "<item><regionName>%s</regionName><regionEndpoint>ec2.%s.amazonaws.com</regionEndpoint></item>", r, r)
	}
	b.WriteString("</regionInfo></DescribeRegionsResponse>")
	writeXML(w, b.String())
	return nil
}
