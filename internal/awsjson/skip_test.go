package awsjson

import (
	"encoding/json"
	"reflect"
	"testing"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// A skipped member is passed over whatever its value, under any spelling
// the decoder matches, and everything around it decodes as without Skip.
func TestSkipPassesOverAMember(t *testing.T) {
	for _, events := range []string{
		`[]`, `null`, `[{"id": "a", "message": "has \"reached\" a steady state ]}", "createdAt": "2024-01-01T00:00:00Z"}, {"id": "b"}]`,
		`[{"nested": {"deep": [1, 2.5e3, true, false, null, {"x": "}]"}]}}]`, `"not even an array"`, `42`,
	} {
		for _, name := range []string{"events", "Events", "EVENTS"} {
			doc := `{"serviceName": "web", "` + name + `": ` + events + ` , "desiredCount": 3, "tags": [{"key": "k", "value": "v"}]}`
			var dec Decoder
			dec.Skip(reflect.TypeFor[ecstypes.Service](), "Events")
			var got ecstypes.Service
			if !dec.DecodeStrict([]byte(doc), &got) {
				t.Fatalf("%s: not decoded", doc)
			}
			var want ecstypes.Service
			if err := json.Unmarshal([]byte(`{"serviceName": "web", "desiredCount": 3, "tags": [{"key": "k", "value": "v"}]}`), &want); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: got %+v, want %+v", doc, got, want)
			}
		}
	}
}

// Skip belongs to one Decoder: another decodes the member.
func TestSkipIsPerDecoder(t *testing.T) {
	doc := []byte(`{"serviceName": "web", "events": [{"id": "a"}]}`)
	var skipping Decoder
	skipping.Skip(reflect.TypeFor[ecstypes.Service](), "Events")
	var a ecstypes.Service
	if !skipping.DecodeStrict(doc, &a) || a.Events != nil {
		t.Errorf("skipping decoder: events %+v", a.Events)
	}
	var plain Decoder
	var b ecstypes.Service
	if !plain.DecodeStrict(doc, &b) || len(b.Events) != 1 {
		t.Errorf("plain decoder: events %+v", b.Events)
	}
}

// A skipped member still counts as met: a repeat goes to encoding/json.
func TestSkipKeepsTheRepeatCheck(t *testing.T) {
	var dec Decoder
	dec.Skip(reflect.TypeFor[ecstypes.Service](), "Events")
	var s ecstypes.Service
	if dec.DecodeStrict([]byte(`{"events": [], "events": []}`), &s) {
		t.Errorf("a repeated skipped member was accepted")
	}
}
