package fleet

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/awsjson"
	"github.com/ecs2fargate/ecs2fargate/internal/fleetgen"
)

// unfolded runs load with every JSON file checked whole before it is
// decoded, as the loader did before loadFolded.
func unfolded[T any](load func() T) T {
	defer func() { foldChecks = true }()
	foldChecks = false
	return load()
}

// Every input the repository holds loads as it did when each file was
// checked whole first: the same fleet, the same diagnostics.
func TestFoldedChecksLoadAsBefore(t *testing.T) {
	gen := t.TempDir()
	if err := fleetgen.WriteTemp(gen, fleetgen.Options{Services: 300, PerCluster: 30}); err != nil {
		t.Fatal(err)
	}
	inputs := map[string][]string{
		"demo":     {filepath.Join("..", "..", "examples", "demo-fleet")},
		"fleetgen": {gen},
		"testdata": {"testdata"},
		"corpus":   {filepath.Join("..", "..", "testdata", "corpus")},
	}
	for name, paths := range inputs {
		folded, foldedDiags := Load(context.Background(), paths, nil)
		type load struct {
			f     *Fleet
			diags []Diagnostic
		}
		before := unfolded(func() load {
			f, diags := Load(context.Background(), paths, nil)
			return load{f, diags}
		})
		if len(folded.Services)+len(folded.TaskDefinitions) == 0 {
			t.Errorf("%s: nothing loaded", name)
		}
		sameLoad(t, name, folded, foldedDiags, before.f, before.diags)
	}
}

// foldCases are JSON object files, valid and not, that the folded pass
// must load exactly as the check first did: errors before, in and after
// the member it decodes where it lies, in what the decoder reads and in
// what it passes over, and valid files whose member it decodes is not
// the one their shape's loader reads.
var foldCases = []string{
	// Not valid JSON.
	"{\n    \"clusters\":", `{"services": `, `{"taskDefinition":`, `{"services": [`, `{"services": [{"serviceName": "a"}`,
	`{"services": [{"serviceName": "a"}, {"serviceName": "b"}], "failures": [}`,
	"{\"services\": [{\"serviceName\": \"a\"}, {\"serviceName\": \"b\"\x01}]}",
	"{\"services\": [{\"serviceName\": \"a\tb\"}]}",
	`{"services": [{"serviceName": "a", "desiredCount": 01}]}`,
	`{"services": [{"serviceName": "a", "desiredCount": -.5}]}`,
	`{"services": [{"serviceName": "a"},]}`,
	`{"services": [{"serviceName": "a"} {"serviceName": "b"}]}`,
	`{"services": [{"serviceName": "a", "events": [{"message": "x\y"}]}]}`,
	`{"services": [{"serviceName": "a", "events": [1,]}]}`,
	`{"services": [{"serviceName": "a"}] "failures": []}`,
	`{"services": [{"serviceName": "a"}]} x`,
	`{"services": [{"serviceName": "a", "unknownField": 1}], "failures": [`,
	`{"services": [{"serviceName": "a", "desiredCount": "3"}, {"serviceName": "b",]}`,
	`{"failures": [], "services": [{"serviceName": "a"}], "x": tru}`,
	`{"taskDefinition": {"family": "a", "cpu": 01}, "tags": []}`,
	`{"taskDefinition": {"family": "a"}, "tags": [1,]}`,
	`{"taskDefinition": {"family": "a", "unknownField": [1,]}}`,
	`{"taskDefinition": {"family": "a", "revision": 1.5e}}`,
	`{"containerInstances": [{"remainingResources": [1,]}]}`,
	`{"imageDetails": [{"imageTags": ["a",]}]}`,
	`{"TargetGroups": [{"TargetGroupArn": "\u12"}]}`,
	`{"clusters": [{"clusterName": "a"}], "failures": [{"arn": "x", "reason": "MISSING"}]`,
	`{"services": [` + strings.Repeat("[", 10001) + strings.Repeat("]", 10001) + `]}`,
	`{"services": [{"serviceName": "a", "events": ` + strings.Repeat("[", 2000) + strings.Repeat("]", 2000) + `}]}`,
	// Valid JSON.
	`{"services": [{"serviceName": "a", "events": ` + strings.Repeat("[", 2000) + strings.Repeat("]", 2000) + `}]}`,
	`{"services": [{"serviceName": "a"}]}{"services": [{"serviceName": "b"}]}`,
	`{"services": [{"serviceName": "a"}], "services": [{"serviceName": "b"}]}`,
	`{"services": [{"serviceName": "a"}], "schemaVersion": 1}`,
	`{"services": [{"serviceName": "a"}], "containerDefinitions": [{"name": "c"}], "family": "f"}`,
	`{"Services": [{"serviceName": "a"}], "services": [{"serviceName": "b"}]}`,
	`{"failures": [], "services": [{"serviceName": "a", "unknownField": 1}, {"serviceName": "b", "desiredCount": "3"}]}`,
	`{"services": {"web": {"image": "nginx"}}}`,
	`{"services": [], "containerInstances": [{"ec2InstanceId": "i-1"}]}`,
	`{"taskDefinition": {"family": "a", "revision": 1, "unknownField": true}, "tags": [{"key": "k", "value": "v"}]}`,
	`{"tags": [{"key": "k", "value": "v"}], "taskDefinition": {"family": "a", "revision": 2}}`,
	`{"taskDefinition": [], "services": [{"serviceName": "a"}]}`,
	`{"imageDetails": [{"imageTags": ["a"], "imageDigest": "sha256:1"}], "nextToken": "x"}`,
	`{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}, "services": []}`,
	`{ "clusters" : [ ] , "failures" : [ ] } `,
}

