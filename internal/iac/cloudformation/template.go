// Package cloudformation reads AWS CloudFormation templates (YAML with
// short-form tags, or JSON) and translates the ECS resources in them into
// the AWS CLI shapes internal/fleet loads: AWS::ECS::TaskDefinition into a
// register-task-definition document, AWS::ECS::Service into
// describe-services output, AWS::ElasticLoadBalancingV2::TargetGroup into
// describe-target-groups output and AWS::ECS::Cluster (with its
// AWS::ECS::ClusterCapacityProviderAssociations) into describe-clusters
// output. Every translated field remembers the line and column of the
// template attribute it came from, so findings point at the template.
//
// Intrinsic functions are resolved where their value is literal: Ref to a
// parameter's Default, Fn::FindInMap on literal Mappings, Fn::Sub, Fn::Join,
// Fn::Select, Fn::If on conditions that evaluate from literals. A value that
// is not known until the stack is deployed (a parameter without a default,
// a pseudo parameter such as AWS::Region, an attribute of another resource,
// an import) is recorded as unknown, never guessed.
package cloudformation

import (
	"bytes"
	"fmt"
	"path"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"go.yaml.in/yaml/v3"
)

// Template is one parsed CloudFormation template.
type Template struct {
	File       string
	Parameters map[string]*yaml.Node // parameter name → its declaration
	Mappings   *yaml.Node            // the Mappings section, nil when absent
	Conditions map[string]*yaml.Node // condition name → its expression
	Resources  []*Resource           // in template order
	Root       *yaml.Node            // the template's top mapping
	byID       map[string]*Resource
	// CDK is true for a template synthesized by the AWS CDK (a
	// *.template.json in a cdk.out directory): its source is the CDK app.
	CDK bool
}

// Resource is one entry of the template's Resources section.
type Resource struct {
	ID    string     // logical ID
	Type  string     // e.g. AWS::ECS::Service
	Key   *yaml.Node // the logical ID's key node: where the resource starts
	Value *yaml.Node // the resource's mapping (Type, Properties, …)
	Props *yaml.Node // the Properties mapping; nil when absent
	// Condition is the name of the condition that decides whether the
	// stack creates the resource, "" when it always does.
	Condition string
	// CDKPath is the construct path a CDK-synthesized resource carries in
	// Metadata aws:cdk:path, "" otherwise.
	CDKPath string
}

// Resource returns the resource with the logical ID id, or nil.
func (t *Template) Resource(id string) *Resource { return t.byID[id] }

// Parse reads a template. YAML is a superset of JSON, so one parser (with
// line and column for every node) reads both; CloudFormation's short-form
// tags (!Ref, !Sub, …) are kept on the nodes and read as their long forms.
func Parse(file string, data []byte) (*Template, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("parsing CloudFormation template %s: %w", file, err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("parsing CloudFormation template %s: the template is not a mapping", file)
	}
	root := doc.Content[0]
	t := &Template{File: file, Root: root, Parameters: map[string]*yaml.Node{}, Conditions: map[string]*yaml.Node{}, byID: map[string]*Resource{}}
	t.CDK = IsCDKOutput(file)
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "Parameters":
			eachMember(v, func(k, v *yaml.Node) { t.Parameters[k.Value] = v })
		case "Mappings":
			t.Mappings = v
		case "Conditions":
			eachMember(v, func(k, v *yaml.Node) { t.Conditions[k.Value] = v })
		case "Resources":
			if v.Kind != yaml.MappingNode {
				return nil, fmt.Errorf("%s:%d:%d: Resources is not a mapping", file, v.Line, v.Column)
			}
			eachMember(v, func(k, v *yaml.Node) { t.addResource(k, v) })
		}
	}
	return t, nil
}

func (t *Template) addResource(k, v *yaml.Node) {
	r := &Resource{ID: k.Value, Key: k, Value: v}
	if typ := member(v, "Type"); typ != nil {
		r.Type = typ.Value
	}
	r.Props = member(v, "Properties")
	if c := member(v, "Condition"); c != nil {
		r.Condition = c.Value
	}
	if md := member(v, "Metadata"); md != nil {
		if p := member(md, "aws:cdk:path"); p != nil && p.Kind == yaml.ScalarNode {
			r.CDKPath = p.Value
		}
	}
	t.Resources = append(t.Resources, r)
	t.byID[r.ID] = r
}

