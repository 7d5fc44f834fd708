package main

import (
	"debug/buildinfo"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/aws/smithy-go/logging"

	"github.com/ecs2fargate/ecs2fargate/internal/testtool"
	appversion "github.com/ecs2fargate/ecs2fargate/internal/version"
)

// A usage error is one line on stderr naming the flag as typed and where
// to look; nothing reaches stdout, and no input is read first.
func TestUsageErrorsGoToStderrOnly(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want []string // in the one line
	}{
		{"unknown flag", []string{"audit", "--bogus", "--format", "json", "no-such-dir"}, []string{"unknown flag --bogus", "'ecs2fargate audit --help'"}},
		{"unknown flag with one dash", []string{"audit", "-bogus", "no-such-dir"}, []string{"unknown flag -bogus"}},
		{"unknown flag with a value", []string{"report", "--bogus=1", "no-such-dir"}, []string{"unknown flag --bogus", "'ecs2fargate report --help'"}},
		{"flag without its value", []string{"audit", "--format"}, []string{"--format needs a value"}},
		{"not a number", []string{"audit", "--concurrency=x", "no-such-dir"}, []string{`invalid value "x" for flag --concurrency`}},
		{"spot weight below range", []string{"rewrite", "--spot-weight", "-1", "no-such-dir"}, []string{"--spot-weight -1 is out of range: valid range 0 to 1000"}},
		{"metrics days above range, before any AWS call", []string{"audit", "--aws", "--metrics-days", "1000"}, []string{"--metrics-days 1000 is out of range: valid range 0 to 455"}},
		{"required flag missing", []string{"snapshot", "no-such-dir"}, []string{"--out is required", "'ecs2fargate snapshot --help'"}},
		{"concurrency out of range", []string{"snapshot", "--aws", "--out", "x", "--concurrency", "0"}, []string{"--concurrency 0 is out of range: valid range 1 to 64"}},
		{"headroom out of range", []string{"cost", "--memory-headroom", "101", "no-such-dir"}, []string{"memory headroom 101% is outside [0, 100]", "'ecs2fargate cost --help'"}},
		{"unknown audit format", []string{"audit", "--format", "yaml", "no-such-dir"}, []string{`--format "yaml": want`}},
		{"unknown command", []string{"audti", "."}, []string{`unknown command "audti"`, "audit", "'ecs2fargate --help'"}},
		{"unknown subcommand flag", []string{"rules", "explain", "--bogus", "privileged"}, []string{"unknown flag --bogus", "'ecs2fargate rules explain --help'"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, "", tt.args...)
			if code != exitError || stdout != "" {
				t.Errorf("exit %d, stdout %q; want exit 1 and nothing on stdout", code, stdout)
			}
			if strings.Count(stderr, "\n") != 1 {
				t.Errorf("stderr is not one line:\n%s", stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr %q lacks %q", stderr, w)
				}
			}
		})
	}
}

// `version` and `--version` print the build's version line; in a test
// binary that is "dev", which is what the goldens hold.
func TestVersionCommand(t *testing.T) {
	want := appversion.Get().Long() + "\n"
	for _, args := range [][]string{{"version"}, {"--version"}, {"-v"}} {
		code, stdout, stderr := runCLI(t, "", args...)
		if code != exitOK || stdout != want || stderr != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want %q", args, code, stdout, stderr, want)
		}
	}
	if version != appversion.Dev {
		t.Errorf("version = %q in a test binary, want %q", version, appversion.Dev)
	}
}

