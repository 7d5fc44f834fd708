package main

import (
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/migrate"
)

// The question migrate asks on a terminal without --yes names what moves
// and where, and only y or yes goes on. (Whether standard input is a
// terminal is one call to term.IsTerminal; off a terminal the answer is
// no, which TestMigrateDryRunMakesNoWriteCall holds.)
func TestMigrateAsksBeforeMoving(t *testing.T) {
	j := &migrate.Journal{Units: []*migrate.Unit{
		{Account: "111122223333", Region: "us-east-1"},
		{Account: "111122223333", Region: "us-east-1", Cluster: "shop", Service: "web"},
		{Account: "111122223333", Region: "eu-west-1", Cluster: "eu", Service: "api"},
	}}
	for _, tc := range []struct {
		answer string
		want   bool
	}{{"y\n", true}, {"YES\n", true}, {" yes \n", true}, {"n\n", false}, {"\n", false}, {"", false}, {"yep\n", false}} {
		var out strings.Builder
		if got := ask(strings.NewReader(tc.answer), &out, j, false); got != tc.want {
			t.Errorf("answer %q: went on %v, want %v", tc.answer, got, tc.want)
		}
		if q := out.String(); !strings.Contains(q, "Move 2 service(s) in account 111122223333 region us-east-1, account 111122223333 region eu-west-1? [y/N]") {
			t.Errorf("question: %q", q)
		}
	}
	var out strings.Builder
	ask(strings.NewReader("n\n"), &out, j, true)
	if !strings.HasPrefix(out.String(), "Roll back 2 service(s)") {
		t.Errorf("rollback question: %q", out.String())
	}
}
