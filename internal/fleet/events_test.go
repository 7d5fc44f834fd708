package fleet

import (
	"bytes"
	"testing"
)

// Services load without their events, which nothing reads: not decoded,
// not checked (an unknown member or a wrong type in an event is no
// diagnostic), the same on the fast path and with encoding/json alone,
// and still in the document's bytes.
func TestServiceEventsAreNotLoaded(t *testing.T) {
	doc := []byte(`{"services": [
  {"serviceName": "a", "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/c", "events": [
    {"id": "1", "createdAt": "2026-01-01T00:00:00Z", "message": "(service a) has reached a steady state."},
    {"id": "2", "newField": true, "createdAt": 12}]},
  {"serviceName": "b", "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/c", "Events": "not a list"},
  {"serviceName": "c", "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/c", "desiredCount": "3", "events": [{"id": 4}]}
]}`)
	fast, fastDiags := LoadBytes("services.json", doc)
	slow, slowDiags := loadBytesJSONOnly("services.json", doc)
	sameLoad(t, "services with events", fast, fastDiags, slow, slowDiags)
	if len(fast.Services) != 3 {
		t.Fatalf("%d services loaded, want 3 (diagnostics %v)", len(fast.Services), fastDiags)
	}
	for _, d := range fastDiags {
		if bytes.Contains([]byte(d.Path), []byte("vents")) {
			t.Errorf("diagnostic about events: %s", d)
		}
	}
	if len(fastDiags) != 1 { // service c's desiredCount
		t.Errorf("diagnostics %v, want one about desiredCount", fastDiags)
	}
	for _, s := range fast.Services {
		if s.Svc.Events != nil {
			t.Errorf("service %s keeps %d events", s.Name(), len(s.Svc.Events))
		}
		raw, err := s.Doc.Bytes()
		if err != nil || !bytes.Contains(bytes.ToLower(raw), []byte(`"events"`)) {
			t.Errorf("service %s: the document's bytes lost the events (%v)", s.Name(), err)
		}
	}
}
