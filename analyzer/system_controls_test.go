package analyzer

import "testing"

func TestSysctlNamespaced(t *testing.T) {
	for name, want := range map[string]bool{
		"net.core.somaxconn":          true,
		"net.ipv4.tcp_keepalive_time": true,
		"kernel.shmmax":               true,
		"kernel.shm_rmid_forced":      true,
		"kernel.sem":                  true,
		"fs.mqueue.msg_max":           true,
		"vm.max_map_count":            false,
		"kernel.pid_max":              false,
		"fs.file-max":                 false,
		"kernel.shmmaxx":              false,
		"":                            false,
	} {
		if got := sysctlNamespaced(name); got != want {
			t.Errorf("sysctlNamespaced(%q) = %t, want %t", name, got, want)
		}
	}
}
