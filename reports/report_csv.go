package reports

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// reportCSVHeader is the one header of the report CSV: one row per
// service, every figure in its own column.
var reportCSVHeader = []string{"account", "region", "cluster", "service", "task_definition", "verdict", "on_fargate",
	"blockers", "fixable", "warnings", "fallback", "tasks", "fargate_cpu", "fargate_memory_mib",
	"ec2_monthly", "ondemand_monthly", "spot_monthly", "arm_monthly", "sp1y_monthly", "sp3y_monthly",
	"saving_ondemand_monthly", "saving_spot_monthly", "saving_arm_monthly", "saving_sp1y_monthly", "saving_sp3y_monthly",
	"unverified_price", "changes", "change_summary", "not_in_place", "plan", "next_steps", "not_checked", "unknown",
	"like_for_like", "like_for_like_options", "kind"}

// renderReportCSV writes one row per service for spreadsheets, then one per
// task definition no service runs (kind "service" or "task-definition"). Money is
// USD per month as a plain decimal with two places, or "unknown"; lists
// are joined with "; ". Text that a spreadsheet would run as a formula is
// prefixed with a quote.
func renderReportCSV(w io.Writer, r *Report) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(reportCSVHeader); err != nil {
		return err
	}
	for _, s := range r.Services {
		if err := cw.Write(reportCSVRow(s)); err != nil {
			return err
		}
	}
	for _, u := range r.UnusedTaskDefinitions {
		if err := cw.Write(unusedCSVRow(u)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func reportCSVRow(s ServiceReport) []string {
	cpu, mem := "unknown", "unknown"
	if s.FargateSize != nil {
		cpu, mem = strconv.Itoa(s.FargateSize.CPU), strconv.Itoa(s.FargateSize.Memory)
	}
	f, sv := s.FargateMonthly, s.SavingsMonthly
	return []string{csvText(s.Account), csvText(s.Region), csvText(s.Cluster), csvText(s.Service), csvText(s.TaskDefinition), s.Verdict, strconv.FormatBool(s.OnFargate),
		csvList(s.Blockers), csvList(s.Fixable), csvList(s.Warnings), csvText(s.Fallback), strconv.Itoa(s.Tasks), cpu, mem,
		plainAmount(s.EC2Monthly), plainAmount(f.OnDemand), plainAmount(f.Spot), plainAmount(f.ARM), plainAmount(f.SavingsPlan1y), plainAmount(f.SavingsPlan3y),
		plainAmount(sv.OnDemand), plainAmount(sv.Spot), plainAmount(sv.ARM), plainAmount(sv.SavingsPlan1y), plainAmount(sv.SavingsPlan3y),
		strconv.FormatBool(s.flagged()), strconv.Itoa(len(s.Changes)), csvText(s.ChangeSummary), csvText(s.NotInPlace), s.Plan,
		csvList(s.NextSteps), csvList(s.NotChecked), csvList(s.Unknown), s.LikeForLike, csvList(s.LikeForLikeOptions), "service"}
}

// plainAmount is "1234.50" or "unknown", with no marks.
func plainAmount(a Amount) string {
	if !a.Known {
		return "unknown"
	}
	return a.Value.StringFixed(2)
}

// flagged reports whether any of the service's figures rests on an
// unverified or estimated price.
func (s ServiceReport) flagged() bool {
	f := s.FargateMonthly
	return s.EC2Monthly.Flagged || f.OnDemand.Flagged || f.Spot.Flagged || f.ARM.Flagged || f.SavingsPlan1y.Flagged || f.SavingsPlan3y.Flagged
}

func csvList(items []string) string { return csvText(strings.Join(items, "; ")) }

// csvText defuses spreadsheet formulas: a cell starting with = + - @ or a
// control character gets a leading quote, so it stays text.
func csvText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
