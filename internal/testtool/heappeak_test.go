package testtool

import (
	"testing"
	"time"
)

// A peak held for longer than the interval is seen, and it stays the
// figure after the memory is let go.
func TestHeapPeakSeesAHeldAllocation(t *testing.T) {
	stop := HeapPeak(time.Millisecond)
	const size = 64 << 20
	held := make([]byte, size)
	for i := range held {
		held[i] = byte(i)
	}
	time.Sleep(20 * time.Millisecond)
	sum := 0
	for _, b := range held[:1024] {
		sum += int(b)
	}
	held = nil
	peak := stop()
	if peak < size {
		t.Fatalf("peak %d bytes, want at least the %d held (sum %d)", peak, size, sum)
	}
}
