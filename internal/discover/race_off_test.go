//go:build !race

package discover

// raceDetector: the test binary runs under the race detector, which makes
// every call several times dearer in CPU.
const raceDetector = false
