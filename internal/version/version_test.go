package version

import (
	"runtime/debug"
	"testing"
)

// `go install …@v1.2.3` records the module version; a checkout build
// records (devel) and the commit; a stamp wins over both.
func TestFromBuildInfo(t *testing.T) {
	installed := &debug.BuildInfo{Main: debug.Module{Path: "github.com/ecs2fargate/ecs2fargate", Version: "v1.2.3"}}
	checkout := &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.time", Value: "2026-12-01T10:00:00Z"}, {Key: "vcs.modified", Value: "true"}}}
	tests := []struct {
		name  string
		bi    *debug.BuildInfo
		stamp string
		want  Info
		long  string
	}{
		{"go install @version", installed, "", Info{Version: "v1.2.3"}, "ecs2fargate v1.2.3"},
		{"checkout", checkout, "", Info{Version: Dev, Commit: "0123456789abcdef0123", Date: "2026-12-01T10:00:00Z", Modified: true},
			"ecs2fargate dev (commit 0123456789ab, modified, built from a commit of 2026-12-01T10:00:00Z)"},
		{"stamped release", checkout, "v2.0.0", Info{Version: "v2.0.0", Commit: "0123456789abcdef0123", Date: "2026-12-01T10:00:00Z", Modified: true},
			"ecs2fargate v2.0.0 (commit 0123456789ab, modified, built from a commit of 2026-12-01T10:00:00Z)"},
		{"no build information", nil, "", Info{Version: Dev}, "ecs2fargate dev"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fromBuildInfo(tt.bi, tt.stamp)
			if got != tt.want {
				t.Errorf("info = %+v, want %+v", got, tt.want)
			}
			if got.Long() != tt.long {
				t.Errorf("Long() = %q, want %q", got.Long(), tt.long)
			}
		})
	}
}

// Test binaries carry no module version, so every golden holds Dev.
func TestTestBinaryIsDev(t *testing.T) {
	if v := String(); v != Dev {
		t.Errorf("String() = %q in a test binary, want %q: goldens would change", v, Dev)
	}
}
