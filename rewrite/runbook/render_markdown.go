package runbook

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"strings"
)

// Markdown writes RUNBOOK.md: per account and region, the values to fill
// in, the preconditions, then each service's steps with the check after
// each and its rollback. runbook.sh (Shell) runs the same lines.
func Markdown(w io.Writer, p *Plan) error {
	bw := bufio.NewWriter(w)
	moving, staying := p.count()
	markdownHead(bw, moving, staying)
	for _, g := range p.Groups {
		markdownGroupHead(bw, g)
		for _, sp := range g.Services {
			markdownService(bw, sp)
		}
	}
	return bw.Flush()
}

// markdownHead is RUNBOOK.md up to the first group.
func markdownHead(bw io.Writer, moving, staying int) {
	if moving == 0 {
		// An empty list of steps under "move 0 service(s)" read as a
		// runbook that forgot its services (every input Terraform or
		// CloudFormation, or every service blocked): say where the move is.
		fmt.Fprintln(bw, "# Runbook: no service to move")
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, "No service of this rewrite is moved by AWS CLI steps, so there is nothing here to run. A service read from Terraform or CloudFormation moves when its rewritten code is applied (changes.md, \"Edits to the infrastructure code\"); a service the audit blocks has no Fargate request (changes.md says what blocks it).")
		if staying > 0 {
			fmt.Fprintf(bw, "\n%d service(s) are not moved; each is listed with the reason under its account and region.\n", staying)
		}
		return
	}
	fmt.Fprintf(bw, "# Runbook: move %d service(s) to Fargate\n\n", moving)
	fmt.Fprintln(bw, "Written by `ecs2fargate rewrite` beside the request files it refers to. Work through it in order: the values to fill in, the preconditions, then one service at a time. After each step, run its check; if a step fails, run the rollbacks of the steps done so far, newest first.")
	fmt.Fprintln(bw)
	fmt.Fprintln(bw, "`runbook.sh` runs the same commands in the same order, checks each step, stops at the first failure and records how to undo what it did (`./runbook.sh --undo`). The listener steps call the small functions defined at the top of `runbook.sh` (`forward_weights`, `forward_only`, `restore_forward`): they find the listener rules that forward to the old target group with `aws elbv2 describe-rules`, keep each rule's original actions, and change only rules whose one action is that forward.")
	fmt.Fprintln(bw)
	fmt.Fprintln(bw, "Every command names its Region and a profile: set `PROFILE_<account>` to the AWS CLI profile of each account (runbook.sh defaults to `$AWS_PROFILE`, else `default`).")
	if staying > 0 {
		fmt.Fprintf(bw, "\n%d service(s) are not moved; each is listed with the reason under its account and region.\n", staying)
	}
}

// markdownGroupHead is a group's heading, values to fill in and
// preconditions; its services follow.
func markdownGroupHead(bw io.Writer, g Group) {
	fmt.Fprintf(bw, "\n## Account %s, Region %s\n", cmp.Or(g.Account, "(not known)"), g.Region)
	writePlaceholders(bw, g)
	if len(g.Preconditions) > 0 {
		fmt.Fprintln(bw, "\n### Preconditions")
		for i, s := range g.Preconditions {
			writeMarkdownStep(bw, fmt.Sprintf("P%d", i+1), s)
		}
	}
}

// markdownService is one service's section: its steps, or why it stays.
func markdownService(bw io.Writer, sp ServicePlan) {
	if sp.How == "" {
		fmt.Fprintf(bw, "\n### %s/%s: not moved\n\n%s\n", sp.Cluster, sp.Service, sp.Skip)
		return
	}
	fmt.Fprintf(bw, "\n### %s/%s (%s)\n", sp.Cluster, sp.Service, sp.How)
	for i, s := range sp.Steps {
		writeMarkdownStep(bw, fmt.Sprint(i+1), s)
	}
}

func (p *Plan) count() (moving, staying int) {
	for _, g := range p.Groups {
		for _, s := range g.Services {
			if s.How != "" {
				moving++
			} else {
				staying++
			}
		}
	}
	return moving, staying
}

func writePlaceholders(w io.Writer, g Group) {
	if len(g.Placeholders) == 0 {
		return
	}
	fmt.Fprintln(w, "\n### Values to fill in\n\n| value | used in | how to find it |\n|---|---|---|")
	for _, ph := range g.Placeholders {
		fmt.Fprintf(w, "| `%s` | %s | %s |\n", ph.Value, codeList(ph.UsedIn), strings.ReplaceAll(ph.HowToFind, "|", "\\|"))
	}
}

func codeList(xs []string) string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = "`" + x + "`"
	}
	return strings.Join(out, ", ")
}

func writeMarkdownStep(w io.Writer, n string, s Step) {
	fmt.Fprintf(w, "\n**%s. %s.** %s\n", n, s.Title, s.Why)
	block(w, "", s.Run)
	block(w, "Check:", s.Check)
	block(w, "Rollback:", s.Rollback)
}

func block(w io.Writer, label string, lines []string) {
	if len(lines) == 0 {
		return
	}
	if label != "" {
		fmt.Fprintf(w, "\n%s\n", label)
	}
	fmt.Fprintln(w, "\n```sh")
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
	fmt.Fprintln(w, "```")
}
