package reports

import (
	"fmt"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
)

// headline is the report's first sentence, one a manager can repeat: how
// many services can move now and after the listed changes, what the move
// saves on-demand (a month and a year) and with a 1-year Savings Plan, how
// many stay on EC2 and because of what. Its figures are the summary's,
// which are the cost document's totals, so the sentence and the cost
// tables show one number.
func headline(services []serviceFact, sum ReportSummary, rules []RuleCount) string {
	var now, after, stay, unknown, onEC2 int
	for _, s := range services {
		if s.onFargate {
			continue
		}
		onEC2++
		switch s.v.Verdict {
		case analyzer.Ready:
			now++
		case analyzer.Fixed:
			after++
		case analyzer.Blocked:
			stay++
		default:
			unknown++
		}
	}
	var parts []string
	if sum.OnFargate > 0 {
		parts = append(parts, fmt.Sprintf("%d of the %d services still on EC2 can move to Fargate now (%d more already run there)", now, onEC2, sum.OnFargate))
	} else {
		parts = append(parts, fmt.Sprintf("%d of %d services can move to Fargate now", now, onEC2))
	}
	parts = append(parts, fmt.Sprintf("%d more after the listed changes", after))
	parts = append(parts, savingPhrase(sum))
	if stay > 0 {
		parts = append(parts, fmt.Sprintf("%d stay on EC2 because of %s", stay, blockerPhrase(rules)))
	}
	if unknown > 0 {
		parts = append(parts, fmt.Sprintf("%s could not be judged (see the data gaps)", plural(unknown, "service")))
	}
	if n := sum.UnusedTaskDefinitions; n > 0 {
		v := sum.UnusedByVerdict
		parts = append(parts, fmt.Sprintf("%s that no service runs are listed on their own (ready %d, fixable %d, blocked %d, unknown %d)",
			plural(n, "task definition"), v[analyzer.Ready], v[analyzer.Fixed], v[analyzer.Blocked], v[analyzer.Unknown]))
	}
	return strings.Join(parts, "; ") + "."
}

// savingPhrase is "the move saves $X a month ($Y a year) on-demand, $Z
// with a 1-year Savings Plan", saying "costs … more" for a negative
// saving and "unknown" where a figure is.
func savingPhrase(sum ReportSummary) string {
	m, y, sp := sum.SavingsMonthly.OnDemand, sum.SavingsYearly.OnDemand, sum.SavingsMonthly.SavingsPlan1y
	var s string
	switch {
	case !m.Known:
		s = "the on-demand saving is unknown (see the unknown parts)"
	case m.Value.IsNegative():
		s = fmt.Sprintf("the move costs %s more a month (%s a year) on-demand", m.negated(), y.negated())
	default:
		s = fmt.Sprintf("the move saves %s a month (%s a year) on-demand", m, y)
	}
	switch {
	case !sp.Known:
		return s + ", an unknown amount with a 1-year Savings Plan (its rates are missing; see the unknown parts)"
	case sp.Value.IsNegative():
		return s + fmt.Sprintf(", %s more with a 1-year Savings Plan", sp.negated())
	}
	return s + fmt.Sprintf(", %s with a 1-year Savings Plan", sp)
}

// blockerPhrase names the rules that block most services, with counts:
// "docker-socket (4), privileged (3), gpu (2) and 3 other rules".
func blockerPhrase(rules []RuleCount) string {
	const shown = 3
	var names []string
	for _, r := range rules[:min(shown, len(rules))] {
		names = append(names, fmt.Sprintf("%s (%d)", r.RuleID, r.Services))
	}
	if rest := len(rules) - shown; rest > 0 {
		return strings.Join(names, ", ") + " and " + plural(rest, "other rule")
	}
	if len(names) > 1 {
		return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
	}
	return strings.Join(names, "")
}

// negated is the amount with its sign turned, for "costs $X more".
func (a Amount) negated() Amount {
	a.Value = a.Value.Neg()
	return a
}
