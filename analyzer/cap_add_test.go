package analyzer

import "testing"

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
