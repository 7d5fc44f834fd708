package analyzer

import "testing"

// TestAtBuildsStepsNotText: at joins keys and paths step by step; a key is
// never split at a dot (a Docker label or sysctl name may hold one), and a
// part of another type is a mistake in the rule.
func TestAtBuildsStepsNotText(t *testing.T) {
	for _, c := range []struct {
		p    Path
		want string
	}{
		{at("networkMode"), "networkMode"},
		{at(idx("containerDefinitions", 1), "linuxParameters", idx("devices", 0), "hostPath"), "containerDefinitions[1].linuxParameters.devices[0].hostPath"},
		{keyStep(at(idx("containerDefinitions", 0), "logConfiguration", "options"), "awslogs-group"), `containerDefinitions[0].logConfiguration.options["awslogs-group"]`},
		{logOptionPath(idx("containerDefinitions", 0), "awslogs-group"), `containerDefinitions[0].logConfiguration.options["awslogs-group"]`},
		{logOptionPath(idx("containerDefinitions", 2), "mode"), `containerDefinitions[2].logConfiguration.options.mode`},
		{at(idx("containerDefinitions", 0), "systemControls", "net.core.somaxconn"), `containerDefinitions[0].systemControls["net.core.somaxconn"]`},
	} {
		if got := c.p.String(); got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("at(3) did not panic")
		}
	}()
	at("cpu", 3)
}
