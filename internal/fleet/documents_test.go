package fleet

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// readShape returns a shapes fixture's bytes.
func readShape(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(shapesDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(data))
}

// summary is what a fleet holds, for comparing loads of the same
// documents in different containers.
func summary(f *Fleet) []string {
	var out []string
	for _, td := range f.TaskDefinitions {
		out = append(out, "td "+td.Key()+" "+td.Identity.Account+" "+td.Identity.Region)
	}
	for _, s := range f.Services {
		out = append(out, "svc "+s.Cluster+"/"+s.Name()+" -> "+s.TaskDefinitionKey())
	}
	return out
}

// The same three documents, as separate files, a jq -s array and a
// shell loop's stream, load to the same fleet; paths in the array and
// the stream start with the document's index.
func TestArrayAndStreamLoadLikeSeparateFiles(t *testing.T) {
	names := []string{"describe-task-definition.json", "register-task-definition.json", "services.json"}
	var docs []string
	var separate []string
	dir := t.TempDir()
	for _, n := range names {
		docs = append(docs, readShape(t, n))
		separate = append(separate, writeFile(t, dir, "one/"+n, readShape(t, n)))
	}
	want := summary(loadClean(t, separate...))
	inputs := map[string]string{
		"array.json":  "[\n" + strings.Join(docs, ",\n") + "\n]\n",
		"stream.json": strings.Join(docs, "\n") + "\n",
	}
	for name, content := range inputs {
		t.Run(name, func(t *testing.T) {
			f := loadClean(t, writeFile(t, dir, name, content))
			if got := summary(f); !reflect.DeepEqual(got, want) {
				t.Errorf("fleet = %v\nwant %v", got, want)
			}
			for _, svc := range f.Services {
				if svc.Name() == "web" && svc.Doc.Source.Path != "[2].services[0]" {
					t.Errorf("service source path = %q, want [2].services[0]", svc.Doc.Source.Path)
				}
			}
			if len(f.Inputs) != 1 {
				t.Errorf("inputs = %v, want the one file", f.Inputs)
			}
		})
	}
}

// A malformed document in an array or a stream is reported at its own
// line and column, with its index; the documents around it are read.
func TestMalformedMemberOfArrayAndStream(t *testing.T) {
	good := `{"services": [{"serviceName": "a", "clusterArn": "arn:aws:ecs:us-east-1:1:cluster/c", "taskDefinition": "a:1"}]}`
	bad := "{\"services\": [\n  {\"serviceName\": \"b\",, \"clusterArn\": \"c\"}]}"
	tests := map[string]string{
		"array.json":  "[\n" + good + ",\n" + bad + ",\n" + good + "\n]\n",
		"stream.json": good + "\n" + bad + "\n" + good + "\n",
	}
	for name, content := range tests {
		t.Run(name, func(t *testing.T) {
			p := writeFile(t, t.TempDir(), name, content)
			f, diags := load(t, p)
			// Both copies of the good document are read; the second is a duplicate.
			var errs []Diagnostic
			for _, d := range diags {
				if d.Level == LevelError {
					errs = append(errs, d)
				}
			}
			if len(errs) != 1 {
				t.Fatalf("errors = %v, want one", errs)
			}
			d := errs[0]
			// At the second comma.
			before := content[:strings.Index(content, ",,")+1]
			wantLine := strings.Count(before, "\n") + 1
			wantCol := len(before) - strings.LastIndex(before, "\n")
			if d.Path != "[1]" || d.Line != wantLine || d.Column != wantCol || !strings.Contains(d.Message, "malformed JSON") {
				t.Errorf("diagnostic = %s; want %s:%d:%d naming [1]", d, p, wantLine, wantCol)
			}
			if len(f.Services) != 1 || f.Services[0].Name() != "a" {
				t.Errorf("services = %v, want a (read once)", summary(f))
			}
		})
	}
}

