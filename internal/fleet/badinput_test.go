package fleet

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// only returns the single diagnostic, failing when there are others.
func only(t *testing.T, diags []Diagnostic) Diagnostic {
	t.Helper()
	if len(diags) != 1 {
		t.Fatalf("want exactly one diagnostic, got %d: %v", len(diags), diags)
	}
	return diags[0]
}

func TestUnknownFieldIsAWarningNamingFileAndPath(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "td.json", `{"taskDefinition": {"family": "a", "revision": 1,
  "containerDefinitions": [{"name": "c", "image": "i", "shinyNewField": {"x": 1}}]}}`)
	f, diags := load(t, p)
	d := only(t, diags)
	if d.Level != LevelWarning || d.File != p || d.Path != "taskDefinition.containerDefinitions[0].shinyNewField" {
		t.Errorf("diagnostic = %+v", d)
	}
	if d.Line != 2 || d.Column != 56 {
		t.Errorf("position %d:%d, want 2:56 (the key)", d.Line, d.Column)
	}
	if len(f.TaskDefinitions) != 1 || !strings.Contains(string(docBytes(t, f.TaskDefinitions[0].Doc)), "shinyNewField") {
		t.Error("the document should still be read, and keep the unknown field in its bytes")
	}
}

func TestUnknownTopLevelMemberIsAWarning(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "svc.json", `{"services": [], "ResponseMetadata": {"RequestId": "x"}}`)
	_, diags := load(t, p)
	d := only(t, diags)
	if d.Level != LevelWarning || d.Path != "ResponseMetadata" || !strings.Contains(d.Message, "ignored") {
		t.Errorf("diagnostic = %+v", d)
	}
}

// A syntax error is file:line:col, and the other inputs are still read.
func TestMalformedJSONGivesLineAndColumn(t *testing.T) {
	dir := t.TempDir()
	bad := writeFile(t, dir, "bad.json", "{\n  \"services\": [\n    {\"serviceName\": \"a\",}\n  ]\n}\n")
	good := filepath.Join(shapesDir, "register-task-definition.json")
	f, diags := load(t, bad, good)
	d := only(t, diags)
	if d.Level != LevelError || !strings.HasPrefix(d.String(), bad+":3:25: error: malformed JSON") {
		t.Errorf("diagnostic = %s", d)
	}
	if len(f.TaskDefinitions) != 1 {
		t.Error("the good input was not read after the bad one")
	}
}

func TestTruncatedJSON(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "cut.json", "{\"services\": [\n  {\"serviceName\": \"a\"")
	_, diags := load(t, p)
	d := only(t, diags)
	if d.Line != 2 || !strings.Contains(d.Message, "truncated") {
		t.Errorf("diagnostic = %s", d)
	}
}

