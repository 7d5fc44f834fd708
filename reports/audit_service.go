package reports

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
)

// renderServiceScreen shows the services Screen.Service names in full:
// verdict, way forward, notes, the findings of the service and of its
// task definition, and the checks that could not run for it. A name that
// matches no service is an error naming a few that exist.
func renderServiceScreen(w io.Writer, a *Audit) error {
	matched := matchServices(a)
	if len(matched) == 0 {
		return fmt.Errorf("--service %q: no such service among the inputs (%s)", a.Screen.Service, someServices(a))
	}
	for _, v := range matched {
		if err := serviceInFull(w, a, v); err != nil {
			return err
		}
	}
	return screenNext(w, a)
}

// matchServices finds the service verdicts whose name, cluster/name or
// place-qualified name (region/cluster/name) is Screen.Service.
func matchServices(a *Audit) []analyzer.Verdict {
	var out []analyzer.Verdict
	want := a.Screen.Service
	for _, v := range a.Verdicts {
		if v.Service == "" {
			continue
		}
		if want == v.Service || want == v.Cluster+"/"+v.Service || want == a.place().subject(v.Account, v.Region, v.Cluster, v.Service, v.TaskDefinition) ||
			want == v.Region+"/"+v.Cluster+"/"+v.Service {
			out = append(out, v)
		}
	}
	return out
}

func someServices(a *Audit) string {
	var names []string
	for _, v := range a.Verdicts {
		if v.Service != "" && len(names) < maxNamed {
			names = append(names, a.place().subject(v.Account, v.Region, v.Cluster, v.Service, v.TaskDefinition))
		}
	}
	if len(names) == 0 {
		return "the inputs hold no service"
	}
	return "services include " + strings.Join(names, ", ")
}

// ownFindings are the findings about the service and about its task
// definition (both shape its verdict).
func ownFindings(a *Audit, v analyzer.Verdict) []analyzer.Finding {
	var out []analyzer.Finding
	for f := range a.Findings.All() {
		if sameSubject(v, f.Account, f.Region, f.Cluster, f.Service, f.TaskDefinition) {
			out = append(out, f)
		}
	}
	return out
}

func ownNotChecked(a *Audit, v analyzer.Verdict) []analyzer.NotChecked {
	var out []analyzer.NotChecked
	for _, n := range a.NotChecked {
		if sameSubject(v, n.Account, n.Region, n.Cluster, n.Service, n.TaskDefinition) {
			out = append(out, n)
		}
	}
	return out
}

// sameSubject: the service itself, or its task definition in the same
// account and region.
func sameSubject(v analyzer.Verdict, account, region, cluster, service, taskDefinition string) bool {
	if account != v.Account || region != v.Region {
		return false
	}
	if service != "" {
		return service == v.Service && cluster == v.Cluster
	}
	return taskDefinition == v.TaskDefinition
}

func serviceInFull(w io.Writer, a *Audit, v analyzer.Verdict) error {
	sc := a.Screen
	name := a.place().subject(v.Account, v.Region, v.Cluster, v.Service, v.TaskDefinition)
	title := fmt.Sprintf("Service %s (task definition %s): %s", name, dash(v.TaskDefinition), v.Verdict)
	if sc.Width > 0 {
		title = wrap(title, sc.Width, "")
	}
	// The verdict ends the title: colour it after wrapping, which counts
	// characters.
	fmt.Fprintln(w, strings.TrimSuffix(title, v.Verdict)+paintWord(sc.Colour, v.Verdict, v.Verdict))
	if len(v.Blockers) > 0 {
		para(w, sc.Width, "Blocked by: "+strings.Join(v.Blockers, ", ")+".")
	}
	if v.Fallback != "" {
		para(w, sc.Width, "Way forward: "+v.Fallback)
	}
	if len(v.Fixable) > 0 {
		para(w, sc.Width, "The rewrite changes: "+strings.Join(v.Fixable, ", ")+".")
	}
	for _, n := range v.Notes {
		para(w, sc.Width, "Note: "+n)
	}
	fmt.Fprintln(w)
	if err := titledTable(w, sc, "Findings (the service's and its task definition's)", findingHeader, findingRows(a.place(), slices.Values(ownFindings(a, v)), sc), 0); err != nil {
		return err
	}
	return titledTable(w, sc, "Not checked (the inputs lack the data)", notCheckedHeader, notCheckedRows(a.place(), ownNotChecked(a, v), sc), -1)
}
