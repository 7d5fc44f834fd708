package reports

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
)

// unusedTitle heads the section of task definitions no service runs in
// every human format.
const unusedTitle = "Task definitions no service runs"

// unusedIntro says what the section holds and why its costs are unknown.
const unusedIntro = "Scheduled tasks, RunTask jobs and batch work: judged like a service's task definition, not in the service counts or cost totals above. Their cost is unknown: no input says how often or how long they run."

// unusedTableCells are a task definition's cells in the table of those
// no service runs.
func unusedTableCells(u *UnusedTaskDefinition) []string {
	return []string{termText(u.Label()), u.Verdict, dash(strings.Join(u.Blockers, ",")), sizeText(u.FargateSize),
		strconv.Itoa(len(u.Changes)), termText(dash(u.Fallback))}
}

// mdUnusedRow writes a task definition no service runs as a row of its table.
func mdUnusedRow(b mdWriter, u *UnusedTaskDefinition) {
	fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s |\n", mdCode(u.Label()), mdVerdict(u.Verdict), mdRuleIDs(u.Blockers), sizeText(u.FargateSize),
		mdText(cmp.Or(u.ChangeSummary, "–")), mdText(cmp.Or(u.Fallback, "–")))
}

// unusedCSVRow is a task definition no service runs as a report CSV row:
// no cluster, service or task count, its costs unknown, kind
// "task-definition".
func unusedCSVRow(u UnusedTaskDefinition) []string {
	cpu, mem := "unknown", "unknown"
	if u.FargateSize != nil {
		cpu, mem = strconv.Itoa(u.FargateSize.CPU), strconv.Itoa(u.FargateSize.Memory)
	}
	row := []string{csvText(u.Account), csvText(u.Region), "", "", csvText(u.TaskDefinition), u.Verdict, "false",
		csvList(u.Blockers), csvList(u.Fixable), csvList(u.Warnings), csvText(u.Fallback), "", cpu, mem}
	for range 11 { // ec2 … saving_sp3y: no schedule or run count to price
		row = append(row, "unknown")
	}
	return append(row, "false", strconv.Itoa(len(u.Changes)), csvText(u.ChangeSummary), "", "", "", csvList(u.NotChecked), csvText(u.Cost), "", "", "task-definition")
}
