//go:build !race

package main

// raceEnabled is true in a `go test -race` build.
const raceEnabled = false
