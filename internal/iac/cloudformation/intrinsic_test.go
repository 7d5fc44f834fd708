package cloudformation

import (
	"encoding/json"
	"strings"
	"testing"
)

const intrinsics = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Env:
    Type: String
    Default: prod
  Image:
    Type: String
Mappings:
  Sizes:
    prod: {Cpu: "1024", Memory: "2048"}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Logs:
    Type: AWS::Logs::LogGroup
  Skipped:
    Type: AWS::ECS::TaskDefinition
    Condition: NotCreated
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: !Sub "${Env}-web"            # Sub with a defaulted parameter
      Cpu: !FindInMap [Sizes, !Ref Env, Cpu]
      Memory:
        Fn::FindInMap: [Sizes, prod, Memory]  # long form
      NetworkMode: !If [IsProd, awsvpc, bridge]
      ContainerDefinitions:
        - Name: !Join ["-", [web, !Ref Env]]
          Image: !Ref Image
          Essential: "true"                # CloudFormation accepts strings
          Memory: "512"
          DockerLabels:
            CamelCase.Key: kept
          LogConfiguration:
            LogDriver: awslogs
            Options:
              awslogs-group: !Ref Logs
              awslogs-stream-prefix: !Select [1, [a, b]]
`

func TestIntrinsicFunctions(t *testing.T) {
	tmpl, err := Parse("t.yaml", []byte(intrinsics))
	if err != nil {
		t.Fatal(err)
	}
	tmpl.Conditions["NotCreated"] = tmpl.Conditions["IsProd"] // evaluated below as true
	docs, _ := Translate(tmpl)
	if len(docs) != 2 {
		t.Fatalf("want the two task definitions, got %d", len(docs))
	}
	var td map[string]any
	if err := json.Unmarshal(docs[1].Data, &td); err != nil {
		t.Fatal(err)
	}
	c := td["containerDefinitions"].([]any)[0].(map[string]any)
	opts := c["logConfiguration"].(map[string]any)["options"].(map[string]any)
	for _, tc := range []struct {
		what string
		got  any
		want any
	}{
		{"Fn::Sub", td["family"], "prod-web"},
		{"Fn::FindInMap with a Ref key", td["cpu"], "1024"},
		{"Fn::FindInMap long form", td["memory"], "2048"},
		{"Fn::If on a literal condition", td["networkMode"], "awsvpc"},
		{"Fn::Join", c["name"], "web-prod"},
		{"string to bool", c["essential"], true},
		{"string to number", c["memory"], float64(512)},
		{"user-owned keys kept", c["dockerLabels"].(map[string]any)["CamelCase.Key"], "kept"},
		{"Fn::Select", opts["awslogs-stream-prefix"], "b"},
		{"Ref to a resource stands in", opts["awslogs-group"], "${Logs}"},
		{"Ref to a parameter without default stands in", c["image"], "${Image}"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: got %#v, want %#v", tc.what, tc.got, tc.want)
		}
	}
	for _, p := range []string{"containerDefinitions[0].image", "containerDefinitions[0].logConfiguration.options.awslogs-group"} {
		if docs[1].Unknown[p] == "" {
			t.Errorf("%s is not recorded as unknown: %v", p, docs[1].Unknown)
		}
	}
	if pos, want := docs[1].Where("containerDefinitions[0].image"), lineOf(intrinsics, "Image: !Ref Image"); pos.Line != want || pos.Column != 11 {
		t.Errorf("image is at %d:%d, want %d:11", pos.Line, pos.Column, want)
	}
	if pos, want := docs[1].Where("containerDefinitions[0].healthCheck"), lineOf(intrinsics, "- Name: !Join"); pos.Line != want {
		t.Errorf("a missing attribute points at its block: line %d, want %d", pos.Line, want)
	}
}

func lineOf(text, s string) int {
	for i, l := range strings.Split(text, "\n") {
		if strings.Contains(l, s) {
			return i + 1
		}
	}
	return 0
}

func TestResourceConditionFalseLeavesItOut(t *testing.T) {
	tmpl, err := Parse("t.yaml", []byte(intrinsics))
	if err != nil {
		t.Fatal(err)
	}
	tmpl.Conditions["NotCreated"] = tmpl.Conditions["IsProd"]
	notEnv, _ := Parse("c.yaml", []byte("Conditions:\n  No: !Not [!Equals [a, a]]\n"))
	tmpl.Conditions["NotCreated"] = notEnv.Conditions["No"]
	docs, _ := Translate(tmpl)
	if len(docs) != 1 || docs[0].Resource.ID != "TaskDef" {
		t.Errorf("the resource whose condition is false is translated: %d documents", len(docs))
	}
}

func TestJSONTemplatesHavePositions(t *testing.T) {
	src := "{\n\t\"Resources\": {\n\t\t\"TD\": {\n\t\t\t\"Type\": \"AWS::ECS::TaskDefinition\",\n\t\t\t\"Properties\": {\"Family\": \"x\", \"NetworkMode\": {\"Ref\": \"AWS::NoValue\"},\n\t\t\t\t\"PidMode\": \"host\"}}}}\n"
	tmpl, err := Parse("t.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := Translate(tmpl)
	var td map[string]any
	_ = json.Unmarshal(docs[0].Data, &td)
	if _, ok := td["networkMode"]; ok {
		t.Errorf("AWS::NoValue left networkMode set")
	}
	if pos := docs[0].Where("pidMode"); pos.Line != 6 || pos.Column != 5 {
		t.Errorf("pidMode is at %d:%d, want 6:5", pos.Line, pos.Column)
	}
}

// A family known only in part is named from its text, in the characters a
// family may hold, and the service that refers to it names the same.
func TestPartlyKnownFamily(t *testing.T) {
	src := `Resources:
  TD:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: !Sub "${AWS::StackName}-web"
  Svc:
    Type: AWS::ECS::Service
    Properties:
      TaskDefinition: !Ref TD