// The folded pass loads each case as the check first did, from memory
// and from a file, and a single object that is not valid JSON leaves
// nothing loaded: only the error that says where it breaks.
func TestFoldedChecksKeepEveryDiagnostic(t *testing.T) {
	dir := t.TempDir()
	for i, doc := range foldCases {
		folded, foldedDiags := LoadBytes("f.json", []byte(doc))
		type load struct {
			f     *Fleet
			diags []Diagnostic
		}
		before := unfolded(func() load {
			f, diags := LoadBytes("f.json", []byte(doc))
			return load{f, diags}
		})
		sameLoad(t, doc, folded, foldedDiags, before.f, before.diags)

		path := filepath.Join(dir, "case.json")
		if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		fromFile, fileDiags := Load(context.Background(), []string{path}, nil)
		beforeFile := unfolded(func() load {
			f, diags := Load(context.Background(), []string{path}, nil)
			return load{f, diags}
		})
		sameLoad(t, doc+" (file)", fromFile, fileDiags, beforeFile.f, beforeFile.diags)

		if json.Valid([]byte(doc)) || strings.HasPrefix(doc, `{"services": [{"serviceName": "a"}]}{`) {
			continue
		}
		if !HasErrors(foldedDiags) || len(folded.Services)+len(folded.TaskDefinitions)+len(folded.ContainerInstances)+
			len(folded.Images)+len(folded.TargetGroups) > 0 || len(folded.Clusters) > 0 {
			t.Errorf("case %d %.60q: not valid JSON, yet loaded: %d services, diagnostics %v", i, doc, len(folded.Services), foldedDiags)
		}
	}
}

// loadFolded itself: a valid file is loaded in one pass, with its member
// decoded where it lies and taken by its shape's loader; a broken one
// is refused with nothing recorded.
func TestLoadFoldedRecordsNothingOfABrokenFile(t *testing.T) {
	loads := &loans{strs: awsjson.NewStrings()}
	for _, c := range []struct {
		doc  string
		ok   bool
		adds int
	}{
		{`{"services": [{"serviceName": "a"}, {"serviceName": "b"}], "failures": []}`, true, 2},
		{`{"services": [{"serviceName": "a"}, {"serviceName": "b"}], "failures": [}`, false, 0},
		{`{"services": [{"serviceName": "a", "x": 1}, {"serviceName": "b"}], "failures": [}`, false, 0},
		{`{"taskDefinition": {"family": "a", "revision": 1}}`, true, 1},
		{`{"taskDefinition": {"family": "a", "revision": 1}} {`, false, 0},
	} {
		l := &fileLoad{loans: loads}
		l.borrow()
		ok := l.loadFolded("f.json", []byte(c.doc), 0, true)
		l.giveBack()
		if ok != c.ok || len(l.adds) != c.adds || l.pre != nil || !ok && (len(l.diags) > 0 || len(l.docs) > 0) {
			t.Errorf("%s: ok %v, %d additions, %d diagnostics, %d documents held; want ok %v, %d additions",
				c.doc, ok, len(l.adds), len(l.diags), len(l.docs), c.ok, c.adds)
		}
	}
}
