package pricing

import (
	"sync"

	"github.com/shopspring/decimal"

	"github.com/ecs2fargate/ecs2fargate/internal/fargate"
)

// A service's Fargate price depends only on its shape: the region and
// platform it is priced in, its size and ephemeral storage, the tasks it
// is priced at and its Spot share. The services of a large estate share a
// few thousand shapes, and every DAEMON's sidecar is priced once per
// moving service of its cluster, so the model prices each shape (and each
// sidecar step from one size to another) once and remembers it: 30 or so
// decimal products and sums a service, each allocating, were most of what
// pricing allocated, and each allocation makes the collector mark the
// whole fleet model sooner (issue 17).
//
// Remembering changes no figure: decimal arithmetic is exact, a decimal
// is never modified once made, and a shape names its decimals by
// coefficient and exponent, so a remembered price is the one computing it
// again would give, digit for digit, with the same caveats and reasons.

// shape is what a service's Fargate price is computed from.
type shape struct {
	region      string
	platform    Platform
	size        fargate.Size
	storageGiB  int
	tasks, spot exact
}

// exact names a decimal by its coefficient and exponent: two decimals with
// the same pair are the same value written the same way.
type exact struct {
	coef int64
	exp  int32
}

// exactOf names d, or reports false when its coefficient does not fit in
// an int64 (such a shape is priced every time, not remembered).
func exactOf(d decimal.Decimal) (exact, bool) {
	if d.NumDigits() > 18 {
		return exact{}, false
	}
	return exact{d.CoefficientInt64(), d.Exponent()}, true
}

// shapeOf is sc's shape, or false when it cannot be named (no region: the
// price's reason names the service; a decimal too long to name).
func shapeOf(sc *ServiceCost) (shape, bool) {
	tasks, ok := exactOf(sc.Tasks)
	spot, ok2 := exactOf(sc.SpotShare)
	return shape{region: sc.Region, platform: sc.Platform, size: sc.Size, storageGiB: sc.StorageGiB, tasks: tasks, spot: spot},
		ok && ok2 && sc.Region != ""
}

// step is a sidecar's rise: a task of shape from grown to size to.
type step struct {
	from shape
	to   fargate.Size
}

// priceMemo holds the prices computed so far; services are priced on
// every core, so it takes a lock of its own.
type priceMemo struct {
	mu      sync.Mutex
	byShape map[shape]*Variants
	bySteps map[step]Variants
}

func newPriceMemo() *priceMemo {
	return &priceMemo{byShape: map[shape]*Variants{}, bySteps: map[step]Variants{}}
}

// remembered returns the price at key, computing and keeping it on first
// use. Two cores may both compute a new key; both get the first one kept
// (equal values, and the services of a shape share one price).
func remembered[K comparable, V any](mu *sync.Mutex, memo map[K]V, key K, compute func() V) V {
	mu.Lock()
	v, ok := memo[key]
	mu.Unlock()
	if ok {
		return v
	}
	v = compute()
	mu.Lock()
	defer mu.Unlock()
	if first, ok := memo[key]; ok {
		return first // another core priced it meanwhile: share its price
	}
	memo[key] = v
	return v
}