// A document of a shape that is not recognised names its file and index,
// and a value of the wrong type deep inside a document is placed at its
// own line.
func TestUnrecognisedAndWrongTypeInArray(t *testing.T) {
	content := "[\n{\"services\": []},\n{\"name\": \"x\"},\n{\"services\": [\n {\"serviceName\": \"a\", \"clusterArn\": \"c\",\n  \"desiredCount\": \"two\"}]}\n]"
	p := writeFile(t, t.TempDir(), "in.json", content)
	_, diags := load(t, p)
	if len(diags) != 2 {
		t.Fatalf("diagnostics = %v, want 2", diags)
	}
	if d := diags[0]; d.Path != "[1]" || d.Line != 3 || d.Column != 1 || !strings.Contains(d.Message, "not a recognised input (top-level fields name)") {
		t.Errorf("unrecognised: %s", d)
	}
	if d := diags[1]; d.Path != "[2].services[0].desiredCount" || d.Line != 6 || d.Column != 3 {
		t.Errorf("wrong type: %s", d)
	}
}

// The YAML twins of the JSON fixtures load to the same fleet, with every
// source named by the YAML file; a directory walk reads *.yaml too.
func TestYAMLLoadsLikeJSON(t *testing.T) {
	names := []string{"describe-task-definition", "register-task-definition", "services"}
	for _, n := range names {
		t.Run(n, func(t *testing.T) {
			fromJSON := loadClean(t, filepath.Join(shapesDir, n+".json"))
			yamlPath := filepath.Join("testdata", "yaml", n+".yaml")
			fromYAML := loadClean(t, yamlPath)
			if got, want := summary(fromYAML), summary(fromJSON); !reflect.DeepEqual(got, want) {
				t.Errorf("fleet = %v\nwant %v", got, want)
			}
			for _, td := range fromYAML.TaskDefinitions {
				if !reflect.DeepEqual(td.Def, fromJSON.TaskDefinitions[0].Def) {
					t.Errorf("task definition differs from the JSON's")
				}
			}
		})
	}
	f := loadClean(t, filepath.Join("testdata", "yaml"))
	if len(f.Inputs) != 3 || len(f.Services) != 3 || len(f.TaskDefinitions) != 2 {
		t.Errorf("directory: inputs %v, %d services, %d task definitions", f.Inputs, len(f.Services), len(f.TaskDefinitions))
	}
}

// Diagnostics in YAML point into the YAML: a wrong type at its key's line
// and column, in a single document and in the second of a `---` stream.
func TestYAMLPositions(t *testing.T) {
	one := "services:\n  - serviceName: a\n    clusterArn: c\n    desiredCount: two\n"
	p := writeFile(t, t.TempDir(), "svc.yaml", one)
	_, diags := load(t, p)
	d := only(t, diags)
	if d.Path != "services[0].desiredCount" || d.Line != 4 || d.Column != 5 {
		t.Errorf("single document: %s, want line 4 column 5", d)
	}

	stream := "services: []\n---\nname: x\n---\n" + one
	p = writeFile(t, t.TempDir(), "svc.yml", stream)
	_, diags = load(t, p)
	if len(diags) != 2 {
		t.Fatalf("diagnostics = %v", diags)
	}
	if d := diags[0]; d.Path != "[1]" || d.Line != 3 || d.Column != 1 || !strings.Contains(d.Message, "not a recognised input") {
		t.Errorf("unrecognised document: %s", d)
	}
	if d := diags[1]; d.Path != "[2].services[0].desiredCount" || d.Line != 8 || d.Column != 5 {
		t.Errorf("stream: %s, want line 8 column 5", d)
	}
	pos := LocateFile(p, []byte(stream), []string{"[2].services[0].desiredCount", "[2].services[0].missing"})
	if pos["[2].services[0].missing"] != (Position{Line: 6, Column: 5}) {
		t.Errorf("missing field resolves to %v, want its object at 6:5", pos["[2].services[0].missing"])
	}
}

// A malformed YAML document is reported at its line; the documents before
// it are read.
func TestMalformedYAML(t *testing.T) {
	content := "services:\n  - serviceName: a\n    clusterArn: c\n---\nservices:\n  - serviceName: [b\n"
	p := writeFile(t, t.TempDir(), "bad.yaml", content)
	f, diags := load(t, p)
	d := only(t, diags)
	// The YAML library counts the lines of some errors from 0: 5 or 6.
	if d.Level != LevelError || d.Line < 5 || !strings.Contains(d.Message, "malformed YAML") {
		t.Errorf("diagnostic = %s, want an error at line 5 or after", d)
	}
	if len(f.Services) != 1 {
		t.Errorf("%d services, want the first document's one", len(f.Services))
	}
	if !strings.HasPrefix(d.String(), p+":") {
		t.Errorf("String() = %q", d.String())
	}
}

