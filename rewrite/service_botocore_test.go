package rewrite

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/testtool"
)

const svcBotocoreScript = "testdata/botocore_service_check.py"

// botocoreNeeds are the newest request members the rewrite writes: a
// botocore that lacks them (Debian 12's 1.29 does) would reject correct
// documents.
var botocoreNeeds = []string{
	"ecs.LoadBalancer.advancedConfiguration",  // ECS blue/green deployments, 2025
	"ecs.ContainerDefinition.credentialSpecs", // gMSA credential specs, 2023
}

// svcNeedBotocore returns the python3 path, or stops the test through
// testtool when python3 or botocore is missing.
func svcNeedBotocore(t *testing.T) string {
	t.Helper()
	return testtool.Botocore(t, "botocore validation of the rewritten documents", botocoreNeeds...)
}

// svcBotocoreArgs lists (service, operation, file) for every golden
// request document.
func svcBotocoreArgs(t *testing.T) []string {
	t.Helper()
	var args []string
	for _, dir := range svcCaseDirs(t) {
		for _, d := range []struct{ glob, service, op string }{
			{"update-service.json", "ecs", "UpdateService"},
			{"create-service.json", "ecs", "CreateService"},
			{"target-group*.json", "elbv2", "CreateTargetGroup"},
		} {
			files, _ := filepath.Glob(filepath.Join(dir, d.glob))
			for _, f := range files {
				args = append(args, d.service, d.op, f)
			}
		}
	}
	return args
}

// TestServiceDocumentsPassBotocore checks the golden requests (which
// TestServiceGolden keeps equal to the rewrite's output) with botocore's
// ParamValidator and enum membership.
func TestServiceDocumentsPassBotocore(t *testing.T) {
	py := svcNeedBotocore(t)
	args := svcBotocoreArgs(t)
	if len(args) < 3*13 {
		t.Fatalf("only %d documents found; the cases should give at least 13", len(args)/3)
	}
	out, err := exec.Command(py, append([]string{svcBotocoreScript}, args...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("botocore rejects rewritten documents (%v):\n%s", err, out)
	}
}

// TestBotocoreCheckCatchesBadDocuments proves the script can fail: a bad
// enum value and a missing required member are both reported.
func TestBotocoreCheckCatchesBadDocuments(t *testing.T) {
	py := svcNeedBotocore(t)
	bad := filepath.Join(t.TempDir(), "bad.json")
	doc := `{"cluster":"c","networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-1"],"assignPublicIp":"SOMETIMES"}}}`
	if err := os.WriteFile(bad, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(py, svcBotocoreScript, "ecs", "UpdateService", bad).CombinedOutput()
	if err == nil {
		t.Fatalf("a bad document passed:\n%s", out)
	}
	for _, want := range []string{"SOMETIMES", "service"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("report does not mention %q:\n%s", want, out)
		}
	}
}
