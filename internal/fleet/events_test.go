package fleet

import (
	"bytes"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"
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

// Container instances load without their remainingResources, likewise.
func TestRemainingResourcesAreNotLoaded(t *testing.T) {
	doc := []byte(`{"containerInstances": [
  {"containerInstanceArn": "arn:aws:ecs:us-east-1:123456789012:container-instance/c/1", "ec2InstanceId": "i-1",
   "registeredResources": [{"name": "CPU", "type": "INTEGER", "integerValue": 2048}],
   "remainingResources": [{"name": "CPU", "type": "INTEGER", "integerValue": 1024, "newField": 1}]},
  {"containerInstanceArn": "arn:aws:ecs:us-east-1:123456789012:container-instance/c/2", "ec2InstanceId": "i-2",
   "registeredResources": [{"name": "CPU", "type": "INTEGER", "integerValue": "x"}], "RemainingResources": 7}
]}`)
	fast, fastDiags := LoadBytes("hosts.json", doc)
	slow, slowDiags := loadBytesJSONOnly("hosts.json", doc)
	sameLoad(t, "container instances", fast, fastDiags, slow, slowDiags)
	if len(fastDiags) != 1 || !bytes.Contains([]byte(fastDiags[0].Path), []byte("registeredResources")) {
		t.Errorf("diagnostics %v, want one about registeredResources", fastDiags)
	}
	n := 0
	for _, c := range fast.Clusters {
		for _, ci := range c.ContainerInstances {
			n++
			if ci.CI.RemainingResources != nil || len(ci.CI.RegisteredResources) != 1 {
				t.Errorf("%s: remaining %v, registered %v", ptr.Value(ci.CI.Ec2InstanceId), ci.CI.RemainingResources, ci.CI.RegisteredResources)
			}
		}
	}
	if n != 2 {
		t.Errorf("%d container instances loaded, want 2", n)
	}
}