func TestBadInputs(t *testing.T) {
	tests := []struct {
		name, content string
		level         Level
		want          string // in the message
	}{
		{"empty file", "", LevelError, "the file is empty"},
		{"only white space", " \n\t\n", LevelError, "the file is empty"},
		{"an array of another shape", `[{"family": "a"}]`, LevelError, "not a recognised input (top-level fields family)"},
		{"an empty array", `[]`, LevelWarning, "empty list of documents"},
		{"an array of strings", `["a", "b"]`, LevelError, "a JSON array"},
		{"an array of documents of another shape", `[{"name": "a"}, {"name": "b"}, {"name": "c"}]`, LevelError, "(so are the other 2 documents of the file)"},
		{"a string", `"hello"`, LevelError, "a JSON string"},
		{"a number", `42`, LevelError, "a JSON scalar value"},
		{"an object of another shape", `{"name": "my-app", "version": "1.0.0"}`, LevelError, "top-level fields name, version"},
		{"text after the document", `{"services": []} services`, LevelError, "unexpected data after the JSON value"},
		{"services is not an array", `{"services": {"serviceName": "a"}}`, LevelError, "expected an array"},
		{"a service is not an object", `{"services": ["a"]}`, LevelError, "expected an object, found a string"},
		{"a field of the wrong type", `{"services": [{"serviceName": "a", "clusterArn": "c", "desiredCount": "two"}]}`, LevelError, "expected a whole number"},
		{"a task definition without family", `{"taskDefinition": {"containerDefinitions": []}}`, LevelError, "has no family"},
		{"describe failures", `{"services": [], "failures": [{"arn": "arn:aws:ecs:us-east-1:1:service/c/x", "reason": "MISSING"}]}`, LevelWarning, "MISSING"},
		{"malformed failures", `{"containerInstances": [], "failures": "none"}`, LevelWarning, "expected a list of failures"},
		{"a bad timestamp", `{"services": [{"serviceName": "a", "clusterArn": "c", "createdAt": "yesterday"}]}`, LevelError, "RFC 3339"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeFile(t, t.TempDir(), "in.json", tt.content)
			_, diags := load(t, p)
			d := only(t, diags)
			if d.File != p || d.Level != tt.level || !strings.Contains(d.Message, tt.want) {
				t.Errorf("diagnostic = %s; want %s containing %q", d, tt.level, tt.want)
			}
		})
	}
}

// A value of the wrong type is named by path but never quoted: it may be
// a secret typed in the wrong place.
func TestWrongTypeNeverQuotesTheValue(t *testing.T) {
	p := writeFile(t, t.TempDir(), "td.json", `{"family": "a", "containerDefinitions": [{"name": "c", "environment": ["DB_PASSWORD=hunter2"]}]}`)
	_, diags := load(t, p)
	d := only(t, diags)
	if strings.Contains(d.String(), "hunter2") || d.Path != "containerDefinitions[0].environment[0]" {
		t.Errorf("diagnostic = %s", d)
	}
}

// A service whose task definition is not among the inputs is still listed,
// with its task definition's key, and without a link.
func TestServiceWithoutItsTaskDefinition(t *testing.T) {
	f := loadClean(t, filepath.Join(shapesDir, "services.json"))
	if len(f.Services) != 3 {
		t.Fatalf("%d services, want 3", len(f.Services))
	}
	for _, s := range f.Services {
		if s.TaskDef != nil || s.TaskDefinitionKey() == "" {
			t.Errorf("service %s: TaskDef %v, key %q", s.Name(), s.TaskDef, s.TaskDefinitionKey())
		}
	}
}

// Duplicates are warned about, naming both places, and read once.
func TestDuplicatesAreReadOnce(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"describe-task-definition.json", "services.json", "container-instances.json",
		"instances.json", "images.json", "target-groups.json", "subnets.json", "clusters.json"} {
		data, err := os.ReadFile(filepath.Join(shapesDir, name))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, dir, "a/"+name, string(data))
		writeFile(t, dir, "b/"+name, string(data))
	}
	f, diags := load(t, dir)
	counts := [8]int{len(f.TaskDefinitions), len(f.Services), countDetails(f), len(f.ContainerInstances),
		len(f.Instances), len(f.Images), len(f.TargetGroups), len(f.Subnets)}
	if counts != [8]int{1, 3, 1, 1, 1, 1, 1, 1} {
		t.Errorf("counts %v: duplicates were not dropped", counts)
	}
	if len(diags) != 10 { // one per duplicate resource: 1+3+1+1+1+1+1+1
		t.Errorf("%d diagnostics, want 10: %v", len(diags), diags)
	}
	for _, d := range diags {
		first := filepath.Join(dir, "a") + string(filepath.Separator)
		if d.Level != LevelWarning || !strings.HasPrefix(d.File, filepath.Join(dir, "b")) || !strings.Contains(d.Message, first) {
			t.Errorf("diagnostic = %s", d)
		}
	}
}

