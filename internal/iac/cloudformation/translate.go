package cloudformation

import (
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	elbtypes "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/types"

	"go.yaml.in/yaml/v3"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// Resource types read (AWS CloudFormation Template Reference,
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/AWS_ECS.html and
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-elasticloadbalancingv2-targetgroup.html).
const (
	TypeTaskDefinition   = "AWS::ECS::TaskDefinition"
	TypeService          = "AWS::ECS::Service"
	TypeCluster          = "AWS::ECS::Cluster"
	TypeClusterProviders = "AWS::ECS::ClusterCapacityProviderAssociations"
	TypeCapacityProvider = "AWS::ECS::CapacityProvider"
	TypeTargetGroup      = "AWS::ElasticLoadBalancingV2::TargetGroup"
)

// Document is one resource translated into an input shape internal/fleet
// loads, with where each of its fields is written in the template.
type Document struct {
	Resource *Resource
	// Name says which resource it is, for messages: the type and logical ID
	// (and the CDK construct path of a synthesized template).
	Name string
	Data []byte
	// DocPath is where the resource sits inside Data: "" for a task
	// definition (register-task-definition shape), "services[0]" for a
	// service (describe-services output), and so on.
	DocPath string
	// Unknown gives, by JSON path inside the resource (below DocPath), why
	// the template does not give that field's value statically.
	Unknown map[string]string
	pos     map[string]fleet.Position
	start   fleet.Position // the resource's logical ID
}

// Where is the template position of a JSON path of Data (as the loader and
// the rules write it, e.g. services[0].loadBalancers[0].targetGroupArn):
// the attribute's line and column, or where the attribute is missing, the
// nearest enclosing attribute's (at the outermost, the logical ID's).
func (d *Document) Where(path string) fleet.Position {
	rel, ok := strings.CutPrefix(path, d.DocPath)
	if !ok {
		return d.start
	}
	rel = strings.TrimPrefix(rel, ".")
	for p := strings.ToLower(rel); p != ""; p = fleet.ParentPath(p) {
		if pos, ok := d.pos[p]; ok {
			return pos
		}
	}
	return d.start
}

// Translate turns the template's ECS resources and target groups into
// documents the loader reads, plus warnings: values not known statically,
// and for a CDK-synthesized template, where the change must really be made.
func Translate(t *Template) ([]Document, []fleet.Diagnostic) {
	tr := &translator{t: t, e: &evaluator{t: t}}
	var docs []Document
	clusters := map[string]*clusterDoc{}
	var order []string
	for _, r := range t.Resources {
		if !tr.created(r) {
			continue
		}
		switch r.Type {
		case TypeTaskDefinition:
			docs = append(docs, tr.taskDefinition(r))
		case TypeService:
			docs = append(docs, tr.service(r))
		case TypeTargetGroup:
			docs = append(docs, tr.targetGroup(r))
		case TypeCluster:
			order = tr.cluster(r, clusters, order)
		}
	}
	for _, r := range t.Resources {
		if r.Type == TypeClusterProviders && tr.created(r) {
			order = tr.associations(r, clusters, order)
		}
	}
	for _, name := range order {
		docs = append(docs, tr.clusterDocument(clusters[name]))
	}
	if t.CDK && len(docs) > 0 {
		tr.diags = append([]fleet.Diagnostic{{File: t.File, Level: fleet.LevelWarning,
			Message: "this template was synthesized by the AWS CDK (cdk.out): its findings are audited here, but make the changes in the CDK app's source " +
				"(the construct path of each resource is in its Metadata aws:cdk:path), since cdk synth overwrites this file"}}, tr.diags...)
	}
	return docs, tr.diags
}

// created reports whether the stack creates r: a resource whose Condition
// evaluates false from literals is left out
// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-condition.html);
// one whose condition is not known statically is read, with a warning.
func (tr *translator) created(r *Resource) bool {
	if r.Condition == "" {
		return true
	}
	b, res := tr.e.condition("Condition", &yaml.Node{Kind: yaml.ScalarNode, Value: r.Condition})
	if res.known {
		return b
	}
	tr.diags = append(tr.diags, fleet.Diagnostic{File: tr.t.File, Line: r.Key.Line, Column: r.Key.Column, Path: r.ID, Level: fleet.LevelWarning,
		Message: "whether the stack creates this resource depends on condition " + r.Condition + ", which " + res.why + "; it is audited as if created"})
	return true
}

type translator struct {
	t     *Template
	e     *evaluator
	diags []fleet.Diagnostic
}

// newDoc converts r's Properties into the SDK type t at the top of a
// document whose resource sits at docPath.
func (tr *translator) convert(r *Resource, t reflect.Type, c *converter) map[string]any {
	c.at("", r.Key)
	if r.Props == nil {
		return map[string]any{}
	}
	v, _ := c.mapping(deref(r.Props), "", t)
	m, _ := v.(map[string]any)
	return m
}

