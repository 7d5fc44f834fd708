package reports

import "testing"

// TestPlaceOf: the human formats name a row's region when the rows span
// regions of one account, its account and region when they span accounts
// (or one name recurs in another account), and nothing more otherwise.
func TestPlaceOf(t *testing.T) {
	east := placed{"111111111111", "us-east-1", "prod-core"}
	west := placed{"111111111111", "us-west-2", "prod-core"}
	eu := placed{"111111111111", "eu-west-1", "eu-web"}
	other := placed{"222222222222", "us-east-1", "prod-core"}
	noARN := placed{"", "", "task definition web"}
	for _, c := range []struct {
		name  string
		rows  []placed
		want  placer
		shown string
	}{
		{"one region", []placed{east, noARN}, placeNone, "prod-core"},
		{"two regions, one account", []placed{east, eu}, placeRegion, "us-east-1/prod-core"},
		{"one name in two regions", []placed{east, west}, placeRegion, "us-east-1/prod-core"},
		{"two accounts", []placed{east, other}, placeAccountRegion, "111111111111/us-east-1/prod-core"},
	} {
		got := placeOf(c.rows)
		if got != c.want {
			t.Errorf("%s: placeOf = %d, want %d", c.name, got, c.want)
		}
		if s := got.name(east.account, east.region, east.name); s != c.shown {
			t.Errorf("%s: name = %q, want %q", c.name, s, c.shown)
		}
	}
}
