package fleetgen

import "fmt"

// Business areas name cluster groups; components name families within one.
var (
	areas = []string{"payments", "catalog", "search", "identity", "orders", "shipping", "billing", "media",
		"analytics", "messaging", "pricing", "inventory", "reviews", "ads", "support", "platform"}
	components = []string{"api", "web", "worker", "scheduler", "gateway", "consumer", "indexer", "notifier",
		"exporter", "importer", "renderer", "resizer", "reporter", "sync", "auth", "cache-warmer", "webhooks",
		"admin", "graphql", "grpc", "batch", "etl", "mailer", "pdf", "thumbnails", "feeds", "recommender",
		"ledger", "audit", "events"}
	envs = []string{"prod", "staging", "dev"}
)

// groupArea names cluster group g: its area, numbered once the list wraps.
func groupArea(g int) string {
	if n := g / len(areas); n > 0 {
		return fmt.Sprintf("%s%d", areas[g%len(areas)], n+1)
	}
	return areas[g%len(areas)]
}

// familyName names the slot-th family of an area.
func familyName(area string, slot int) string {
	name := area + "-" + components[slot%len(components)]
	if n := slot / len(components); n > 0 {
		name = fmt.Sprintf("%s-%d", name, n+1)
	}
	return name
}