// Unrelated JSON met while walking a directory is skipped with a warning
// naming it; everything else in the directory is read.
func TestDirectoryWithUnrelatedJSON(t *testing.T) {
	dir := t.TempDir()
	pkg := writeFile(t, dir, "package.json", `{"name": "infra", "version": "1.0.0", "dependencies": {"aws-cdk-lib": "2.150.0"}}`)
	writeFile(t, dir, "tsconfig.json", `{"compilerOptions": {"strict": true}}`)
	writeFile(t, dir, "notes.txt", "not JSON, not read")
	writeFile(t, dir, "ecs/td.json", `{"family": "a", "containerDefinitions": [{"name": "c", "image": "i"}]}`)
	f, diags := load(t, dir)
	if len(f.TaskDefinitions) != 1 {
		t.Errorf("the task definition next to unrelated JSON was not read")
	}
	if len(diags) != 2 {
		t.Fatalf("want a warning for each unrelated file, got %v", diags)
	}
	d := diags[0]
	if d.File != pkg || d.Level != LevelWarning || !strings.Contains(d.Message, "skipped: not a recognised input") ||
		!strings.Contains(d.Message, "aws ecs describe-services") {
		t.Errorf("diagnostic = %s", d)
	}
	if HasErrors(diags) {
		t.Error("unrelated JSON in a directory should not fail the run")
	}
}

func TestMissingPath(t *testing.T) {
	p := filepath.Join(t.TempDir(), "nope.json")
	_, diags := load(t, p)
	if d := only(t, diags); d.File != p || d.Level != LevelError || !strings.Contains(d.Message, "cannot read") {
		t.Errorf("diagnostic = %s", d)
	}
}

func TestStdin(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(shapesDir, "describe-task-definition.json"))
	if err != nil {
		t.Fatal(err)
	}
	f, diags := Load(t.Context(), []string{Stdin, filepath.Join(shapesDir, "services.json")}, strings.NewReader(string(data)))
	if len(diags) != 0 {
		t.Errorf("diagnostics: %v", diags)
	}
	td := f.TaskDefinition(testID, "web:3")
	if td == nil || td.Doc.Source.File != "<stdin>" || f.Inputs[0] != "<stdin>" {
		t.Fatalf("stdin not read as <stdin>: %v", f.Inputs)
	}
	if f.Services[1].TaskDef != td {
		t.Error("a service read from a file should link to a task definition read from stdin")
	}
}

func TestStdinErrorsNameStdin(t *testing.T) {
	_, diags := Load(t.Context(), []string{Stdin}, strings.NewReader(`{"services": [`))
	if d := only(t, diags); d.File != "<stdin>" || d.Line != 1 {
		t.Errorf("diagnostic = %s", d)
	}
}

func TestCancelledContextStops(t *testing.T) {
	ctx, cancel := contextWithCancel(t)
	cancel()
	_, diags := Load(ctx, []string{shapesDir}, nil)
	if d := only(t, diags); d.Level != LevelError || !strings.Contains(d.Message, "not read") {
		t.Errorf("diagnostic = %s", d)
	}
}