// A binary built from a checkout reports what Go's build information
// holds: the module version and the commit with its date.
func TestVersionFromBuildInfo(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	if _, err := exec.LookPath("git"); err != nil {
		testtool.Missing(t, "git", "the checkout build's commit cannot be read")
	}
	bin := filepath.Join(t.TempDir(), "ecs2fargate")
	build := exec.Command("go", "build", "-buildvcs=auto", "-o", bin, ".")
	build.Env = append(os.Environ(), "GOFLAGS=")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	bi, err := buildinfo.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "version").Output()
	if err != nil {
		t.Fatal(err)
	}
	line := strings.TrimSpace(string(out))
	wantVersion := bi.Main.Version
	if wantVersion == "" || wantVersion == "(devel)" {
		wantVersion = appversion.Dev
	}
	if !strings.HasPrefix(line, "ecs2fargate "+wantVersion) {
		t.Errorf("version = %q, want ecs2fargate %s", line, wantVersion)
	}
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" && !strings.Contains(line, s.Value[:12]) {
			t.Errorf("version = %q lacks the commit %s", line, s.Value[:12])
		}
		if s.Key == "vcs.time" && !strings.Contains(line, s.Value) {
			t.Errorf("version = %q lacks the commit date %s", line, s.Value)
		}
	}
	if !strings.Contains(line, "commit ") {
		t.Logf("NOTE: built without VCS information (not a git checkout?): %q", line)
	}
}

// Help is reached as `help CMD` and `CMD --help` alike, and no line of
// any command's help is wider than 100 columns when not on a terminal.
func TestHelpFitsAndHelpCommand(t *testing.T) {
	t.Setenv("COLUMNS", "")
	commands := [][]string{{}, {"audit"}, {"report"}, {"rules"}, {"rules", "explain"}, {"cost"}, {"pricing"}, {"snapshot"},
		{"iam-policy"}, {"rewrite"}, {"version"}, {"completion"}}
	for _, cmd := range commands {
		code, viaFlag, stderr := runCLI(t, "", append(cmd, "--help")...)
		if code != exitOK || stderr != "" || viaFlag == "" {
			t.Fatalf("%v --help: exit %d, stderr %q", cmd, code, stderr)
		}
		for _, line := range strings.Split(viaFlag, "\n") {
			if n := len([]rune(line)); n > maxHelpWidth {
				t.Errorf("%v --help: a line of %d columns: %q", cmd, n, line)
			}
		}
		if len(cmd) == 1 && !strings.Contains(viaFlag, "COMMANDS:") {
			if _, viaHelp, _ := runCLI(t, "", "help", cmd[0]); viaHelp != viaFlag {
				t.Errorf("help %s differs from %s --help", cmd[0], cmd[0])
			}
		}
	}
}

// Wrapped help keeps the text beside a flag's name under itself, and puts
// it under a name too long to leave room.
func TestWrapHelp(t *testing.T) {
	in := "   --out DIR, -o DIR  write the documents, changes.json and changes.md into DIR (needed unless one)\n"
	want := "   --out DIR, -o DIR  write the documents, changes.json and\n" +
		"                      changes.md into DIR (needed unless one)\n"
	if got := wrapHelp(in, 61); got != want {
		t.Errorf("wrapHelp =\n%s\nwant\n%s", got, want)
	}
	long := "   --registry-credentials REGISTRY=SECRET_ARN [ --registry-credentials REGISTRY=SECRET_ARN ]  text of the flag\n"
	for _, line := range strings.Split(wrapHelp(long, 60), "\n") {
		if len(line) > 60 {
			t.Errorf("line of %d: %q", len(line), line)
		}
	}
}

// Each shell's completion script is generated from the command tree and
// parses in that shell where it is installed.
func TestCompletionScripts(t *testing.T) {
	checks := map[string][]string{"bash": {"bash", "-n"}, "zsh": {"zsh", "-n"}, "fish": {"fish", "--no-execute"}}
	for _, shell := range completionShells {
		t.Run(shell, func(t *testing.T) {
			code, script, stderr := runCLI(t, "", "completion", shell)
			if code != exitOK || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			for _, w := range []string{"audit", "rewrite", "explain", "completion", "metrics-days", "spot-weight"} {
				if !strings.Contains(script, w) {
					t.Errorf("the %s script lacks %q", shell, w)
				}
			}
			check, ok := checks[shell]
			if !ok {
				checkPowerShellShape(t, script)
				return
			}
			path, err := exec.LookPath(check[0])
			if err != nil {
				testtool.NotRun(t, check[0], "the %s completion script was generated but not parsed by %s", shell, check[0])
				return
			}
			file := filepath.Join(t.TempDir(), "completion."+shell)
			if err := os.WriteFile(file, []byte(script), 0o644); err != nil {
				t.Fatal(err)
			}
			if out, err := exec.Command(path, append(check[1:], file)...).CombinedOutput(); err != nil {
				t.Errorf("%s does not parse the script: %v\n%s", check[0], err, out)
			}
		})
	}
	if _, err := exec.LookPath("bash"); err == nil {
		t.Run("bash completes", testBashCompletes)
	}
}

