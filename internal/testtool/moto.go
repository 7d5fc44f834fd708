package testtool

import (
	"bufio"
	"os/exec"
	"regexp"
	"testing"
	"time"
)

// Moto runs moto_server on a free port for the rest of the test and
// returns its URL, or stops t with Missing (what names the tests that then
// do not run).
func Moto(t *testing.T, what string) string {
	t.Helper()
	bin := Path(t, "moto", what, "moto_server")
	cmd := exec.Command(bin, "-H", "127.0.0.1", "-p", "0")
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		Missing(t, "moto", "moto_server did not start (%v): %s did not run", err, what)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	addr := make(chan string, 1)
	go func() {
		re := regexp.MustCompile(`Running on (http://127\.0\.0\.1:\d+)`)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				addr <- m[1]
			}
		}
	}()
	select {
	case url := <-addr:
		return url
	case <-time.After(30 * time.Second):
		t.Fatal("moto_server did not report its address within 30 s")
	}
	return ""
}
