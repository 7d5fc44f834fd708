package fleetgen

import "fmt"

// Options size and seed a generated fleet.
type Options struct {
	Services   int    // services in all; default 10,000
	PerCluster int    // services per cluster; default 100
	Seed       uint64 // the same seed gives the same bytes; default 1
	Region     string // default us-east-1
	Account    string // default 123456789012
}

// MaxServices bounds Options.Services, so a typo cannot fill a disk.
const MaxServices = 1_000_000

func (o Options) withDefaults() Options {
	if o.Services == 0 {
		o.Services = 10_000
	}
	if o.PerCluster == 0 {
		o.PerCluster = 100
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Region == "" {
		o.Region = "us-east-1"
	}
	if o.Account == "" {
		o.Account = "123456789012"
	}
	return o
}

func (o Options) validate() error {
	switch {
	case o.Services < 1 || o.Services > MaxServices:
		return fmt.Errorf("services: %d is out of range; use 1 to %d", o.Services, MaxServices)
	case o.PerCluster < 1 || o.PerCluster > 5000:
		// 5,000 is ECS's default services-per-cluster quota as we recall
		// it; not checked against the current quota page.
		return fmt.Errorf("services per cluster: %d is out of range; use 1 to 5000", o.PerCluster)
	case len(o.Account) != 12:
		return fmt.Errorf("account: %q is not a 12-digit AWS account id", o.Account)
	}
	return nil
}