// YAML values that are not strings in JSON keep their JSON type; dates
// the YAML leaves unquoted are strings, as the AWS CLI writes them in JSON.
func TestYAMLScalars(t *testing.T) {
	content := "services:\n  - serviceName: a\n    clusterArn: arn:aws:ecs:us-east-1:1:cluster/c\n    desiredCount: 3\n" +
		"    enableExecuteCommand: true\n    createdAt: 2024-05-06T07:08:09.123000+00:00\n    platformVersion: ~\n"
	f := loadClean(t, writeFile(t, t.TempDir(), "svc.yaml", content))
	s := f.Services[0].Svc
	if s.DesiredCount != 3 || !s.EnableExecuteCommand || s.CreatedAt == nil || s.CreatedAt.Year() != 2024 || s.PlatformVersion != nil {
		t.Errorf("service = %+v", s)
	}
}

// A CloudFormation template is not taken for malformed AWS CLI output:
// it is named as a template.
func TestCloudFormationTemplateIsNotMisreported(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "stack.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Td:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Family: !Ref Name\n")
	writeFile(t, dir, "svc.json", readShape(t, "services.json"))
	_, diags := load(t, dir)
	d := only(t, diags)
	if d.Level != LevelWarning || !strings.Contains(d.Message, "CloudFormation template") || strings.Contains(d.Message, "not a recognised input") {
		t.Errorf("diagnostic = %s", d)
	}
}

// Locate finds paths in the documents of a stream by their index.
func TestLocateInStream(t *testing.T) {
	data := []byte("{\"services\": []}\n{\"services\": [\n  {\"serviceName\": \"a\"}]}\n")
	pos := Locate(data, []string{"[1].services[0].serviceName", "[1]", "[0].services"})
	want := map[string]Position{"[1].services[0].serviceName": {Line: 3, Column: 4}, "[1]": {Line: 2, Column: 1}, "[0].services": {Line: 1, Column: 2}}
	if !reflect.DeepEqual(pos, want) {
		t.Errorf("positions = %v, want %v", pos, want)
	}
}

// Standard input in YAML is recognised by its content.
func TestYAMLOnStandardInput(t *testing.T) {
	f, diags := LoadBytes("<stdin>", []byte("# aws ecs describe-services --output yaml\nservices:\n  - serviceName: a\n    clusterArn: c\n    desiredCount: x\n"))
	if len(f.Services) != 1 || len(diags) != 1 || diags[0].Line != 5 || diags[0].Column != 5 {
		t.Errorf("services %d, diagnostics %v", len(f.Services), diags)
	}
}

// A Docker Compose file found in a directory has a "services" mapping,
// not describe-services' array: it is skipped, not reported as broken.
func TestComposeFileInDirectoryIsSkipped(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "docker-compose.yml", "services:\n  web:\n    image: nginx\n")
	writeFile(t, dir, "svc.json", readShape(t, "services.json"))
	f, diags := load(t, dir)
	d := only(t, diags)
	if d.Level != LevelWarning || !strings.Contains(d.Message, "skipped: not a recognised input (top-level fields services)") || len(f.Services) != 3 {
		t.Errorf("diagnostic = %s, %d services", d, len(f.Services))
	}
}

// A YAML document's bytes, which the rewrite edits and --diff shows, are
// laid out as the AWS CLI's JSON output is.
func TestYAMLDocumentIsIndentedJSON(t *testing.T) {
	f := loadClean(t, filepath.Join("testdata", "yaml", "describe-task-definition.yaml"))
	raw := string(f.TaskDefinitions[0].Doc.Raw)
	// The taskDefinition member of the whole document, one level in.
	if !strings.HasPrefix(raw, "{\n        \"taskDefinitionArn\": \"arn:aws:ecs:us-east-1:123456789012:task-definition/web:3\",\n        \"family\": \"web\",") {
		t.Errorf("document bytes:\n%.300s", raw)
	}
}