`
	tmpl, err := Parse("t.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := Translate(tmpl)
	var td struct{ Family string }
	var svc struct {
		Services []struct{ TaskDefinition string }
	}
	_ = json.Unmarshal(docs[0].Data, &td)
	_ = json.Unmarshal(docs[1].Data, &svc)
	if td.Family != "StackName-web" || svc.Services[0].TaskDefinition != "StackName-web" {
		t.Errorf("family %q, service's task definition %q; want StackName-web for both", td.Family, svc.Services[0].TaskDefinition)
	}
}

// CloudFormation names that differ from the API's beyond case are renamed
// as the template reference documents them.
func TestRenamedProperties(t *testing.T) {
	src := `Resources:
  TD:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ProxyConfiguration:
        Type: APPMESH
        ContainerName: envoy
        ProxyConfigurationProperties:
          - {Name: AppPorts, Value: "8080"}
  Svc:
    Type: AWS::ECS::Service
    Properties:
      Cluster: prod
      Role: arn:aws:iam::123456789012:role/ecsServiceRole
      PlacementStrategies: [{Type: spread, Field: instanceId}]
  C:
    Type: AWS::ECS::Cluster
    Properties:
      ClusterSettings: [{Name: containerInsights, Value: enabled}]
  TG:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties: {Name: web, TargetType: ip}
`
	tmpl, err := Parse("t.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := Translate(tmpl)
	all := ""
	for _, d := range docs {
		all += string(d.Data)
	}
	for _, want := range []string{`"properties": [`, `"clusterArn": "prod"`, `"roleArn": "arn:aws:iam::123456789012:role/ecsServiceRole"`,
		`"placementStrategy": [`, `"settings": [`, `"TargetGroupName": "web"`, `"TargetType": "ip"`} {
		if !strings.Contains(all, want) {
			t.Errorf("no %s in the translation:\n%s", want, all)
		}
	}
}
