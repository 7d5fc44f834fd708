package analyzer

import (
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

func TestCapAddSeverity(t *testing.T) {
	for _, tc := range []struct {
		raw  string
		name string
		sev  Severity
	}{
		{"SYS_PTRACE", "SYS_PTRACE", 0},
		{"CAP_SYS_PTRACE", "SYS_PTRACE", 0},
		{"sys_ptrace", "SYS_PTRACE", 0},
		{"CHOWN", "CHOWN", Fixable},
		{"NET_BIND_SERVICE", "NET_BIND_SERVICE", Fixable},
		{"CAP_NET_RAW", "NET_RAW", Fixable},
		{"NET_ADMIN", "NET_ADMIN", Blocker},
		{"SYS_ADMIN", "SYS_ADMIN", Blocker},
		{"IPC_LOCK", "IPC_LOCK", Blocker},
		{"ALL", "ALL", Blocker},
		{"", "", Blocker},
	} {
		name, sev := capAddSeverity(tc.raw)
		if name != tc.name || sev != tc.sev {
			t.Errorf("capAddSeverity(%q) = %q, %v; want %q, %v", tc.raw, name, sev, tc.name, tc.sev)
		}
	}
}

// Only the default-set findings rest on the unverified fact (that Fargate
// grants Docker's default capabilities); the blockers hold regardless.
func TestCapAddUnverifiedPerFinding(t *testing.T) {
	rule := capAdd
	for _, tc := range []struct {
		raw        string
		unverified bool
	}{{"NET_ADMIN", false}, {"ALL", false}, {"CHOWN", true}} {
		subj := capAddSubject(t, tc.raw)
		found := rule.Check(subj)
		if len(found) != 1 {
			t.Fatalf("%s: %d findings, want 1", tc.raw, len(found))
		}
		if got := completed(found[0], rule, subj).Unverified; got != tc.unverified {
			t.Errorf("%s: unverified = %v, want %v", tc.raw, got, tc.unverified)
		}
	}
}

func capAddSubject(t *testing.T, capability string) *Subject {
	t.Helper()
	doc := `{"family":"caps","revision":1,"containerDefinitions":[{"name":"c","image":"busybox",` +
		`"linuxParameters":{"capabilities":{"add":["` + capability + `"]}}}]}`
	f, diags := fleet.LoadBytes("caps.json", []byte(doc))
	if fleet.HasErrors(diags) || len(f.TaskDefinitions) != 1 {
		t.Fatalf("fixture does not load: %v", diags)
	}
	return &Subject{Fleet: f, TaskDef: f.TaskDefinitions[0]}
}

// NET_RAW is the one default-set capability whose drop is lossy: AWS
// documents neither that Fargate grants it nor a way to add it.
func TestCapAddMayLose(t *testing.T) {
	for raw, want := range map[string]bool{"NET_RAW": true, "cap_net_raw": true, "CHOWN": false, "SYS_PTRACE": false, "NET_ADMIN": false} {
		if got := CapAddMayLose(raw); got != want {
			t.Errorf("CapAddMayLose(%q) = %v, want %v", raw, got, want)
		}
	}
}

// completed is f as the audit fills it in for subj (whereOf, complete).
func completed(f Finding, rule Rule, subj *Subject) Finding {
	w := whereOf(subj)
	w.complete(&f, &rule)
	return f
}
