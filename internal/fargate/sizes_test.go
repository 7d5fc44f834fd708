package fargate

import "testing"

func TestPairCounts(t *testing.T) {
	if n := len(Pairs(false)); n != 74 {
		t.Errorf("Linux pairs = %d, want 74 (AWS table)", n)
	}
	if n := len(Pairs(true)); n != 43 {
		t.Errorf("Windows pairs = %d, want 43 (AWS table)", n)
	}
}

func TestFit(t *testing.T) {
	tests := []struct {
		name    string
		need    Size
		windows bool
		want    Size
		ok      bool
	}{
		{"nothing asked gives the smallest", Size{0, 0}, false, Size{256, 512}, true},
		{"memory drives the row", Size{256, 3000}, false, Size{512, 3072}, true},
		{"cpu 128 raised to 256", Size{128, 256}, false, Size{256, 512}, true},
		{"exact pair kept", Size{1024, 2048}, false, Size{1024, 2048}, true},
		{"8 vCPU rounds memory to 4 GiB steps", Size{8192, 17000}, false, Size{8192, 20480}, true},
		{"big memory on small cpu moves rows", Size{256, 40000}, false, Size{8192, 40960}, true},
		{"windows minimum is 1 vCPU 2 GiB", Size{512, 512}, true, Size{1024, 2048}, true},
		{"windows has no 8 vCPU", Size{8192, 16384}, true, Size{}, false},
		{"too large for anything", Size{16384, 130000}, false, Size{}, false},
		{"largest", Size{16384, 122880}, false, Size{16384, 122880}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Fit(tt.need, tt.windows)
			if got != tt.want || ok != tt.ok {
				t.Errorf("Fit(%v, windows=%t) = %v, %t; want %v, %t", tt.need, tt.windows, got, ok, tt.want, tt.ok)
			}
			if ok && !Valid(got, tt.windows) {
				t.Errorf("Fit returned %v, which Valid rejects", got)
			}
		})
	}
}

// Every valid pair fits itself: Fit never rounds a valid size away.
func TestFitIsIdentityOnValidPairs(t *testing.T) {
	for _, w := range []bool{false, true} {
		for _, p := range Pairs(w) {
			if got, ok := Fit(p, w); !ok || got != p {
				t.Errorf("Fit(%v, windows=%t) = %v, %t", p, w, got, ok)
			}
		}
	}
}
