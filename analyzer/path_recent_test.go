package analyzer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fieldpath"
)

// TestAtPathsAreTheStepsAsked: at hands out paths it made before, yet
// each is the steps asked for, over more distinct paths than a scratch
// has slots and with keys equal in text but held at other addresses; a
// path's capacity is its length, so appending to it leaves it alone.
func TestAtPathsAreTheStepsAsked(t *testing.T) {
	made := map[string]Path{}
	for round := range 3 {
		for i := range 4 * recentPathSlots {
			key := strings.Clone(fmt.Sprintf("k%d", i%700)) // a fresh copy each call
			p := at(idx("containerDefinitions", i%7), "linuxParameters", key)
			want := Path{fieldpath.Key("containerDefinitions"), fieldpath.Index(i % 7), fieldpath.Key("linuxParameters"), fieldpath.Key(key)}
			if !p.Equal(want) {
				t.Fatalf("round %d, call %d: got %s, want %s", round, i, p, want)
			}
			if cap(p) != len(p) {
				t.Fatalf("%s: capacity %d, length %d", p, cap(p), len(p))
			}
			grown := append(p, fieldpath.Index(9))
			if !p.Equal(want) || &grown[0] == &p[0] {
				t.Fatalf("appending to %s wrote into it", p)
			}
			made[p.String()] = p
		}
	}
	if len(made) <= recentPathSlots {
		t.Fatalf("%d distinct paths, want more than a scratch's %d slots", len(made), recentPathSlots)
	}
	// The same steps asked twice in a row give the one path.
	a, b := at("networkConfiguration", "awsvpcConfiguration", "subnets"), at("networkConfiguration", "awsvpcConfiguration", "subnets")
	if &a[0] != &b[0] {
		t.Error("the same steps twice gave two paths")
	}
}
