package cloudformation

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/ecs2fargate/ecs2fargate/internal/fieldpath"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/jsonedit"
)

// Which property changes replace a resource comes from the CloudFormation
// resource schemas (the registry's aws-ecs-service.json and
// aws-elasticloadbalancingv2-targetgroup.json, as cfn-lint ships them):
// AWS::ECS::Service lists LaunchType as conditionally create-only and
// ServiceName, Cluster, Role and SchedulingStrategy as create-only, while
// CapacityProviderStrategy, NetworkConfiguration and LoadBalancers update in
// place (since the 2025-06-12 alignment of CapacityProviderStrategy,
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ecs-service.html);
// a target group's TargetType and Name are create-only
// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-elasticloadbalancingv2-targetgroup.html).
// A resource with a custom name cannot be replaced under the same name
// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-name.html).

// service edits an AWS::ECS::Service: the rewrite's changes, a parameter for
// each input it could not derive, its load balancers pointed at the new ip
// target groups, and what replacing the service means.
func (f *fileEdit) service(rw fleet.Rewrite) {
	ops, ok := f.ops(rw)
	if !ok {
		return
	}
	nm := namesByType[TypeService]
	replaces := ""
	for _, o := range ops {
		if o.kind == opDelete && len(o.path) == 1 && strings.EqualFold(o.path[0].Key, "launchType") {
			replaces = "LaunchType gives way to a FARGATE CapacityProviderStrategy: LaunchType is a conditionally create-only property of AWS::ECS::Service, " +
				"so CloudFormation may replace the service"
		}
	}
	f.applyAll(rw.Name, ops, nm)
	roleDropped := f.dropRole(rw, nm)
	if roleDropped {
		if replaces != "" {
			replaces += "; "
		}
		replaces += "Role goes (awsvpc services use the ECS service-linked role, API_CreateService) and is create-only, so CloudFormation replaces the service"
	}
	f.inputs(rw, nm)
	if f.redirect(rw.Name, nm) {
		// The tasks move to a target group that gets no traffic until the
		// user moves the listener's weights: the EC2 service must keep
		// serving until then, so it is replaced (a new service beside it)
		// and kept (UpdateReplacePolicy: Retain) rather than updated in
		// place, which would drain the old target group.
		if replaces == "" {
			replaces = "the service's load balancer moves to a new target group"
		}
		f.retainOld(rw.Name)
	}
	if replaces != "" {
		f.serviceReplaced(rw.Name, replaces, roleDropped, nm)
	}
}

// retainOld sets UpdateReplacePolicy: Retain on the service, so that
// CloudFormation keeps the EC2 service running when it replaces it
// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-updatereplacepolicy.html).
func (f *fileEdit) retainOld(id string) {
	e := f.e
	r := e.t.Resource(id)
	if k, v := findKey(r.Value, "UpdateReplacePolicy"); k != nil {
		if deref(v).Value != "Retain" {
			f.diag(id, nil, "UpdateReplacePolicy is %s: set it to Retain for the switch, so that the EC2 service serves until the listener moves", deref(v).Value)
		}
		return
	}
	var err error
	if e.json {
		err = e.jsonEdit(func(d []byte) ([]byte, error) {
			return jsonedit.Set(d, fieldpath.Keys("Resources", id, "UpdateReplacePolicy"), jsonText("Retain"))
		})
	} else {
		k, _ := findKey(r.Value, "Type")
		err = e.insertAfter(r.Value, k, "UpdateReplacePolicy", "Retain")
	}
	if err != nil {
		f.diag(id, nil, "not edited: cannot add UpdateReplacePolicy: %v", err)
		return
	}
	f.note(id, true, "UpdateReplacePolicy: Retain keeps the EC2 service running when CloudFormation replaces it (check that the change set shows the replacement): "+
		"once the Fargate tasks are healthy, move the listener's weights to the ip target group, then delete the EC2 service by hand "+
		"(aws ecs delete-service --force) and remove the instance target group and this UpdateReplacePolicy from the template")
}

// dropRole removes the service's Role when the rewrite gives it an awsvpc
// network configuration: "This parameter is only permitted if you are using
// a load balancer with your service and your task definition doesn't use
// the awsvpc network mode"
// (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html).
func (f *fileEdit) dropRole(rw fleet.Rewrite, nm names) bool {
	after, err := decodeOrdered(rw.After)
	m, _ := after.(omap)
	if _, awsvpc := m.get("networkConfiguration"); err != nil || !awsvpc {
		return false
	}
	r := f.e.t.Resource(rw.Name)
	if k, _ := findKey(deref(r.Props), "Role"); k == nil {
		return false
	}
	p := fieldpath.Keys("roleArn")
	if err := f.e.apply(r, op{kind: opDelete, path: p}, nm); err != nil {
		f.diag(rw.Name, p, "not edited: %v", err)
		return false
	}
	return true
}

// inputs adds a parameter for each value the service needs that neither
// the template nor the user gave, and refers to it.
func (f *fileEdit) inputs(rw fleet.Rewrite, nm names) {
	for _, path := range slices.Sorted(maps.Keys(rw.Inputs)) {
		p, err := fieldpath.Parse(path)
		if err != nil || len(p) == 0 || p.Last().IsIndex {
			f.diag(rw.Name, nil, "not edited: cannot read the input path %q", path)
			continue
		}
		last := p.Last().Key
		typ := "String"
		switch strings.ToLower(last) {
		case "subnets":
			typ = "List<AWS::EC2::Subnet::Id>"
		case "securitygroups":
			typ = "List<AWS::EC2::SecurityGroup::Id>"
		}
		name := f.parameterName(rw.Name + nm.cfnName(p.Parent(), last))
		desc := rw.Inputs[path]
		if err := f.addParameter(name, omap{{Key: "Type", Value: typ}, {Key: "Description", Value: desc}}); err != nil {
			f.diag(rw.Name, p, "not edited: cannot add parameter %s: %v", name, err)
			continue
		}
		f.applyAll(rw.Name, []op{{kind: opSet, path: p, value: refTo(name)}}, nm)
		f.note(rw.Name, false, "added parameter %s (%s) for %s: %s; give its value when you deploy the stack", name, typ, path, desc)
	}
}

