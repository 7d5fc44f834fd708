// Package testtool finds the external programs some tests use as
// independent checks (python3 with botocore, cfn-lint, moto_server,
// Chromium, patch). When one is missing the test skips with a reason, and
// the skip is also appended to the file named by $E2F_SKIP_LOG, so that a
// CI run, which hides a passing package's output, can list every test
// that did not run. With E2F_REQUIRE_TOOLS=1 a missing tool fails the
// test instead: .ci/run sets it, so CI cannot pass with a tier skipped.
package testtool

import (
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// Environment variables the package reads.
const (
	RequireEnv = "E2F_REQUIRE_TOOLS" // "1": a missing tool fails the test
	SkipLogEnv = "E2F_SKIP_LOG"      // a file each skip is appended to
)

// Missing stops t because tool is not available: a skip naming the test,
// the tool and what did not run, or a failure under E2F_REQUIRE_TOOLS=1.
func Missing(t testing.TB, tool, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf("%s: %s", tool, fmt.Sprintf(format, args...))
	if os.Getenv(RequireEnv) == "1" {
		t.Fatalf("%s (%s=1: a missing tool is a failure)", msg, RequireEnv)
	}
	logSkip(t.Name(), msg)
	t.Skip(msg)
}

// NotRun records that one part of t could not run because tool is
// missing, for a test whose other checks still run (a skip would hide
// them): a logged line that also goes to $E2F_SKIP_LOG, or an error under
// E2F_REQUIRE_TOOLS=1.
func NotRun(t testing.TB, tool, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf("%s: %s", tool, fmt.Sprintf(format, args...))
	if os.Getenv(RequireEnv) == "1" {
		t.Errorf("%s (%s=1: a missing tool is a failure)", msg, RequireEnv)
		return
	}
	logSkip(t.Name(), msg)
	t.Log("NOT RUN: " + msg)
}

// NotChecked records that one check of t was not made (a timed check on
// a machine that is not quiet), for a test whose other checks still run: a
// logged line that also goes to $E2F_SKIP_LOG, so .ci/run prints it. No
// tool is missing, so E2F_REQUIRE_TOOLS does not turn it into a failure.
func NotChecked(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	logSkip(t.Name(), "not checked: "+msg)
	t.Log("NOT CHECKED: " + msg)
}

// logSkip appends one line to $E2F_SKIP_LOG. Each line is one small
// O_APPEND write, so test binaries running in parallel do not interleave.
func logSkip(test, msg string) {
	path := os.Getenv(SkipLogEnv)
	if path == "" {
		return
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return // the skip itself still says why
	}
	defer f.Close()
	fmt.Fprintf(f, "%s: %s\n", test, strings.ReplaceAll(msg, "\n", " "))
}

// Path returns the path of the first of names found on PATH, or stops t
// with Missing(tool, "… not found on PATH: " + what).
func Path(t testing.TB, tool, what string, names ...string) string {
	t.Helper()
	for _, name := range names {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	Missing(t, tool, "%s not found on PATH: %s did not run", strings.Join(names, " or "), what)
	return ""
}

// Botocore returns the path of a python3 that can import botocore: the
// one on PATH, else Debian's /usr/bin/python3 (where .ci/run installs
// python3-botocore when the first lacks it); or it stops t with Missing.
// needs lists model members the test's documents use, as
// "service.Shape.member" (e.g. "ecs.LoadBalancer.advancedConfiguration"):
// a botocore whose models lack one is too old to judge them, and counts
// as missing rather than failing the test on a field it does not know.
func Botocore(t testing.TB, what string, needs ...string) string {
	t.Helper()
	var tried []string
	for _, py := range []string{"python3", "/usr/bin/python3"} {
		path, err := exec.LookPath(py)
		if err != nil || slices.ContainsFunc(tried, func(s string) bool { return strings.HasPrefix(s, path+": ") }) {
			continue
		}
		out, err := exec.Command(path, append([]string{"-c", botocoreProbe}, needs...)...).CombinedOutput()
		if err == nil {
			return path
		}
		tried = append(tried, fmt.Sprintf("%s: %s", path, lastLine(out)))
	}
	if len(tried) == 0 {
		Missing(t, "botocore", "python3 not found on PATH: %s did not run", what)
	}
	Missing(t, "botocore", "no usable botocore (%s): %s did not run", strings.Join(tried, "; "), what)
	return ""
}

// botocoreProbe imports botocore and exits non-zero, naming the version
// and what is absent, when a needed model member is missing.
const botocoreProbe = `
import sys
import botocore.session
s = botocore.session.get_session()
missing = []
for need in sys.argv[1:]:
    service, shape, member = need.split(".")
    if member not in s.get_service_model(service).shape_for(shape).members:
        missing.append(need)
if missing:
    sys.exit("botocore %s is too old: its models lack %s" % (botocore.__version__, ", ".join(missing)))
`

// lastLine is the last non-empty line of a command's output, which for a
// Python error is the exception.
func lastLine(out []byte) string {
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	return lines[len(lines)-1]
}
