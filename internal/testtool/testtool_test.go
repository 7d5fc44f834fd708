package testtool

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeT records how a test was stopped. Skip and Fatal end the caller's
// goroutine in a real test; here they panic, which run recovers.
type fakeT struct {
	testing.TB
	skipped, failed string
}

type stopped struct{}

func (f *fakeT) Helper()          {}
func (f *fakeT) Name() string     { return "TestSomething" }
func (f *fakeT) Skip(args ...any) { f.skipped = fmt.Sprint(args...); panic(stopped{}) }
func (f *fakeT) Fatalf(format string, args ...any) {
	f.failed = fmt.Sprintf(format, args...)
	panic(stopped{})
}

func run(fn func(t testing.TB)) *fakeT {
	f := &fakeT{}
	func() {
		defer func() {
			if r := recover(); r != nil && r != (stopped{}) {
				panic(r)
			}
		}()
		fn(f)
	}()
	return f
}

func TestMissingToolSkipsAndIsLogged(t *testing.T) {
	log := filepath.Join(t.TempDir(), "skips")
	t.Setenv(RequireEnv, "")
	t.Setenv(SkipLogEnv, log)
	f := run(func(t testing.TB) { Path(t, "cfn-lint", "CloudFormation validation", "no-such-tool-e2f") })
	if f.failed != "" || !strings.Contains(f.skipped, "no-such-tool-e2f not found on PATH: CloudFormation validation did not run") {
		t.Errorf("skipped %q, failed %q", f.skipped, f.failed)
	}
	data, _ := os.ReadFile(log)
	if string(data) != "TestSomething: cfn-lint: no-such-tool-e2f not found on PATH: CloudFormation validation did not run\n" {
		t.Errorf("skip log holds %q", data)
	}
}

func TestMissingToolFailsWhenRequired(t *testing.T) {
	t.Setenv(RequireEnv, "1")
	t.Setenv(SkipLogEnv, "")
	f := run(func(t testing.TB) { Path(t, "moto", "the moto tier", "no-such-tool-e2f") })
	if f.skipped != "" || !strings.Contains(f.failed, "E2F_REQUIRE_TOOLS=1") || !strings.Contains(f.failed, "no-such-tool-e2f") {
		t.Errorf("skipped %q, failed %q", f.skipped, f.failed)
	}
}

func TestPresentToolIsFound(t *testing.T) {
	t.Setenv(RequireEnv, "1")
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", filepath.Dir(self))
	if got := Path(t, "self", "nothing", "no-such-tool-e2f", filepath.Base(self)); got == "" {
		t.Error("found nothing")
	}
}

// A botocore whose model lacks a member the test needs is as good as
// none: the test is stopped through Missing, naming what is absent.
func TestBotocoreWithoutANeededMemberCountsAsMissing(t *testing.T) {
	t.Setenv(RequireEnv, "")
	t.Setenv(SkipLogEnv, "")
	f := run(func(t testing.TB) { Botocore(t, "the check", "ecs.LoadBalancer.noSuchMemberE2F") })
	if f.failed != "" || !strings.Contains(f.skipped, "the check did not run") {
		t.Fatalf("skipped %q, failed %q", f.skipped, f.failed)
	}
	if strings.Contains(f.skipped, "python3 not found") || strings.Contains(f.skipped, "No module named") {
		return // no botocore here at all: the member check was not reached
	}
	if !strings.Contains(f.skipped, "too old: its models lack ecs.LoadBalancer.noSuchMemberE2F") {
		t.Errorf("skip %q does not name the absent member", f.skipped)
	}
}

// A check not made is logged for .ci/run even when tools are required: no
// tool is missing.
func TestNotCheckedIsLoggedAndNeverFails(t *testing.T) {
	log := filepath.Join(t.TempDir(), "skips")
	t.Setenv(RequireEnv, "1")
	t.Setenv(SkipLogEnv, log)
	rec := &logT{fakeT: &fakeT{}}
	NotChecked(rec, "wall time (ratio %.2f)", 2.5)
	if rec.logged != "NOT CHECKED: wall time (ratio 2.50)" || rec.errored {
		t.Errorf("logged %q, errored %v", rec.logged, rec.errored)
	}
	data, _ := os.ReadFile(log)
	if string(data) != "TestSomething: not checked: wall time (ratio 2.50)\n" {
		t.Errorf("skip log holds %q", data)
	}
}

// logT is a fakeT that records Log and Errorf.
type logT struct {
	*fakeT
	logged  string
	errored bool
}

func (l *logT) Log(args ...any)                   { l.logged = fmt.Sprint(args...) }
func (l *logT) Errorf(format string, args ...any) { l.errored = true }
