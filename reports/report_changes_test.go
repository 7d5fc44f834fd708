package reports

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/rewrite"
)

// A service's change list is its task definition's then its own; values
// under environment or secrets never reach the report, and a list with
// nothing to drop is shared with the rewrite rather than copied.
func TestJoinChanges(t *testing.T) {
	v := json.RawMessage(`"x"`)
	plain := []rewrite.Change{{RuleID: "host-port", Path: "containerDefinitions[0].portMappings[0].hostPort", Before: v, After: v}}
	secret := []rewrite.Change{{RuleID: "env", Path: "containerDefinitions[0].environment[1].value", Before: v, After: v}}
	svc := []rewrite.Change{{RuleID: "lb-target-type-ip", Path: "loadBalancers[0].targetGroupArn", After: v}}

	if got := joinChanges(nil, nil); got == nil || len(got) != 0 {
		t.Errorf("no changes: %#v, want an empty list", got)
	}
	if got := joinChanges(plain, nil); len(got) != 1 || &got[0] != &plain[0] || cap(got) != 1 {
		t.Errorf("a safe list alone is not shared (or could be appended into): %#v", got)
	}
	got := joinChanges(secret, nil)
	if len(got) != 1 || got[0].Before != nil || got[0].After != nil || secret[0].Before == nil {
		t.Errorf("secret change: %#v (rewrite's %#v), want its values dropped in a copy", got, secret)
	}
	got = joinChanges(plain, svc)
	if len(got) != 2 || got[0].RuleID != "host-port" || got[1].RuleID != "lb-target-type-ip" || &got[0] == &plain[0] {
		t.Errorf("joined: %#v, want the task definition's then the service's, copied", got)
	}
	if n := testing.AllocsPerRun(100, func() { joinChanges(plain, svc) }); n != 1 {
		t.Errorf("joining two lists allocates %v times, want once (the list itself)", n)
	}
}

// containsLower is strings.Contains of the lower-cased text: on the
// paths a report meets, on random texts of letters around the words (in
// either case, cut, and with runes that lower-case to ASCII or fold to
// it: U+0130, U+212A, U+017F), and without allocating for an ASCII path.
func TestContainsLowerIsToLower(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 27))
	parts := []string{"environment", "ENVIRONMENT", "Environ", "ment", "secret", "SeCrEt", "secre", "t", "s", "e",
		"İ", "envİronment", "K", "ſecret", "ſ", "[0]", ".", "é", "\xff", "containerDefinitions", "valueFrom", "x"}
	texts := []string{"", "containerDefinitions[0].environment[1].value", "containerDefinitions[0].secrets[0].valueFrom",
		"containerDefinitions[0].Environment", "loadBalancers[0].targetGroupArn", "SECRET", "environmen"}
	for range 20000 {
		var b strings.Builder
		for range r.IntN(6) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		for _, w := range []string{"environment", "secret"} {
			if got, want := containsLower(s, w), strings.Contains(strings.ToLower(s), w); got != want {
				t.Errorf("containsLower(%q, %q) = %v, strings.Contains of ToLower %v", s, w, got, want)
			}
		}
	}
	p := "containerDefinitions[0].Environment[1].value"
	if n := testing.AllocsPerRun(100, func() { containsLower(p, "secret") }); n != 0 {
		t.Errorf("an ASCII path allocates %v times", n)
	}
}
