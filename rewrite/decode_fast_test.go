package rewrite

import (
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"testing"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// decodeFast answers as json.Unmarshal of the rewrite's decode does, or
// not at all: on every rewritten document of the corpus (where it must
// answer, or it saves nothing) and on documents made to leave it.
func TestDecodeFastIsUnmarshal(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(corpusRoot, "*", "taskdef.json"))
	if err != nil || len(files) < 30 {
		t.Fatalf("%d corpus files (%v)", len(files), err)
	}
	answered := 0
	for _, file := range files {
		f, _ := fleet.Load(context.Background(), []string{file}, nil)
		for _, td := range f.TaskDefinitions {
			opts := corpusOptions
			opts.Force = true
			res, err := TaskDefinition(f, td, opts)
			if err != nil || res.Document == nil {
				continue
			}
			if checkDecodeFast(t, file, res.Document) {
				answered++
			}
		}
	}
	if answered < 30 {
		t.Errorf("the fast decoder answered for %d rewritten documents of the corpus, want at least 30", answered)
	}
	for name, doc := range map[string]string{
		"no tags":          `{"family": "a", "containerDefinitions": [{"name": "c", "image": "i"}]}`,
		"tags":             `{"family": "a", "tags": [{"key": "k", "value": "v"}], "cpu": "256"}`,
		"tags null":        `{"family": "a", "tags": null}`,
		"tags twice":       `{"family": "a", "tags": [{"key": "k", "value": "1"}], "tags": [{"key": "k", "value": "2"}]}`,
		"Tags capitalised": `{"family": "a", "Tags": [{"key": "k", "value": "v"}]}`,
		"member twice":     `{"family": "a", "family": "b"}`,
		"case of a member": `{"Family": "a", "tags": []}`,
		"unknown member":   `{"family": "a", "notAMember": 1}`,
		"wrong type":       `{"family": 1}`,
		"tags wrong type":  `{"family": "a", "tags": {"key": "k"}}`,
		"not an object":    `[1]`,
		"not JSON":         `{"family": `,
	} {
		checkDecodeFast(t, name, []byte(doc))
	}
}

// checkDecodeFast reports whether decodeFast answered for doc, failing t
// when its answer is not json.Unmarshal's.
func checkDecodeFast(t *testing.T, name string, doc []byte) bool {
	t.Helper()
	var want struct {
		ecstypes.TaskDefinition
		Tags []ecstypes.Tag
	}
	wantErr := json.Unmarshal(doc, &want)
	var td ecstypes.TaskDefinition
	var tags []ecstypes.Tag
	if !decodeFast(doc, &td, &tags) {
		if !reflect.DeepEqual(td, ecstypes.TaskDefinition{}) || tags != nil {
			t.Errorf("%s: decodeFast declined but left values behind", name)
		}
		return false
	}
	if wantErr != nil {
		t.Errorf("%s: decodeFast answered where json.Unmarshal fails (%v)", name, wantErr)
	}
	if !reflect.DeepEqual(td, want.TaskDefinition) || !reflect.DeepEqual(tags, want.Tags) {
		t.Errorf("%s: decodeFast gives\n%+v %+v\njson.Unmarshal\n%+v %+v", name, td, tags, want.TaskDefinition, want.Tags)
	}
	return true
}
