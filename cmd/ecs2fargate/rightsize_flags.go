package main

import (
	"github.com/urfave/cli/v2"

	"github.com/ecs2fargate/ecs2fargate/internal/rightsize"
)

// cpuHeadroomFlag is the headroom over p99 CPU for the usage size (rewrite
// --size-from usage, cost's rightsized figures, the reservation rules).
func cpuHeadroomFlag() cli.Flag {
	return &cli.IntFlag{Name: "cpu-headroom", Value: rightsize.DefaultCPUHeadroomPct,
		Usage: "`PERCENT` added to the measured p99 CPU for the usage size, [0, 400]"}
}

// readRightsize reads the headrooms. --memory-headroom, which also pads
// the reservation size (default 0), pads the measured maximum memory when
// given; otherwise the usage size takes rightsize's own default (20 %).
func readRightsize(c *cli.Context) (rightsize.Options, error) {
	o := rightsize.DefaultOptions()
	o.CPUHeadroomPct = c.Int("cpu-headroom")
	o.ReservationMemoryHeadroomPct = c.Int("memory-headroom")
	if c.IsSet("memory-headroom") {
		o.MemoryHeadroomPct = c.Int("memory-headroom")
	}
	if err := o.Validate(); err != nil {
		return o, usagef("%v", err)
	}
	return o, nil
}
