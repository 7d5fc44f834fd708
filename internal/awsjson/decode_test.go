package awsjson

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"testing"
	"time"

	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// sample has a field of every kind DecodeStrict reads itself, and some it
// leaves to encoding/json.
type sample struct {
	Name   *string
	Count  int32
	Small  int8
	Big    uint16
	Ratio  float32
	Flag   bool
	Kind   sampleKind
	Items  []sampleItem
	Labels map[string]string
	Named  map[sampleKind]*int
	When   *time.Time
	At     time.Time
	Next   *sample
	Any    any
	Shown  fmt.Stringer
	Bytes  []byte
	Grid   [][]int
	//lint:ignore U1000 the decoder must skip an empty embedded struct, as the SDK's types have
	marker
	//lint:ignore U1000 the decoder must skip an unexported field
	hidden string
}

type (
	sampleKind string
	sampleItem struct{ Key, Value *string }
	//lint:ignore U1000 embedded in sample only, to be skipped by the decoder
	marker struct{}
)

// strictJSON is what DecodeStrict must agree with.
func strictJSON(data []byte, dst any) bool {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	return dec.Decode(dst) == nil
}

// agree checks, for one document and one type, that where DecodeStrict
// succeeds encoding/json succeeds with the same value; it returns whether
// DecodeStrict succeeded.
func agree[T any](t *testing.T, doc string) bool {
	t.Helper()
	var fast, slow T
	ok := DecodeStrict([]byte(doc), &fast)
	if ok && !strictJSON([]byte(doc), &slow) {
		t.Errorf("%T %s: DecodeStrict succeeds, encoding/json fails", fast, doc)
	}
	if ok && !reflect.DeepEqual(fast, slow) {
		t.Errorf("%T %s:\n fast %+v\n json %+v", fast, doc, fast, slow)
	}
	return ok
}

// Documents DecodeStrict must read itself, with encoding/json's result.
func TestDecodeStrictReadsPlainDocuments(t *testing.T) {
	for _, doc := range []string{
		`{}`, ` { } `, `null`,
		`{"name": "a", "count": -7, "small": 127, "big": 65535, "ratio": 1.5e3, "flag": true, "kind": "x"}`,
		`{"NAME": "a", "Count": 0, "fLaG": false}`,
		`{"items": [{"key": "k", "value": "v"}, {"key": null}], "labels": {"a b": "c", "": "", "é": "\u00e9"}}`,
		`{"items": [], "labels": {}, "named": {"x": 1, "y": null}, "grid": [[1, 2], [], [3]]}`,
		`{"items": null, "labels": null, "next": null, "any": null, "shown": null, "when": null, "at": null, "name": null, "count": null}`,
		`{"when": "2026-01-02T03:04:05.123456789Z", "at": "2026-01-02T03:04:05+02:00"}`,
		`{"next": {"next": {"name": "deep", "items": [{}]}}}`,
		`{"name": "tab\there \"quoted\" \\ \/ \u2028 \ud83d\ude00", "kind": "caf\u00e9"}`,
		"{\"name\": \"invalid \xff utf-8\", \"ratio\": -0, \"big\": 0}",
	} {
		if !agree[sample](t, doc) {
			t.Errorf("DecodeStrict gave up on %s", doc)
		}
	}
}

// Documents encoding/json refuses, or that DecodeStrict leaves to it:
// DecodeStrict must not claim them.
func TestDecodeStrictLeavesTheRest(t *testing.T) {
	for _, doc := range []string{
		`{"unknown": 1}`, `{"hidden": "x"}`, `{"marker": {}}`,
		`{"name": "a", "name": "b"}`, `{"name": "a", "NAME": "b"}`,
		`{"n\u0061me": "a"}`, `{"ſmall": 1}`,
		`{"count": 1.0}`, `{"count": 1e2}`, `{"count": "1"}`, `{"small": 128}`, `{"big": -1}`, `{"ratio": 1e39}`,
		`{"name": 5}`, `{"flag": "true"}`, `{"kind": false}`, `{"items": {}}`, `{"labels": []}`, `{"labels": {"a": 1}}`,
		`{"when": 1767225600}`, `{"at": "2026-01-02"}`, `{"at": "2026-01-02T03:04:05\u005a"}`,
		`{"any": 1}`, `{"shown": {}}`, `{"bytes": "AAEC"}`, `{"bytes": [1, 2]}`,
		`[]`, `"x"`, `1`, `true`, `{"name": "a"} {}`, `{"name": "a"`,
	} {
		if agree[sample](t, doc) {
			t.Errorf("DecodeStrict claimed %s", doc)
		}
	}
}