// IsCDKOutput reports whether file is a template the AWS CDK synthesized:
// a *.template.json inside a cdk.out directory (cdk synth's output
// directory, https://docs.aws.amazon.com/cdk/v2/guide/cli.html).
func IsCDKOutput(file string) bool {
	f := strings.ReplaceAll(file, "\\", "/")
	return strings.HasSuffix(f, ".template.json") && (strings.Contains(f, "/cdk.out/") || strings.HasPrefix(f, "cdk.out/"))
}

// LooksLikeTemplate reports, cheaply, whether a file may be a
// CloudFormation template: a YAML or JSON (or .template) file whose text
// names a Resources section and an AWS resource type. Parse decides. It
// reads the file through read, first only its head: a JSON object whose
// first member is not a template section is not a template (CloudFormation
// rejects a template with any other top-level key: "Invalid template
// property or properties",
// https://repost.aws/knowledge-center/cloudformation-template-validation),
// and that rules out AWS CLI output and register-task-definition requests
// ({"services": …}, {"family": …}) without reading the rest. Otherwise it
// reads the whole file, and returns it for Parse when it may be a template.
func LooksLikeTemplate(file string, read fleet.ReadFunc) (data []byte, ok bool) {
	if !templateName(file) {
		return nil, false
	}
	head, err := read(file, sniffBytes)
	if err != nil {
		return nil, false
	}
	if key, found := firstJSONKey(head); found && !templateSections[key] {
		return nil, false
	}
	if data = head; len(head) == sniffBytes { // the file may go on
		if data, err = read(file, 0); err != nil {
			return nil, false
		}
	}
	if !bytes.Contains(data, []byte("Resources")) {
		return nil, false
	}
	if bytes.Contains(data, []byte("AWS::ECS::")) || bytes.Contains(data, []byte("AWS::ElasticLoadBalancingV2::TargetGroup")) {
		return data, true
	}
	return nil, false
}

// templateName reports whether file has an extension a template may have.
func templateName(file string) bool {
	switch strings.ToLower(path.Ext(file)) {
	case ".yaml", ".yml", ".json", ".template":
		return true
	}
	return false
}

// sniffBytes is how much of a file LooksLikeTemplate reads first: enough
// for the first member name of any JSON document the loader reads.
const sniffBytes = 512

// templateSections are the top-level keys of a template
// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html),
// with Hooks (blue/green deployments,
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/blue-green.html)
// and the AWS SAM transform's Globals.
var templateSections = map[string]bool{
	"AWSTemplateFormatVersion": true, "Description": true, "Metadata": true,
	"Parameters": true, "Rules": true, "Mappings": true, "Conditions": true,
	"Transform": true, "Resources": true, "Outputs": true, "Hooks": true,
	"Globals": true,
}

// firstJSONKey returns the first member name of the JSON object that data
// starts with (after a byte order mark and white space). found is false
// when data does not start a JSON object with a plain member name within
// its bytes (YAML, an escape in the name, a name cut off by the head's
// end): only the whole file can tell then. An array, or an empty object,
// is never a template: found is true with a name that is no section.
func firstJSONKey(data []byte) (key string, found bool) {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	i := skipJSONSpace(data, 0)
	if i == len(data) {
		return "", false
	}
	switch data[i] {
	case '[':
		return "", true
	case '{':
	default:
		return "", false
	}
	i = skipJSONSpace(data, i+1)
	if i == len(data) {
		return "", false
	}
	switch data[i] {
	case '}':
		return "", true
	case '"':
	default:
		return "", false // a YAML flow mapping's plain or single-quoted key
	}
	end := bytes.IndexAny(data[i+1:], "\"\\")
	if end < 0 || data[i+1+end] != '"' {
		return "", false
	}
	return string(data[i+1 : i+1+end]), true
}

func skipJSONSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
		i++
	}
	return i
}

// member returns the value of key in the mapping n, or nil.
func member(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// eachMember calls fn for each key and value of the mapping n.
func eachMember(n *yaml.Node, fn func(k, v *yaml.Node)) {
	if n == nil || n.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		fn(n.Content[i], n.Content[i+1])
	}
}
