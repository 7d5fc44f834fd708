package analyzer

import "testing"

func TestIsHostFile(t *testing.T) {
	for p, want := range map[string]bool{
		"/var/lib/cloud/data/instance-id": true,
		"/srv/instance-id":                true,
		"/opt/app/config.json":            true,
		`C:\app\settings.xml`:             true,
		"/etc/ssl/certs/ca.pem/":          true,
		"/tmp/render-frames":              false,
		"/opt/app/cache.d":                false,
		"/data/v1.2":                      false,
		"/srv/.cache":                     false,
	} {
		if got := isHostFile(p); got != want {
			t.Errorf("isHostFile(%q) = %v, want %v", p, got, want)
		}
	}
}