// parameterName is name, or name with a number when the template already
// has a parameter or resource of that name.
func (f *fileEdit) parameterName(name string) string {
	taken := func(n string) bool { return f.e.t.Parameters[n] != nil || f.e.t.Resource(n) != nil }
	out := name
	for i := 2; taken(out); i++ {
		out = name + strconv.Itoa(i)
	}
	return out
}

// addParameter declares a parameter: in the Parameters section, made
// before Resources when the template has none.
func (f *fileEdit) addParameter(name string, decl omap) error {
	e := f.e
	if e.json {
		return e.jsonEdit(func(d []byte) ([]byte, error) {
			return jsonedit.Set(d, fieldpath.Keys("Parameters", name), jsonText(decl))
		})
	}
	if k, v := findKey(e.t.Root, "Parameters"); k != nil {
		return e.insert(place{cfn: fieldpath.Keys("Parameters"), node: v, key: k, parent: e.t.Root}, name, decl)
	}
	k, _ := findKey(e.t.Root, "Resources")
	txt := newYAMLText(e.src)
	at := txt.lineStart(txt.start(k))
	text := e.st.member("Parameters", omap{{Key: name, Value: decl}}, k.Column-1) + "\n\n"
	return e.splice(at, at, text)
}

// redirect points the service's load balancers at the ip target groups
// that replace the instance ones it used, and reports whether it did.
func (f *fileEdit) redirect(id string, nm names) bool {
	r := f.e.t.Resource(id)
	_, lbs := findKey(deref(r.Props), "LoadBalancers")
	if lbs == nil || lbs.Kind != yaml.SequenceNode {
		return false
	}
	moved := false
	for i, lb := range lbs.Content {
		_, arn := findKey(deref(lb), "TargetGroupArn")
		if arn == nil {
			continue
		}
		old := refID(arn)
		if repl, ok := f.replaced[old]; ok {
			p := fieldpath.Path{fieldpath.Key("loadBalancers"), fieldpath.Index(i), fieldpath.Key("targetGroupArn")}
			if err := f.e.apply(f.e.t.Resource(id), op{kind: opSet, path: p, value: refTo(repl)}, nm); err != nil {
				f.diag(id, p, "not edited: %v", err)
				continue
			}
			f.note(id, false, "LoadBalancers[%d] now registers the tasks in %s (TargetType ip) instead of %s", i, repl, old)
			moved = true
		}
	}
	return moved
}

// refID is the logical ID a !Ref or {"Ref": …} node names, "" otherwise.
func refID(n *yaml.Node) string {
	fn, arg, ok := intrinsic(deref(n))
	if !ok || fn != "Ref" || arg == nil || arg.Kind != yaml.ScalarNode {
		return ""
	}
	return arg.Value
}

// serviceReplaced tells why the service is replaced, and gives it a new
// name so that the replacement can be created beside it: CloudFormation
// cannot replace a resource with a custom name under the same name, and a
// new name makes the replacement certain where the change alone may be
// made in place. certain says the change itself replaces the service.
func (f *fileEdit) serviceReplaced(id, why string, certain bool, nm names) {
	f.note(id, true, "%s: CloudFormation creates the new service before it deletes the old one; review the change set before you execute it", why)
	r := f.e.t.Resource(id)
	if k, _ := findKey(deref(r.Props), "ServiceConnectConfiguration"); k != nil {
		f.diag(id, nil, "the service uses Service Connect: a replacement fails because the new service's Service Connect names clash with the old one's; "+
			"remove ServiceConnectConfiguration for the switch, or move by hand")
	}
	p := fieldpath.Keys("serviceName")
	var name any
	k, v := findKey(deref(r.Props), "ServiceName")
	switch {
	case k != nil:
		n, ok := suffixedName(deref(v), "-fargate")
		if !ok {
			f.diag(id, p, "CloudFormation cannot replace a service with a custom name under the same name: give the service a new name for the switch")
			return
		}
		name = n
	case certain:
		return // CloudFormation names the replacement itself
	default:
		name = subOf("${AWS::StackName}-" + id + "-fargate")
	}
	if err := f.e.apply(f.e.t.Resource(id), op{kind: opSet, path: p, value: name}, nm); err != nil {
		f.diag(id, p, "not edited: %v", err)
		return
	}
	f.note(id, true, "ServiceName is now %s: the Fargate service is a new service beside the EC2 one (CloudFormation cannot replace a resource with a custom name under the same name)", yamlScalar(name))
}

// suffixedName is a name with suffix added: a literal's text, a !Ref of a
// parameter or a !Sub of a string as a !Sub.
func suffixedName(n *yaml.Node, suffix string) (any, bool) {
	fn, arg, ok := intrinsic(n)
	switch {
	case !ok && n.Kind == yaml.ScalarNode:
		return n.Value + suffix, true
	case fn == "Ref" && arg.Kind == yaml.ScalarNode:
		return subOf("${" + arg.Value + "}" + suffix), true
	case fn == "Fn::Sub" && deref(arg).Kind == yaml.ScalarNode:
		return subOf(deref(arg).Value + suffix), true
	}
	return nil, false
}
