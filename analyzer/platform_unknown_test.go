package analyzer

import (
	"context"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// An EC2 task definition with no evidence of its OS is neither ready nor
// fixable: its verdict is unknown and says what to add. The same file with
// a Windows image, a Linux declaration or a POSIX command is judged.
func TestUndecidedPlatformVerdictIsUnknown(t *testing.T) {
	for path, want := range map[string]string{
		"testdata/rules/platform-unknown/fail-no-evidence.json":        Unknown,
		"testdata/rules/platform-unknown/fail-windows-no-version.json": Unknown,
		"testdata/rules/platform-unknown/pass-declared-linux.json":     "",
		"testdata/rules/platform-unknown/pass-windows-image.json":      "",
		"testdata/rules/platform-unknown/pass-posix-command.json":      "",
	} {
		f, _ := fleet.Load(context.Background(), []string{path}, nil)
		res, err := Audit(f, Options{})
		if err != nil {
			t.Fatal(err)
		}
		v := res.Verdicts[0]
		switch {
		case want == Unknown && (v.Verdict != Unknown || !strings.Contains(strings.Join(v.Notes, " "), "platform")):
			t.Errorf("%s: verdict %s, notes %q; want unknown, naming the platform", path, v.Verdict, v.Notes)
		case want == "" && v.Verdict == Unknown:
			t.Errorf("%s: verdict unknown although the platform is decided", path)
		}
	}
}
