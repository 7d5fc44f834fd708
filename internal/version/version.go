// Package version is the one place that says which ecs2fargate this is:
// every report, JSON output and `ecs2fargate version` reads it here.
package version

import (
	"runtime/debug"
	"strings"
)

// stamped is set at build time by a release build:
// -ldflags "-X github.com/ecs2fargate/ecs2fargate/internal/version.stamped=v1.2.3".
// It wins over what Go's build information says.
var stamped string

// Dev is the version of a build that carries none: `go build` or `go run`
// in a checkout, and test binaries (so goldens never depend on it).
const Dev = "dev"

// Info is what a build knows about itself.
type Info struct {
	Version  string // the module version (v1.2.3 from `go install …@v1.2.3`), else Dev
	Commit   string // the VCS revision, when built from a checkout
	Date     string // the commit's time (RFC 3339), when built from a checkout
	Modified bool   // the checkout had uncommitted changes
}

// Get reads this binary's build information.
func Get() Info {
	bi, _ := debug.ReadBuildInfo()
	return fromBuildInfo(bi, stamped)
}

// String is the version alone, as reports carry it.
func String() string { return Get().Version }

// fromBuildInfo is Get for the given build information and stamp.
func fromBuildInfo(bi *debug.BuildInfo, stamp string) Info {
	info := Info{Version: Dev}
	if bi != nil {
		if v := bi.Main.Version; v != "" && v != "(devel)" {
			info.Version = v
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				info.Commit = s.Value
			case "vcs.time":
				info.Date = s.Value
			case "vcs.modified":
				info.Modified = s.Value == "true"
			}
		}
	}
	if stamp != "" {
		info.Version = stamp
	}
	return info
}

// Long is the one-line answer of `ecs2fargate version`: the version, then
// the commit and its date when known.
func (i Info) Long() string {
	var b strings.Builder
	b.WriteString("ecs2fargate " + i.Version)
	if i.Commit != "" {
		b.WriteString(" (commit " + shortCommit(i.Commit))
		if i.Modified {
			b.WriteString(", modified")
		}
		if i.Date != "" {
			b.WriteString(", built from a commit of " + i.Date)
		}
		b.WriteString(")")
	}
	return b.String()
}

func shortCommit(c string) string {
	if len(c) > 12 {
		return c[:12]
	}
	return c
}