// testBashCompletes runs the bash completion function on partial command
// lines and checks what it offers.
func testBashCompletes(t *testing.T) {
	_, script, _ := runCLI(t, "", "completion", "bash")
	file := filepath.Join(t.TempDir(), "completion.bash")
	if err := os.WriteFile(file, []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := map[string]string{
		"ecs2fargate au":                  "audit",
		"ecs2fargate audit --metr":        "--metrics-days",
		"ecs2fargate rules ex":            "explain",
		"ecs2fargate rewrite x.json --sp": "--spot-weight",
	}
	for line, want := range tests {
		words := strings.Fields(line)
		sh := "source " + file + "; COMP_WORDS=(" + line + "); COMP_CWORD=" + strconv.Itoa(len(words)-1) + "; _ecs2fargate; printf '%s\\n' \"${COMPREPLY[@]}\""
		out, err := exec.Command("bash", "-c", sh).CombinedOutput()
		if err != nil || strings.TrimSpace(string(out)) != want {
			t.Errorf("%q completes to %q (%v), want %q", line, out, err, want)
		}
	}
}

// checkPowerShellShape checks what can be checked of the PowerShell
// script without PowerShell, and says loudly that it was not parsed.
func checkPowerShellShape(t *testing.T, script string) {
	t.Helper()
	if strings.Count(script, "{") != strings.Count(script, "}") || strings.Count(script, "(") != strings.Count(script, ")") {
		t.Errorf("unbalanced braces or parentheses in the PowerShell script")
	}
	for _, line := range strings.Split(strings.ReplaceAll(script, "''", ""), "\n") {
		if strings.Count(line, "'")%2 != 0 {
			t.Errorf("a single-quoted string runs past its line in the PowerShell script: %s", line)
		}
	}
	if path, err := exec.LookPath("pwsh"); err == nil {
		file := filepath.Join(t.TempDir(), "completion.ps1")
		if err := os.WriteFile(file, []byte(script), 0o644); err != nil {
			t.Fatal(err)
		}
		parse := "$e = $null; [void][System.Management.Automation.Language.Parser]::ParseFile('" + file + "', [ref]$null, [ref]$e); if ($e) { $e; exit 1 }"
		if out, err := exec.Command(path, "-NoProfile", "-Command", parse).CombinedOutput(); err != nil {
			t.Errorf("pwsh does not parse the script: %v\n%s", err, out)
		}
		return
	}
	// PowerShell has no Debian package, so CI cannot install it: this is
	// said on every run rather than failing CI for good.
	t.Logf("NOT CHECKED: the PowerShell completion script was not parsed by PowerShell (pwsh not installed); only its braces and quotes were checked")
}

// With --aws and no credentials anywhere, one line says what to do, and
// nothing of the SDK's own reaches the terminal.
func TestAWSWithoutCredentials(t *testing.T) {
	for _, v := range []string{"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_WEB_IDENTITY_TOKEN_FILE",
		"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI", sdkLogEnv} {
		t.Setenv(v, "")
		os.Unsetenv(v)
	}
	dir := t.TempDir()
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(dir, "credentials"))
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(dir, "config"))
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	t.Setenv("AWS_REGION", "us-east-1")
	code, stdout, stderr := runCLI(t, "", "audit", "--aws", "--quiet")
	if code != exitError || stdout != "" || strings.Count(stderr, "\n") != 1 {
		t.Fatalf("exit %d, stdout %q, stderr:\n%s", code, stdout, stderr)
	}
	for _, w := range []string{"no AWS credentials", "--profile", "aws sso login", "AWS_ACCESS_KEY_ID"} {
		if !strings.Contains(stderr, w) {
			t.Errorf("stderr %q lacks %q", stderr, w)
		}
	}
}

