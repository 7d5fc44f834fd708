package reports

import (
	"cmp"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
)

// The audit screen answers, in this order: how many services and task
// definitions are ready, fixable, blocked or unknown; what blocks the
// blocked ones, by rule, with the way forward; what the rewrite changes,
// by rule; and the command to run next. Per-finding detail follows only
// with Screen.Details.

// maxNamed is how many blocked services the screen names before "and N
// more": the screen stays one screen for 10,000 services.
const maxNamed = 8

// screenSummary writes the title, the verdict counts and one line for
// each kind of thing the audit could not judge or read.
func screenSummary(w io.Writer, a *Audit) error {
	s, sc := a.Summary, a.Screen
	title := fmt.Sprintf("ecs2fargate audit: %s and %s", plural(s.Services, "service"), plural(s.TaskDefinitions, "task definition"))
	if n := len(a.Inputs); n > 0 {
		title += " from " + plural(n, "input file")
	}
	para(w, sc.Width, title)
	fmt.Fprintln(w)
	counts := box{
		header: []string{"", "TOTAL", "READY", "FIXABLE", "BLOCKED", "UNKNOWN"},
		rows: [][]string{
			{"Services", itoa(s.Services), itoa(s.ServiceVerdicts[analyzer.Ready]), itoa(s.ServiceVerdicts[analyzer.Fixed]), itoa(s.ServiceVerdicts[analyzer.Blocked]), itoa(s.ServiceVerdicts[analyzer.Unknown])},
			{"Task definitions", itoa(s.TaskDefinitions), itoa(s.TaskVerdicts[analyzer.Ready]), itoa(s.TaskVerdicts[analyzer.Fixed]), itoa(s.TaskVerdicts[analyzer.Blocked]), itoa(s.TaskVerdicts[analyzer.Unknown])},
		},
		right: []bool{false, true, true, true, true, true},
	}
	if sc.Colour {
		counts.paint = func(row, col int, text string) string {
			if row < 0 && col >= 2 {
				return paintWord(true, strings.ToLower(text), text)
			}
			return text
		}
	}
	if err := counts.render(w, sc.Width); err != nil {
		return err
	}
	for _, line := range summaryNotes(a) {
		para(w, sc.Width, line)
	}
	_, err := fmt.Fprintln(w)
	return err
}

// summaryNotes are the lines under the counts: why some are unknown, the
// findings by severity, and what could not be checked or read.
func summaryNotes(a *Audit) []string {
	s := a.Summary
	var out []string
	absent, undecided := analyzer.UnjudgedServices(a.Verdicts)
	if absent > 0 {
		out = append(out, fmt.Sprintf("Unknown: %s whose task definition is not among the inputs; add its aws ecs describe-task-definition output.", plural(absent, "service")))
	}
	if tds := s.TaskVerdicts[analyzer.Unknown]; undecided+tds > 0 {
		var which []string
		if undecided > 0 {
			which = append(which, plural(undecided, "service"))
		}
		if tds > 0 {
			which = append(which, plural(tds, "task definition"))
		}
		out = append(out, "Unknown: "+strings.Join(which, " and ")+" whose platform (Linux or Windows) the inputs do not decide (platform-unknown).")
	}
	out = append(out, fmt.Sprintf("Findings: %d blocker, %d fixable, %d warning, %d info.",
		s.Findings["blocker"], s.Findings["fixable"], s.Findings["warning"], s.Findings["info"]))
	if s.NotChecked > 0 {
		out = append(out, fmt.Sprintf("Not checked: %s, for lack of data (--details says what to add).", plural(s.NotChecked, "check")))
	}
	if n := len(a.Diagnostics); n > 0 {
		out = append(out, fmt.Sprintf("Input problems: %d (%d error, %d warning; printed on standard error).", n, countLevel(a, "error"), countLevel(a, "warning")))
	}
	if n := len(a.Gaps); n > 0 {
		out = append(out, fmt.Sprintf("Not read: %s of the estate (see --format json, gaps).", plural(n, "part")))
	}
	return out
}

// ruleTally counts, per rule, the services and task definitions whose
// verdict lists it.
type ruleTally struct {
	id                    string
	services, definitions int
}

// tallyRules counts the rule IDs that pick picks from each verdict,
// most services first.
func tallyRules(verdicts []analyzer.Verdict, pick func(analyzer.Verdict) []string) []ruleTally {
	byID := map[string]*ruleTally{}
	for _, v := range verdicts {
		for _, id := range pick(v) {
			t := byID[id]
			if t == nil {
				t = &ruleTally{id: id}
				byID[id] = t
			}
			if v.Service != "" {
				t.services++
			} else {
				t.definitions++
			}
		}
	}
	out := make([]ruleTally, 0, len(byID))
	for _, t := range byID {
		out = append(out, *t)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].services != out[j].services {
			return out[i].services > out[j].services
		}
		if out[i].definitions != out[j].definitions {
			return out[i].definitions > out[j].definitions
		}
		return out[i].id < out[j].id
	})
	return out
}

func rulesByID(rules []analyzer.Rule) map[string]analyzer.Rule {
	out := make(map[string]analyzer.Rule, len(rules))
	for _, r := range rules {
		out[r.ID] = r
	}
	return out
}

