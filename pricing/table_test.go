package pricing

import (
	"strings"
	"testing"
)

// Every region in the embedded book prices Fargate Linux x86; figures
// the book marks unverified carry a caveat when used.
func TestDefaultTable(t *testing.T) {
	b := Default()
	if len(b.RegionNames()) != 22 {
		t.Errorf("regions = %d, want the 22 the embedded book prices", len(b.RegionNames()))
	}
	for _, r := range b.RegionNames() {
		for _, it := range []Item{FargateVCPU, FargateGB} {
			if m := b.Price(r, it); !m.Known() || !m.Amount().IsPositive() {
				t.Errorf("%s %s = %v", r, it, m.Missing())
			}
		}
		for it, e := range b.Regions[r] {
			if _, ok := b.Sources[e.Source]; !ok {
				t.Errorf("%s %s: source %q is not described in sources", r, it, e.Source)
			}
		}
	}
	if w := b.Price("us-east-1", FargateWindowsVCPU); len(w.Caveats()) == 0 || !strings.Contains(w.Caveats()[0], "unverified") {
		t.Errorf("Windows vCPU caveats = %v, want unverified", w.Caveats())
	}
	if m := b.Price("us-east-1", EC2Item("m6i.large")); !m.Amount().Equal(dec("0.096")) || len(m.Caveats()) != 0 {
		t.Errorf("m6i.large = %s %v", m.Amount(), m.Caveats())
	}
	if m := b.Price("eu-west-3", EC2Item("m6i.large")); m.Known() {
		t.Error("eu-west-3 EC2 has no honest source; it must be unknown")
	}
	if m := b.Price("sa-east-1", PublicIPv4Hour); !m.Amount().Equal(dec("0.005")) {
		t.Errorf("public IPv4 is global: %v", m.Missing())
	}
}

func TestParseTableRejectsBadBooks(t *testing.T) {
	good, err := Default().Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ParseTable(good, "round-trip"); err != nil {
		t.Fatalf("a marshalled book must parse: %v", err)
	}
	cases := map[string]string{
		"negative price": strings.Replace(string(good), `"value": "0.04048"`, `"value": "-0.04048"`, 1),
		"wrong currency": strings.Replace(string(good), `"currency": "USD"`, `"currency": "CNY"`, 1),
		"unknown field":  strings.Replace(string(good), `"currency": "USD"`, `"currency": "USD", "surprise": 1`, 1),
		"discount ≥ 1":   strings.Replace(string(good), `"value": "0.7"`, `"value": "1.5"`, 1),
		"truncated":      string(good[:len(good)/2]),
	}
	for name, doc := range cases {
		if _, err := ParseTable([]byte(doc), "bad.json"); err == nil || !strings.Contains(err.Error(), "bad.json") {
			t.Errorf("%s: err = %v, want an error naming the file", name, err)
		}
	}
}
