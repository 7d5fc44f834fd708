package cloudformation

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// countingRead is a fleet.ReadFunc over files in memory that counts the
// calls and the bytes handed out per file.
type countingRead struct {
	files map[string]string
	calls map[string]int
	bytes map[string]int
}

func newCountingRead(files map[string]string) *countingRead {
	return &countingRead{files: files, calls: map[string]int{}, bytes: map[string]int{}}
}

func (c *countingRead) read(file string, limit int) ([]byte, error) {
	data, ok := c.files[file]
	if !ok {
		return nil, os.ErrNotExist
	}
	if limit > 0 && limit < len(data) {
		data = data[:limit]
	}
	c.calls[file]++
	c.bytes[file] += len(data)
	return []byte(data), nil
}

// A service description padded so that it is far larger than the head.
var bigServices = `{"services": [{"serviceName": "web", "launchType": "EC2", "taskDefinition": "web:1",` +
	` "events": [` + strings.Repeat(`{"id": "e", "message": "(service web) has reached a steady state. Resources AWS::ECS::Service"},`, 200) +
	`{"id": "e"}]}], "failures": []}`

// A template whose Resources come after a long Parameters section, far
// beyond the head Claim reads first.
var lateResources = `{"AWSTemplateFormatVersion": "2010-09-09", "Parameters": {` +
	strings.Repeat(`"P`+strings.Repeat("x", 40)+`": {"Type": "String", "Default": "v"},`, 100) + `"Last": {"Type": "String"}},
 "Resources": {"Def": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"Family": "web",
   "ContainerDefinitions": [{"Name": "web", "Image": "nginx", "Memory": 512}]}}}}`

const yamlTemplate = `# comments and YAML come first
Description: a YAML template
Resources:
  Def:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: web
      ContainerDefinitions:
        - Name: web
          Image: nginx
          Memory: 512
`

// Claim takes templates wherever their Resources section lies, reads AWS
// CLI output and register-task-definition requests only as far as their
// first member name, and reads no file twice that it does not take.
func TestClaimReadsCLIOutputOnlyAsFarAsItsFirstKey(t *testing.T) {
	files := map[string]string{
		"a/services.json":   bigServices,
		"a/register.json":   `{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}], "note": "` + strings.Repeat("AWS::ECS:: Resources ", 100) + `"}`,
		"a/array.json":      `[` + strings.Repeat(`{"Resources": "AWS::ECS::"},`, 100) + `{}]`,
		"a/late.json":       lateResources,
		"a/padded.json":     strings.Repeat(" ", 2*sniffBytes) + lateResources,
		"a/template.yaml":   yamlTemplate,
		"a/other.template":  `{"Resources": {"Bucket": {"Type": "AWS::S3::Bucket"}}}`,
		"a/notes.txt":       "Resources AWS::ECS::",
		"a/escaped.json":    `{"Descr\u0069ption": "x", "Resources": {"Def": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"Family": "x"}}}}`,
		"a/descr-big.json":  `{"Description": "` + strings.Repeat("d", 3*sniffBytes) + `", "Resources": {"Def": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"Family": "x"}}}}`,
		"a/empty.json":      ``,
		"a/emptyobj.json":   `{}`,
		"a/unknownkey.json": `{"Resourcez": {}, "Resources": {"Def": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"Family": "x"}}}}`,
	}
	var names []string
	for f := range files {
		names = append(names, f)
	}
	r := newCountingRead(files)
	units := Translator{}.Claim(names, r.read)
	claimed := map[string]bool{}
	for _, u := range units {
		claimed[u[0]] = true
	}
	for _, f := range []string{"a/late.json", "a/padded.json", "a/template.yaml", "a/escaped.json", "a/descr-big.json"} {
		if !claimed[f] {
			t.Errorf("%s is a template with an ECS resource but was not claimed", f)
		}
	}
	for _, f := range []string{"a/services.json", "a/register.json", "a/array.json", "a/other.template", "a/notes.txt", "a/empty.json", "a/emptyobj.json", "a/unknownkey.json"} {
		if claimed[f] {
			t.Errorf("%s was claimed as a template", f)
		}
	}
	for _, f := range []string{"a/services.json", "a/register.json", "a/array.json", "a/unknownkey.json"} {
		if r.calls[f] != 1 || r.bytes[f] > sniffBytes {
			t.Errorf("%s: read %d times, %d bytes; want once, at most %d bytes (its head)", f, r.calls[f], r.bytes[f], sniffBytes)
		}
	}
	if r.calls["a/notes.txt"] != 0 {
		t.Errorf("a/notes.txt (no template extension) was read")
	}
}

// The demo fleet's AWS CLI output, in every shape the loader reads, is
// ruled out by its head.
func TestClaimRulesOutDemoFleetByHead(t *testing.T) {
	var names []string
	files := map[string]string{}
	err := filepath.WalkDir("../../../examples/demo-fleet", func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".json" {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		names = append(names, p)
		files[p] = string(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(names) == 0 {
		t.Fatal("no demo fleet files found")
	}
	r := newCountingRead(files)
	if units := (Translator{}).Claim(names, r.read); len(units) != 0 {
		t.Errorf("demo fleet files claimed as templates: %v", units)
	}
	for _, f := range names {
		if r.calls[f] != 1 || r.bytes[f] > sniffBytes {
			t.Errorf("%s: read %d times, %d bytes; want its head only", f, r.calls[f], r.bytes[f])
		}
	}
}
