package rewrite

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	"github.com/aws/smithy-go/middleware"
	"github.com/ecs2fargate/ecs2fargate/internal/testtool"
)

// outputs returns the document of every case that has one.
func outputs(t *testing.T) map[string][]byte {
	t.Helper()
	docs := map[string][]byte{}
	for _, c := range tdCases(t) {
		if c.err == nil && c.res.Document != nil {
			docs[c.name] = c.res.Document
		}
	}
	return docs
}

// TestTaskDefinitionsPassSDKValidation (issue 3, 6a): every output decodes
// into ecs.RegisterTaskDefinitionInput (strictly, except the case that
// holds fields newer than our SDK on purpose) and passes the SDK's
// generated validator, run by a real client whose request stops after
// validation.
func TestTaskDefinitionsPassSDKValidation(t *testing.T) {
	client := ecs.New(ecs.Options{Region: "us-east-1", Credentials: aws.AnonymousCredentials{},
		APIOptions: []func(*middleware.Stack) error{svcStopAfterValidation}})
	for name, doc := range outputs(t) {
		t.Run(name, func(t *testing.T) {
			var in ecs.RegisterTaskDefinitionInput
			if lenientCases[name] {
				if err := json.Unmarshal(doc, &in); err != nil {
					t.Fatal(err)
				}
			} else {
				svcStrictDecode(t, "register-task-definition", doc, &in)
			}
			_, err := client.RegisterTaskDefinition(context.Background(), &in)
			svcWantValidated(t, "register-task-definition", err)
		})
	}
}

func TestSDKValidationCatchesBadTaskDefinition(t *testing.T) {
	client := ecs.New(ecs.Options{Region: "us-east-1", Credentials: aws.AnonymousCredentials{},
		APIOptions: []func(*middleware.Stack) error{svcStopAfterValidation}})
	var in ecs.RegisterTaskDefinitionInput
	svcStrictDecode(t, "bad", []byte(`{"containerDefinitions":[{"name":"x"}]}`), &in) // no family
	if _, err := client.RegisterTaskDefinition(context.Background(), &in); err == nil || strings.Contains(err.Error(), errSvcValidated.Error()) {
		t.Fatalf("a request without family passed validation: %v", err)
	}
}

// TestTaskDefinitionsPassBotocore (issue 3, 6b) runs botocore's
// ParamValidator and an enum check on every output.
func TestTaskDefinitionsPassBotocore(t *testing.T) {
	py := svcNeedBotocore(t)
	dir := t.TempDir()
	var args []string
	for name, doc := range outputs(t) {
		if lenientCases[name] {
			continue
		}
		file := filepath.Join(dir, name+".json")
		if err := os.WriteFile(file, doc, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, "ecs", "RegisterTaskDefinition", file)
	}
	out, err := exec.Command(py, append([]string{svcBotocoreScript}, args...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("botocore rejects rewritten task definitions (%v):\n%s", err, out)
	}
}

// TestTaskDefinitionsPassCfnLint (issue 3, 6c) lints every output as an
// AWS::ECS::TaskDefinition resource of one template: no errors (E3047
// size, E3048 Fargate properties, E3053 ports and the rest). Warnings and
// informational findings are allowed.
func TestTaskDefinitionsPassCfnLint(t *testing.T) {
	lint := testtool.Path(t, "cfn-lint", "CloudFormation validation of the rewritten task definitions", "cfn-lint")
	resources := map[string]any{}
	for name, doc := range outputs(t) {
		if lenientCases[name] {
			continue
		}
		var v any
		if err := json.Unmarshal(doc, &v); err != nil {
			t.Fatal(err)
		}
		resources[cfnLogicalID(name)] = map[string]any{"Type": "AWS::ECS::TaskDefinition", "Properties": cfnProperties(v, "")}
	}
	var errs []string
	for _, m := range cfnLint(t, lint, "taskdefs.json", resources) {
		errs = append(errs, fmt.Sprintf("%s %v: %s", m.Rule.Id, m.Location.Path, m.Message))
	}
	if len(errs) > 0 {
		t.Errorf("cfn-lint errors:\n%s", strings.Join(errs, "\n"))
	}
}

// cfnMatch is one cfn-lint finding of its JSON output.
type cfnMatch struct {
	Level    string
	Message  string
	Rule     struct{ Id string }
	Location struct{ Path []any }
}

// cfnLint lints the AWS::ECS::TaskDefinition resources as one template
// and returns their errors. A control resource with an invalid Fargate size
// proves the lint runs and reports errors; it must report one, which is
// left out of the result.
func cfnLint(t *testing.T, lint, name string, resources map[string]any) []cfnMatch {
	t.Helper()
	resources["ZzControl"] = map[string]any{"Type": "AWS::ECS::TaskDefinition", "Properties": map[string]any{
		"RequiresCompatibilities": []string{"FARGATE"}, "NetworkMode": "awsvpc", "Cpu": "300", "Memory": "512",
		"ContainerDefinitions": []any{map[string]any{"Name": "x", "Image": "x"}}}}
	tmpl, _ := json.MarshalIndent(map[string]any{"AWSTemplateFormatVersion": "2010-09-09", "Resources": resources}, "", "  ")
	file := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(file, tmpl, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(lint, "--format", "json", file).Output()
	var matches []cfnMatch
	if jerr := json.Unmarshal(out, &matches); jerr != nil {
		t.Fatalf("cfn-lint output (%v) is not JSON: %v\n%s", err, jerr, out)
	}
	var errs []cfnMatch
	control := false
	for _, m := range matches {
		if m.Level != "Error" {
			continue
		}
		if len(m.Location.Path) > 1 && m.Location.Path[1] == "ZzControl" {
			control = true
			continue
		}
		errs = append(errs, m)
	}
	if !control {
		t.Fatalf("cfn-lint reported no error for the control resource (%v):\n%s", err, out)
	}
	return errs
}

func cfnLogicalID(name string) string {
	var b strings.Builder
	for _, part := range strings.Split(name, "-") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

// cfnUserMaps are members whose keys belong to the user and stay as written.
var cfnUserMaps = map[string]bool{"dockerLabels": true, "options": true, "driverOpts": true, "labels": true}

// cfnNames are CloudFormation property names that are not the API member
// name with its first letter raised.
var cfnNames = map[string]string{
	"efsVolumeConfiguration":                  "EFSVolumeConfiguration",
	"fsxWindowsFileServerVolumeConfiguration": "FSxWindowsFileServerVolumeConfiguration",
	"iam": "IAM",
}

// cfnNamesIn are property names that differ from the API member only
// under one parent: EFS spells FilesystemId, and the proxy's name-value
// list is ProxyConfigurationProperties.
var cfnNamesIn = map[string]map[string]string{
	"efsVolumeConfiguration": {"fileSystemId": "FilesystemId"},
	"proxyConfiguration":     {"properties": "ProxyConfigurationProperties"},
}

// cfnProperties converts API member names to CloudFormation property names.
func cfnProperties(v any, parent string) any {
	switch x := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, val := range x {
			if cfnUserMaps[parent] {
				out[k] = val
				continue
			}
			name := cfnNamesIn[parent][k]
			if name == "" {
				name = cfnNames[k]
			}
			if name == "" {
				name = strings.ToUpper(k[:1]) + k[1:]
			}
			out[name] = cfnProperties(val, k)
		}
		return out
	case []any:
		for i := range x {
			x[i] = cfnProperties(x[i], parent)
		}
		return x
	}
	return v
}
