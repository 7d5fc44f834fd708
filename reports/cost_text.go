package reports

import (
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
	if len(s.SpotRisks) > 0 {
		parts = append(parts, "Spot risk: "+strings.Join(s.SpotRisks, ", "))
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