// wayForward is where a workload blocked by the rule can go: the rule's
// fallback, else its remediation.
func wayForward(r analyzer.Rule) string {
	return cmp.Or(r.Fallback, r.Remediation)
}

// screenBlockers writes what blocks the blocked services and task
// definitions, one row per rule, and names the blocked services.
func screenBlockers(w io.Writer, a *Audit) error {
	tally := tallyRules(a.Verdicts, func(v analyzer.Verdict) []string { return v.Blockers })
	if len(tally) == 0 {
		return nil
	}
	s, sc := a.Summary, a.Screen
	para(w, sc.Width, fmt.Sprintf("Blocked: what stops %s and %s, by rule",
		plural(s.ServiceVerdicts[analyzer.Blocked], "service"), plural(s.TaskVerdicts[analyzer.Blocked], "task definition")))
	rules := rulesByID(a.Rules)
	b := box{header: []string{"RULE", "SERVICES", "TASK DEFS", "WAY FORWARD"}, right: []bool{false, true, true, false}}
	for _, t := range tally {
		b.rows = append(b.rows, []string{t.id, itoa(t.services), itoa(t.definitions), wayForward(rules[t.id])})
	}
	if sc.Width == 0 {
		b.rows = wrapLast(b.header, b.rows)
	}
	if err := b.render(w, sc.Width); err != nil {
		return err
	}
	if names := blockedNames(a); names != "" {
		para(w, sc.Width, "Blocked services: "+names+".")
		para(w, sc.Width, "A service's own way forward (its agent or runner recognised): ecs2fargate audit --service NAME "+sc.inputsArg())
	}
	_, err := fmt.Fprintln(w)
	return err
}

// blockedNames lists the first maxNamed blocked services, and how many
// more there are.
func blockedNames(a *Audit) string {
	var names []string
	n := 0
	for _, v := range a.Verdicts {
		if v.Service == "" || v.Verdict != analyzer.Blocked {
			continue
		}
		if n++; n <= maxNamed {
			names = append(names, a.place().subject(v.Account, v.Region, v.Cluster, v.Service, v.TaskDefinition))
		}
	}
	if n > maxNamed {
		names = append(names, fmt.Sprintf("and %d more", n-maxNamed))
	}
	return strings.Join(names, ", ")
}

// screenChanges writes what the rewrite changes, one row per rule with
// the number of services and task definitions it changes.
func screenChanges(w io.Writer, a *Audit) error {
	tally := tallyRules(a.Verdicts, func(v analyzer.Verdict) []string { return v.Fixable })
	sc := a.Screen
	if len(tally) > 0 {
		para(w, sc.Width, "Fixable: what the rewrite changes, by rule (in the blocked ones too)")
		rules := rulesByID(a.Rules)
		b := box{header: []string{"RULE", "SERVICES", "TASK DEFS", "CHANGE"}, right: []bool{false, true, true, false}}
		for _, t := range tally {
			b.rows = append(b.rows, []string{t.id, itoa(t.services), itoa(t.definitions), rules[t.id].Title})
		}
		if sc.Width == 0 {
			b.rows = wrapLast(b.header, b.rows)
		}
		if err := b.render(w, sc.Width); err != nil {
			return err
		}
	}
	s := a.Summary
	if also := alsoFindings(s); also != "" {
		para(w, sc.Width, "Also "+also+" on behaviour and cost that differ on Fargate (--details lists them).")
	}
	_, err := fmt.Fprintln(w)
	return err
}

// alsoFindings counts the warnings and notes, "" when there are none.
func alsoFindings(s Summary) string {
	var also []string
	if n := s.Findings["warning"]; n > 0 {
		also = append(also, plural(n, "warning"))
	}
	if n := s.Findings["info"]; n > 0 {
		also = append(also, plural(n, "note"))
	}
	return strings.Join(also, " and ")
}

// screenNext writes the commands to run next, the most useful first.
func screenNext(w io.Writer, a *Audit) error {
	s, sc := a.Summary, a.Screen
	in := sc.inputsArg()
	var steps [][2]string
	if s.ServiceVerdicts[analyzer.Fixed]+s.TaskVerdicts[analyzer.Fixed]+s.ServiceVerdicts[analyzer.Blocked]+s.TaskVerdicts[analyzer.Blocked] > 0 {
		steps = append(steps, [2]string{"Write the Fargate task definitions and service requests, with the change list:", "ecs2fargate rewrite --out fargate " + in})
	}
	steps = append(steps, [2]string{"Cost of the move and a report to share (HTML, Markdown for pull requests):", "ecs2fargate report --out report " + in})
	if !sc.Details {
		steps = append(steps, [2]string{"Every finding with its field and value:", "ecs2fargate audit --details " + in})
	}
	fmt.Fprintln(w, "Next:")
	for _, st := range steps {
		para(w, sc.Width, "  "+st[0])
		fmt.Fprintln(w, "    "+st[1])
	}
	return nil
}

// para writes a line of prose, wrapped to width (0: as it is).
func para(w io.Writer, width int, text string) {
	if width > 0 && displayWidth(text) > width {
		indent := text[:len(text)-len(strings.TrimLeft(text, " "))]
		text = wrap(text, width-len(indent), indent)
	}
	fmt.Fprintln(w, text)
}

func itoa(n int) string { return fmt.Sprint(n) }