func (tr *translator) document(r *Resource, docPath string, body any, c *converter) Document {
	data, err := json.MarshalIndent(body, "", "  ")
	if err != nil { // not expected: every value is JSON's own
		tr.diags = append(tr.diags, fleet.Diagnostic{File: tr.t.File, Line: r.Key.Line, Column: r.Key.Column, Path: r.ID, Level: fleet.LevelError,
			Message: fmt.Sprintf("cannot translate the resource: %v", err)})
		data = []byte("{}")
	}
	name := r.Type + " " + r.ID
	if r.CDKPath != "" {
		name += " (CDK " + r.CDKPath + ")"
	}
	d := Document{Resource: r, Name: name, Data: data, DocPath: docPath, Unknown: c.unknown, pos: c.pos, start: position(r.Key)}
	tr.warnUnknown(r, &d)
	return d
}

// warnUnknown tells, at each attribute whose value is not known
// statically, that the rules reading it are not checked.
func (tr *translator) warnUnknown(r *Resource, d *Document) {
	for _, p := range slices.Sorted(maps.Keys(d.Unknown)) {
		pos := d.Where(joinPath(d.DocPath, p))
		tr.diags = append(tr.diags, fleet.Diagnostic{File: tr.t.File, Line: pos.Line, Column: pos.Column, Path: r.ID + "." + p, Level: fleet.LevelWarning,
			Message: "value not known statically (" + d.Unknown[p] + "); the rules that read it are not checked"})
	}
}

// taskDefinition translates into the register-task-definition shape
// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ecs-taskdefinition.html).
func (tr *translator) taskDefinition(r *Resource) Document {
	c := newConverter(tr.e, tr.t.File)
	c.renames = map[string]string{
		// ProxyConfiguration's list of name/value pairs is "properties" in the API
		// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ecs-taskdefinition-proxyconfiguration.html,
		// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ProxyConfiguration.html).
		".proxyconfiguration.proxyconfigurationproperties": "Properties",
	}
	c.drop = map[string]bool{".tags": true}
	body := tr.convert(r, reflect.TypeFor[ecstypes.TaskDefinition](), c)
	if tags := member(deref(r.Props), "Tags"); tags != nil {
		c.at("tags", keyOf(deref(r.Props), "Tags"))
		if v, keep := c.convert(tags, "tags", reflect.TypeFor[[]ecstypes.Tag]()); keep {
			body["tags"] = v
		}
	}
	body["family"] = tr.family(r)
	return tr.document(r, "", body, c)
}

// family is the family a task definition resource translates to, and the
// one the services that refer to it name: its Family when literal; when
// Family is partly known (!Sub "${AWS::StackName}-web") that text with the
// unknown parts named (StackName-web), since a family holds only letters,
// digits, hyphens and underscores (RegisterTaskDefinition); else the
// logical ID, as CloudFormation names a family after it.
func (tr *translator) family(r *Resource) string {
	c := newConverter(tr.e, tr.t.File)
	if f := member(deref(r.Props), "Family"); f != nil {
		if v, keep := c.convert(f, "family", reflect.TypeFor[string]()); keep {
			if s, ok := v.(string); ok {
				if c.unknown["family"] != "" {
					s = familyChars(s)
				}
				if s != "" {
					return s
				}
			}
		}
	}
	return r.ID
}

// familyChars keeps what a family may hold of a stand-in such as
// "${AWS::StackName}-web": StackName-web.
func familyChars(s string) string {
	s = strings.NewReplacer("${", "", "}", "", "AWS::", "").Replace(s)
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			return r
		}
		return -1
	}, s)
}

// nameOf is a resource's literal name property, else its logical ID.
func (tr *translator) nameOf(r *Resource, prop string) string {
	if n := member(deref(r.Props), prop); n != nil {
		if s, ok := tr.e.value(n).text(); ok && s != "" {
			return s
		}
	}
	return r.ID
}

// targetGroupARN is the ARN a target group resource stands for in the
// translated documents: CloudFormation assigns the real one at deployment.
func (tr *translator) targetGroupARN(r *Resource) string {
	return "arn:aws:elasticloadbalancing:::targetgroup/" + tr.nameOf(r, "Name") + "/" + r.ID
}

// service translates into describe-services output
// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ecs-service.html).
func (tr *translator) service(r *Resource) Document {
	c := newConverter(tr.e, tr.t.File)
	c.renames = map[string]string{
		".cluster":             "ClusterArn",        // a cluster name or ARN either way
		".role":                "RoleArn",           // the service-linked or legacy service role
		".placementstrategies": "PlacementStrategy", // the API's singular name
	}
	// CloudFormation-only settings that describe-services does not return.
	c.drop = map[string]bool{".forcenewdeployment": true, ".volumeconfigurations": true, ".serviceconnectconfiguration": true, ".vpclatticeconfigurations": true}
	c.linkAt = tr.serviceLink
	body := tr.convert(r, reflect.TypeFor[ecstypes.Service](), c)
	if _, ok := body["serviceName"]; !ok {
		body["serviceName"] = r.ID
	}
	if _, ok := body["clusterArn"]; !ok && c.unknown["clusterArn"] == "" {
		body["clusterArn"] = "default" // "If you do not specify a cluster, the default cluster is assumed." (API_CreateService)
	}
	// CloudFormation tags what it creates with the stack's name
	// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-resource-tags.html),
	// which is how describe-services output shows the service is managed.
	tags, _ := body["tags"].([]any)
	body["tags"] = append(tags, map[string]any{"key": "aws:cloudformation:stack-name", "value": "${AWS::StackName}"},
		map[string]any{"key": "aws:cloudformation:logical-id", "value": r.ID})
	return tr.document(r, "services[0]", map[string]any{"services": []any{body}}, c)
}