// The SDK logs nothing unless ECS2FARGATE_AWS_LOG=1 asks.
func TestSDKLoggingIsOffUnlessAsked(t *testing.T) {
	t.Setenv(sdkLogEnv, "")
	t.Setenv("AWS_REGION", "us-east-1")
	cfg, err := awsConfig(t.Context(), "")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := cfg.Logger.(logging.Nop); !ok || cfg.ClientLogMode != 0 {
		t.Errorf("logger %T, log mode %v; want logging.Nop and none", cfg.Logger, cfg.ClientLogMode)
	}
	t.Setenv(sdkLogEnv, "1")
	if cfg, _ = awsConfig(t.Context(), ""); cfg.ClientLogMode == 0 {
		t.Errorf("%s=1 turns on no SDK logging", sdkLogEnv)
	}
}

// Every report and JSON output names the version the build carries.
func TestOutputsCarryTheVersion(t *testing.T) {
	in := "testdata/fleet/ready.json"
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"audit", "--format", "json", in}, `"version": "` + version + `"`},
		{[]string{"audit", "--format", "sarif", in}, `"version": "` + version + `"`},
		{[]string{"audit", "--format", "markdown", in}, "read by ecs2fargate " + version},
		{[]string{"cost", "--region", "us-east-1", "--format", "json", in}, `"version": "` + version + `"`},
		{[]string{"report", "--region", "us-east-1", "--format", "json", in}, `"version": "` + version + `"`},
		{[]string{"report", "--region", "us-east-1", "--format", "markdown", in}, "read by ecs2fargate " + version},
	}
	for _, tt := range tests {
		_, stdout, stderr := runCLI(t, "", tt.args...)
		if !strings.Contains(stdout, tt.want) {
			t.Errorf("%v: output lacks %q; stderr %s", tt.args, tt.want, stderr)
		}
	}
	out := t.TempDir()
	if code, _, stderr := runCLI(t, "", "rewrite", "--out", out, in); code != exitOK {
		t.Fatalf("rewrite: exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(filepath.Join(out, "changes.json"))
	if err != nil || !strings.HasPrefix(string(data), "{\n  \"tool\": {\n    \"name\": \"ecs2fargate\",\n    \"version\": \""+version+"\"") {
		t.Errorf("changes.json does not start with the tool and its version (%v):\n%.200s", err, data)
	}
}

// SARIF results point into a YAML file of several documents at the
// finding's own line and column.
func TestSARIFPositionsInYAMLStream(t *testing.T) {
	yml := "taskDefinition:\n  family: a\n  containerDefinitions:\n    - name: c\n      image: nginx\n---\n" +
		"taskDefinition:\n  family: b\n  networkMode: bridge\n  containerDefinitions:\n    - name: c\n      image: nginx\n      privileged: true\n"
	file := filepath.Join(t.TempDir(), "tds.yaml")
	if err := os.WriteFile(file, []byte(yml), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stdout, stderr := runCLI(t, "", "audit", "--format", "sarif", "--rule", "privileged", file)
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						Region struct{ StartLine, StartColumn int } `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(stdout), &log); err != nil || len(log.Runs) != 1 || len(log.Runs[0].Results) != 1 {
		t.Fatalf("SARIF: %v\n%s\nstderr: %s", err, stdout, stderr)
	}
	r := log.Runs[0].Results[0]
	if r.RuleID != "privileged" || len(r.Locations) != 1 || r.Locations[0].PhysicalLocation.Region.StartLine != 13 || r.Locations[0].PhysicalLocation.Region.StartColumn != 7 {
		t.Errorf("result %+v, want privileged at 13:7", r)
	}
}