// Types whose decoding encoding/json hands to methods or to its field
// rules for tags and embedding are left to it.
func TestDecodeStrictLeavesUnusualTypes(t *testing.T) {
	type tagged struct {
		A string `json:"b"`
	}
	type Inner struct{ A string }
	type embedding struct{ Inner }
	if agree[tagged](t, `{"b": "x"}`) || agree[embedding](t, `{"a": "x"}`) || agree[json.RawMessage](t, `{}`) ||
		agree[json.Number](t, `1`) || agree[[2]int](t, `[1, 2]`) || agree[map[int]string](t, `{"1": "a"}`) {
		t.Error("DecodeStrict decoded a type it should leave to encoding/json")
	}
	if DecodeStrict([]byte(`{}`), sample{}) || DecodeStrict([]byte(`{}`), (*sample)(nil)) {
		t.Error("DecodeStrict accepted a destination that is not a non-nil pointer")
	}
}

// DecodeAt stops just past the value, wherever it sits.
func TestDecodeAtReturnsTheEnd(t *testing.T) {
	data := []byte(`[ {"name": "a"} , {"name": "b"}]`)
	var s sample
	var dec Decoder
	end, ok := dec.DecodeAt(data, 1, &s)
	if !ok || string(data[:end]) != `[ {"name": "a"}` || *s.Name != "a" {
		t.Errorf("DecodeAt: end %d, ok %v, %+v", end, ok, s)
	}
}

// SDK documents as the AWS CLI prints them decode on the fast path.
func TestDecodeStrictReadsSDKTypes(t *testing.T) {
	svc := `{"serviceArn": "arn:aws:ecs:us-east-1:1:service/c/s", "desiredCount": 2, "launchType": "EC2",
		"createdAt": "2026-01-02T03:04:05.5-05:00", "deployments": [{"id": "d", "rolloutState": "COMPLETED"}],
		"networkConfiguration": {"awsvpcConfiguration": {"subnets": ["a", "b"], "assignPublicIp": "DISABLED"}},
		"tags": [], "propagateTags": "NONE"}`
	if !agree[ecstypes.Service](t, svc) {
		t.Error("DecodeStrict gave up on a service")
	}
	td := `{"family": "web", "revision": 3, "cpu": "256", "containerDefinitions": [{"name": "app", "cpu": 0,
		"portMappings": [{"containerPort": 80, "hostPort": 0, "protocol": "tcp"}], "environment": [{"name": "A", "value": "1"}],
		"dockerLabels": {"com.example": "x"}, "essential": true}], "registeredAt": "2026-01-02T03:04:05Z"}`
	if !agree[ecstypes.TaskDefinition](t, td) {
		t.Error("DecodeStrict gave up on a task definition")
	}
	inst := `{"InstanceId": "i-1", "InstanceType": "m5.large", "LaunchTime": "2026-01-02T03:04:05+00:00",
		"Placement": {"AvailabilityZone": "us-east-1a"}, "Tags": [{"Key": "Name", "Value": "x"}], "EbsOptimized": false}`
	if !agree[ec2types.Instance](t, inst) {
		t.Error("DecodeStrict gave up on an EC2 instance")
	}
}

// FuzzDecodeStrict checks, on any valid JSON, that DecodeStrict never
// disagrees with encoding/json where it answers, for a type of every kind
// and an SDK type; and that it never panics on invalid input.
func FuzzDecodeStrict(f *testing.F) {
	for _, s := range []string{
		`{"name": "a", "items": [{"key": "k"}], "labels": {"x": "y"}, "when": "2026-01-02T03:04:05Z", "ratio": 1.5}`,
		`{"next": {"count": 3, "grid": [[1], []]}, "named": {"a": null}}`, `{"name": "a", "Name": "b"}`, `{"count": 1e2}`,
		`{"serviceName": "s", "desiredCount": 1, "deployments": [{"createdAt": "2026-01-02T03:04:05Z"}]}`,
		`{"name": "\u00e9\ud800"}`, "{\"kind\": \"\xff\"}", `{"na`, `[1, {"a": 2}]`,
		// Invalid JSON the decoder once read, when its input was checked
		// before it: a control character, a bad escape, numbers strconv
		// reads, a comma before the end, a bad value passed over.
		"{\"name\": \"a\tb\"}", `{"name": "\x"}`, `{"count": 01}`, `{"ratio": -.5}`, `{"ratio": 1.}`,
		`{"items": [{"key": "k"},]}`, `{"events": [1,], "serviceName": "s"}`, `{"events": [{"a": 01}]}`,
		`{"next": {"next": {"next": {"count": 1}}}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var s sample
		var svc ecstypes.Service
		if !json.Valid(data) {
			// It must not panic, and reads only valid JSON: the loader
			// relies on that to check a document in the pass that reads it.
			var skipping Decoder
			skipping.Skip(reflect.TypeFor[ecstypes.Service](), "Events")
			if DecodeStrict(data, &s) || DecodeStrict(data, &svc) || skipping.DecodeStrict(data, &svc) {
				t.Errorf("DecodeStrict read invalid JSON %q", data)
			}
			return
		}
		agree[sample](t, string(data))
		agree[ecstypes.Service](t, string(data))
	})
}
