//go:build unix

package rusage

import (
	"os/exec"
	"testing"
)

// A child that ran reports a peak memory of at least a megabyte (no
// process runs in less) and not more than a terabyte: a unit taken wrong
// by a factor of 1024 falls outside.
func TestOfAChild(t *testing.T) {
	cmd := exec.Command("sh", "-c", "exit 0")
	if err := cmd.Run(); err != nil {
		t.Skip("no sh to run:", err)
	}
	u, ok := Of(cmd.ProcessState)
	if !ok {
		t.Fatal("no resource usage for the child")
	}
	if u.MaxRSS < 1<<20 || u.MaxRSS > 1<<40 {
		t.Errorf("peak RSS %d bytes", u.MaxRSS)
	}
	if SelfCPU() <= 0 {
		t.Error("this process has used no CPU")
	}
}
