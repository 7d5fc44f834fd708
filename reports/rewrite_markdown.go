package reports

import (
	"fmt"
	"io"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/rewrite"
)

// RenderRewriteMarkdown writes changes.md: per task definition and service
// the status, every change with its rule, and what remains by hand.
func RenderRewriteMarkdown(w io.Writer, r *rewrite.Report) error {
	b := newMDOut(w, false) // streamed as written (issue 17)
	RewriteMarkdownHead(b, len(r.TaskDefinitions), len(r.Services), r.Errors)
	n := RewriteNamesOf(r)
	for i := range r.TaskDefinitions {
		n.TaskDefinitionMarkdown(b, &r.TaskDefinitions[i])
	}
	for i := range r.Services {
		n.ServiceMarkdown(b, &r.Services[i])
	}
	return b.close()
}

// RewriteNames is how changes.md and the rewrite's summary name their
// subjects (see placeOf). It depends on every subject, not on what the
// rewrite made of them, so that rewrite --out can decide it before the
// first result and write each result's section as it is produced.
type RewriteNames struct{ p placer }

// RewriteNamesOf decides the names for r's subjects: only their accounts,
// regions, task definition keys and clusters are read.
func RewriteNamesOf(r *rewrite.Report) RewriteNames { return RewriteNames{rewritePlacer(r)} }

// RewriteMarkdownHead writes the start of changes.md: its title, the
// counts and the inputs not rewritten. The sections follow it.
func RewriteMarkdownHead(b mdWriter, taskDefinitions, services int, errors []string) {
	b.WriteString("# Fargate rewrite\n\n")
	fmt.Fprintf(b, "%d task definition(s), %d service(s).\n", taskDefinitions, services)
	if len(errors) > 0 {
		b.WriteString("\n## Not rewritten\n\n")
		for _, e := range errors {
			fmt.Fprintf(b, "- %s\n", mdText(e))
		}
	}
}

// TaskDefinitionMarkdown writes one task definition's section of
// changes.md.
func (n RewriteNames) TaskDefinitionMarkdown(b mdWriter, t *rewrite.Result) {
	fmt.Fprintf(b, "\n## Task definition %s: %s\n\n", mdText(n.p.name(t.Account, t.Region, t.Key)), TaskStatus(*t))
	if t.Output != "" {
		fmt.Fprintf(b, "Output: `%s`", t.Output)
		if t.Size.CPU > 0 {
			fmt.Fprintf(b, "; Fargate size cpu %d, memory %d MiB", t.Size.CPU, t.Size.Memory)
		}
		b.WriteString("\n\n")
	}
	mdChanges(b, t.Changes)
	mdRemaining(b, t.Remaining)
}

// ServiceMarkdown writes one service's section of changes.md.
func (n RewriteNames) ServiceMarkdown(b mdWriter, s *rewrite.ServiceResult) {
	fmt.Fprintf(b, "\n## Service %s/%s: %s\n\n", mdText(n.p.name(s.Account, s.Region, s.Cluster)), mdText(s.Service), ServiceStatus(*s))
	if s.NotInPlace != "" {
		fmt.Fprintf(b, "Cannot move in place: %s\n\n", mdText(s.NotInPlace))
	}
	if len(s.Outputs) > 0 {
		fmt.Fprintf(b, "Outputs: `%s`\n\n", strings.Join(s.Outputs, "`, `"))
	}
	if len(s.Changes) == 0 {
		b.WriteString("No changes.\n\n")
	}
	mdChanges(b, s.Changes) // the report's change table: one look in both
	mdRemaining(b, s.Remaining)
}

func mdRemaining(b mdWriter, rs []rewrite.Remaining) {
	if len(rs) == 0 {
		return
	}
	b.WriteString("Remaining, to do by hand:\n\n")
	for _, r := range rs {
		fmt.Fprintf(b, "- **%s** `%s`", r.Severity, r.RuleID)
		if r.Path != "" {
			fmt.Fprintf(b, " at `%s`", mdCell(r.Path))
		}
		fmt.Fprintf(b, ": %s\n", mdText(r.Message))
	}
	b.WriteString("\n")
}

// TaskStatus is a task definition rewrite's one-word outcome.
func TaskStatus(t rewrite.Result) string {
	switch {
	case t.Forced:
		return "forced"
	case t.Blocked:
		return "blocked"
	case len(t.Changes) == 0:
		return "no changes"
	}
	return "rewritten"
}

// ServiceStatus is a service rewrite's one-word outcome.
func ServiceStatus(s rewrite.ServiceResult) string {
	switch {
	case s.AlreadyOnFargate && len(s.Changes) > 0:
		return "on Fargate: platform version update"
	case s.AlreadyOnFargate:
		return "already on Fargate"
	case s.Forced:
		return "forced"
	case s.UpdateService != nil:
		return "update in place"
	case s.CreateService != nil:
		return "recreate side by side"
	case s.NotInPlace != "":
		return "not moved"
	}
	return "no changes"
}