func (tr *translator) serviceLink(path string, l link) (any, bool) {
	target := tr.t.Resource(l.ID)
	p := pattern(path)
	switch {
	case p == "taskdefinition" && target.Type == TypeTaskDefinition:
		return tr.family(target), true
	case p == "clusterarn" && target.Type == TypeCluster:
		return tr.nameOf(target, "ClusterName"), true
	case p == "loadbalancers[].targetgrouparn" && target.Type == TypeTargetGroup:
		return tr.targetGroupARN(target), true
	case p == "capacityproviderstrategy[].capacityprovider" && target.Type == TypeCapacityProvider:
		return tr.nameOf(target, "Name"), true
	}
	return nil, false
}

// targetGroup translates into describe-target-groups output, whose names
// are PascalCase as CloudFormation's are
// (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_TargetGroup.html).
func (tr *translator) targetGroup(r *Resource) Document {
	c := newConverter(tr.e, tr.t.File)
	c.pascal = true
	c.renames = map[string]string{".name": "TargetGroupName"}
	c.drop = map[string]bool{".targets": true, ".targetgroupattributes": true, ".tags": true}
	body := tr.convert(r, reflect.TypeFor[elbtypes.TargetGroup](), c)
	body["TargetGroupArn"] = tr.targetGroupARN(r)
	if _, ok := body["TargetGroupName"]; !ok {
		body["TargetGroupName"] = r.ID
	}
	return tr.document(r, "TargetGroups[0]", map[string]any{"TargetGroups": []any{body}}, c)
}

// clusterDoc gathers a cluster and the capacity provider associations
// made for it, which describe-clusters shows as one object.
type clusterDoc struct {
	r    *Resource
	body map[string]any
	c    *converter
}

// cluster translates into describe-clusters output
// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ecs-cluster.html).
func (tr *translator) cluster(r *Resource, clusters map[string]*clusterDoc, order []string) []string {
	c := tr.clusterConverter()
	body := tr.convert(r, reflect.TypeFor[ecstypes.Cluster](), c)
	name := tr.nameOf(r, "ClusterName")
	body["clusterName"] = name
	clusters[name] = &clusterDoc{r: r, body: body, c: c}
	return append(order, name)
}

func (tr *translator) clusterConverter() *converter {
	c := newConverter(tr.e, tr.t.File)
	c.renames = map[string]string{".clustersettings": "Settings"}
	c.drop = map[string]bool{".cluster": true}
	c.linkAt = func(path string, l link) (any, bool) {
		target := tr.t.Resource(l.ID)
		switch pattern(path) {
		case "capacityproviders[]", "defaultcapacityproviderstrategy[].capacityprovider":
			if target.Type == TypeCapacityProvider {
				return tr.nameOf(target, "Name"), true
			}
		}
		return nil, false
	}
	return c
}

// associations merges an AWS::ECS::ClusterCapacityProviderAssociations
// into its cluster's document, or makes one for a cluster the template
// only names
// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ecs-clustercapacityproviderassociations.html).
func (tr *translator) associations(r *Resource, clusters map[string]*clusterDoc, order []string) []string {
	name := ""
	if n := member(deref(r.Props), "Cluster"); n != nil {
		v := tr.e.value(n)
		if v.link != nil && tr.t.Resource(v.link.ID).Type == TypeCluster {
			name = tr.nameOf(tr.t.Resource(v.link.ID), "ClusterName")
		} else if s, ok := v.text(); ok {
			name = fleet.ClusterName(s)
		} else {
			tr.diags = append(tr.diags, fleet.Diagnostic{File: tr.t.File, Line: n.Line, Column: n.Column, Path: r.ID + ".Cluster", Level: fleet.LevelWarning,
				Message: "the cluster is not known statically (" + v.asUnknown().why + "); these capacity provider associations are not read"})
			return order
		}
	}
	cd, ok := clusters[name]
	if !ok {
		c := tr.clusterConverter()
		cd = &clusterDoc{r: r, body: map[string]any{"clusterName": name}, c: c}
		c.at("", r.Key)
		clusters[name] = cd
		order = append(order, name)
	}
	extra := tr.convert(r, reflect.TypeFor[ecstypes.Cluster](), cd.c)
	maps.Copy(cd.body, extra)
	return order
}

func (tr *translator) clusterDocument(cd *clusterDoc) Document {
	return tr.document(cd.r, "clusters[0]", map[string]any{"clusters": []any{cd.body}}, cd.c)
}

// keyOf returns the key node of key in the mapping n, or nil.
func keyOf(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i]
		}
	}
	return nil
}