// A 50 MB describe-services file is read whole: every service, no problem.
func TestFiftyMegabyteFile(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"services": [`)
	n := 0
	pad := strings.Repeat("x", 900)
	for b.Len() < 50<<20 {
		if n > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `{"serviceArn": "arn:aws:ecs:us-east-1:123456789012:service/big/svc-%d", "serviceName": "svc-%d",`+
			` "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/big", "taskDefinition": "app:%d", "desiredCount": 2,`+
			` "tags": [{"key": "note", "value": "%s"}]}`, n, n, n%50+1, pad)
		n++
	}
	b.WriteString("]}")
	p := writeFile(t, t.TempDir(), "big.json", b.String())
	f, diags := load(t, p)
	if len(diags) != 0 {
		t.Errorf("diagnostics: %v", diags[:min(len(diags), 3)])
	}
	if len(f.Services) != n {
		t.Errorf("read %d services, want %d", len(f.Services), n)
	}
}

// Output of one page of several says so: the other pages were not read.
func TestPaginatedOutputIsAWarning(t *testing.T) {
	for _, content := range []string{
		`{"imageDetails": [], "nextToken": "abc"}`,
		`{"TargetGroups": [], "NextMarker": "abc"}`,
		`{"Reservations": [], "NextToken": "abc"}`,
		`{"Subnets": [], "NextToken": "abc"}`,
	} {
		_, diags := load(t, writeFile(t, t.TempDir(), "in.json", content))
		if d := only(t, diags); d.Level != LevelWarning || !strings.Contains(d.Message, "one page of several") {
			t.Errorf("%s: diagnostic = %s", content, d)
		}
	}
}

// Every shape warns about members it does not know, at any level.
func TestUnknownMembersInEveryShape(t *testing.T) {
	tests := map[string]string{
		`{"clusters": [], "extra": 1}`:                                        "extra",
		`{"Reservations": [{"Instances": [], "Extra": 1}]}`:                   "Reservations[0].Extra",
		`{"Subnets": [{"SubnetId": "s", "Extra": 1}]}`:                        "Subnets[0].Extra",
		`{"TargetGroups": [], "Extra": 1}`:                                    "Extra",
		`{"imageDetails": [{"imageDigest": "d", "extra": true}]}`:             "imageDetails[0].extra",
		`{"containerInstances": [{"containerInstanceArn": "a", "extra": 1}]}`: "containerInstances[0].extra",
	}
	for content, path := range tests {
		_, diags := load(t, writeFile(t, t.TempDir(), "in.json", content))
		var found bool
		for _, d := range diags {
			found = found || d.Path == path && d.Level == LevelWarning
		}
		if !found {
			t.Errorf("%s: no warning at %s: %v", content, path, diags)
		}
	}
}

// PowerShell writes a UTF-8 byte-order mark, which is skipped; Windows
// PowerShell's > writes UTF-16, which is named as the problem.
func TestEncodings(t *testing.T) {
	dir := t.TempDir()
	bom := writeFile(t, dir, "bom.json", "\xef\xbb\xbf{\"services\": [{\"serviceName\": \"a\", \"clusterArn\": \"c\", \"nope\": 1}]}")
	f, diags := load(t, bom)
	if d := only(t, diags); len(f.Services) != 1 || d.Line != 1 || d.Column != 55 {
		t.Errorf("with a BOM: %d services, diagnostic %s (want column 55, the BOM not counted)", len(f.Services), d)
	}
	utf16 := writeFile(t, dir, "utf16.json", "\xff\xfe{\x00}\x00")
	_, diags = load(t, utf16)
	if d := only(t, diags); d.Level != LevelError || !strings.Contains(d.Message, "UTF-16") {
		t.Errorf("UTF-16: diagnostic %s", d)
	}
}

// Diagnostics about standard input get a line and column too.
func TestStdinDiagnosticsAreLocated(t *testing.T) {
	_, diags := Load(t.Context(), []string{Stdin}, strings.NewReader("{\"services\": [\n  {\"serviceName\": \"a\", \"clusterArn\": \"c\", \"nope\": 1}]}"))
	if d := only(t, diags); d.File != "<stdin>" || d.Line != 2 || d.Column != 43 {
		t.Errorf("diagnostic = %s", d)
	}
}

// A file named twice, or named and inside a named directory, is read once.
func TestOverlappingPathsReadEachFileOnce(t *testing.T) {
	services := filepath.Join(shapesDir, "services.json")
	f, diags := load(t, shapesDir, services, "./"+services)
	if len(diags) != 0 || len(f.Services) != 3 || len(f.Inputs) != 10 {
		t.Errorf("%d services from %d inputs, diagnostics %v", len(f.Services), len(f.Inputs), diags)
	}
}
