package analyzer

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/fleetgen"
)

// A finding's record holds no pointer (the collector does not scan the
// records) and is a fraction of a Finding's size.
func TestFindingRecordIsCompactAndPointerFree(t *testing.T) {
	rt := reflect.TypeFor[findingRecord]()
	for i := range rt.NumField() {
		switch k := rt.Field(i).Type.Kind(); k {
		case reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Bool:
		default:
			t.Errorf("findingRecord.%s is a %s: records must hold numbers only", rt.Field(i).Name, k)
		}
	}
	if got, finding := unsafe.Sizeof(findingRecord{}), unsafe.Sizeof(Finding{}); got > 32 || got*8 > finding {
		t.Errorf("a record is %d bytes (a Finding %d): want at most 32", got, finding)
	}
}

// The store gives back every finding as it was given, in order, and its
// JSON is that of the list.
func TestFindingsGiveBackTheirFindings(t *testing.T) {
	dir := t.TempDir()
	if err := fleetgen.WriteTemp(dir, fleetgen.Options{Services: 40, PerCluster: 10}); err != nil {
		t.Fatal(err)
	}
	f, _ := fleet.Load(context.Background(), []string{dir}, nil)
	res, err := Audit(f, Options{})
	if err != nil {
		t.Fatal(err)
	}
	list := res.Findings.Slice()
	if len(list) == 0 {
		t.Fatal("no findings: the comparison proves nothing")
	}
	// Reversed, so that an order the store imposed would show.
	rev := make([]Finding, len(list))
	for i, fd := range list {
		rev[len(list)-1-i] = fd
	}
	again := NewFindings(rev)
	if got := again.Slice(); !reflect.DeepEqual(got, rev) {
		t.Fatalf("NewFindings changed the findings")
	}
	n := 0
	for fd := range again.All() {
		if !reflect.DeepEqual(fd, rev[n]) {
			t.Fatalf("finding %d: All gives %+v, want %+v", n, fd, rev[n])
		}
		n++
	}
	sev := 0
	for s := range again.Severities() {
		if s != rev[sev].Severity {
			t.Fatalf("finding %d: severity %s, want %s", sev, s, rev[sev].Severity)
		}
		sev++
	}
	if n != len(rev) || sev != len(rev) || again.Len() != len(rev) {
		t.Fatalf("All gave %d, Severities %d, Len %d findings; want %d", n, sev, again.Len(), len(rev))
	}
	want, _ := json.Marshal(list)
	got, err := json.Marshal(res.Findings)
	if err != nil || string(got) != string(want) {
		t.Fatalf("JSON of the store differs from the list's (%v)", err)
	}
	if b, err := json.Marshal(NewFindings(nil)); err != nil || string(b) != "[]" {
		t.Errorf("empty store: JSON %s (%v), want []", b, err)
	}
	var none *Findings
	if none.Len() != 0 || len(none.Slice()) != 0 {
		t.Error("a nil store holds findings")
	}
}

// The store's JSON is the list's whether the encoder escapes HTML or not.
func TestFindingsJSONFollowsTheEncoder(t *testing.T) {
	list := []Finding{{RuleID: "r", Message: "a <b> & c", Value: "<x>"}, {RuleID: "s", Path: "p[0]", Field: Path{{Key: "p"}, {Index: 0, IsIndex: true}}}}
	fs := NewFindings(list)
	for _, escape := range []bool{true, false} {
		encode := func(v any) string {
			var b strings.Builder
			enc := json.NewEncoder(&b)
			enc.SetEscapeHTML(escape)
			if err := enc.Encode(v); err != nil {
				t.Fatal(err)
			}
			return b.String()
		}
		if got, want := encode(fs), encode(list); got != want {
			t.Errorf("escape HTML %v: store gives %s, list %s", escape, got, want)
		}
	}
}
