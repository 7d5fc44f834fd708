package reports

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

var hundredDec = decimal.NewFromInt(100)

func parseDecimal(s string) (decimal.Decimal, error) { return decimal.NewFromString(s) }

// percentOf shows a 0–1 fraction string as a rounded percentage, or "-".
func percentOf(p *string) string {
	if p == nil {
		return "unknown"
	}
	d, err := parseDecimal(*p)
	if err != nil {
		return *p
	}
	return d.Mul(hundredDec).Round(1).String() + "%"
}

// sizeText is "0.25 vCPU / 0.5 GB" or "-".
func sizeText(s *TaskSize) string {
	if s == nil {
		return "-"
	}
	cpu := decimal.NewFromInt(int64(s.CPU)).Div(decimal.NewFromInt(1024))
	mem := decimal.NewFromInt(int64(s.Memory)).Div(decimal.NewFromInt(1024))
	return cpu.String() + " vCPU / " + mem.String() + " GB"
}

// serviceNotes joins the remarks a reader needs beside a service's figures.
func serviceNotes(s ServiceCostRow) string {
	var parts []string
	if s.OnFargate {
		parts = append(parts, "already on Fargate")
	}
	if s.Platform != "linux/x86" {
		parts = append(parts, s.Platform)
	}
	if s.ARMCondition != "" && s.FargateMonthly.ARM.Known && s.Platform != "linux/arm64" {
		parts = append(parts, "ARM "+s.ARMCondition)
	}
	if s.TasksFrom != "" && s.TasksFrom != "desiredCount" {
		parts = append(parts, "priced at "+s.TasksPriced+" tasks, the "+s.TasksFrom+", not desiredCount "+strconv.Itoa(s.DesiredCount))
	}
	switch {
	case s.StaysOnEC2 != "":
		parts = append(parts, "stays on EC2 ("+s.StaysOnEC2+"): after the move "+s.AfterMoveMonthly.OnDemand.String()+" on-demand, its Fargate price is in no total")
	case s.Daemon != "":
		parts = append(parts, "DAEMON: becomes "+s.Daemon+" on Fargate, after the move "+s.AfterMoveMonthly.OnDemand.String()+" on-demand")
	}
	if s.RightsizedSize != nil {
		parts = append(parts, "sized from measured use: "+sizeText(s.RightsizedSize)+", "+s.FargateMonthlyRightsized.OnDemand.String()+
			" on-demand, saving "+s.RightsizingSavingsMonthly.OnDemand.String()+" a month more than the move")
	} else if len(s.RightsizeWithheld) > 0 {
		parts = append(parts, "no size from measured use: "+strings.Join(s.RightsizeWithheld, "; "))
	}
	if s.SpotOnDemand != "" && !s.OnFargate && s.StaysOnEC2 == "" && s.Daemon == "" {
		parts = append(parts, "Spot column left on-demand: "+strings.TrimPrefix(s.SpotOnDemand, "not Spot-suitable: ")+" (not Spot-suitable)")
	}
	return strings.Join(parts, "; ")
}

// breakevenText explains a breakeven utilization.
func breakevenText(c ClusterCostRow) string {
	if c.BreakevenUtilization == nil {
		return "unknown"
	}
	d, err := parseDecimal(*c.BreakevenUtilization)
	if err == nil && d.GreaterThan(decimal.NewFromInt(1)) {
		return "never"
	}
	return percentOf(c.BreakevenUtilization)
}
