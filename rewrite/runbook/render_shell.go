package runbook

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// Shell writes runbook.sh: the plan's steps in order, each followed by its
// check; the rollback of every completed step is recorded under
// .runbook-state so that `runbook.sh --undo` takes them back newest first.
func Shell(w io.Writer, p *Plan) error {
	bw := bufio.NewWriter(w)
	shellHead(bw, p.accounts(), p.Files)
	n := 0
	for _, g := range p.Groups {
		shellGroupHead(bw, g, &n)
		for _, sp := range g.Services {
			shellService(bw, sp, func() (string, string) { n++; return strconv.Itoa(n), strconv.Itoa(n) })
		}
	}
	shellTail(bw)
	return bw.Flush()
}

// shellHead is runbook.sh up to the first group: the profiles of
// accounts, the helpers, and the check that files hold no placeholder.
func shellHead(bw io.Writer, accounts, files []string) {
	io.WriteString(bw, shellHeader) //nolint:errcheck // as below
	for _, acct := range accounts {
		v := profileVar(acct)
		fmt.Fprintf(bw, "%s=\"${%s:-${AWS_PROFILE:-default}}\"\n", v, v)
	}
	io.WriteString(bw, shellFunctions) //nolint:errcheck // bufio keeps the first error for Flush
	fmt.Fprint(bw, "\nif [ \"${1:-}\" = --undo ]; then undo; exit; fi\n\n")
	if len(files) > 0 {
		fmt.Fprintln(bw, "# The values to fill in (RUNBOOK.md, \"Values to fill in\") must be in place first.")
		fmt.Fprintf(bw, "if grep -l -e sg-REPLACE-ME -e subnet-REPLACE-ME -e vpc-REPLACE-ME %s; then\n", strings.Join(quoteAll(files), " "))
		fmt.Fprintln(bw, "  echo 'runbook.sh: the files above still hold placeholders: fill them in first (RUNBOOK.md, \"Values to fill in\")' >&2; exit 1")
		fmt.Fprintln(bw, "fi")
	}
}

// shellGroupHead is a group's heading and preconditions, numbered on
// from *n; its services follow.
func shellGroupHead(bw io.Writer, g Group, n *int) {
	fmt.Fprintf(bw, "\n######## account %s, region %s\n", cmp.Or(g.Account, "(not known)"), g.Region)
	for _, s := range g.Preconditions {
		*n++
		writeShellStep(bw, strconv.Itoa(*n), strconv.Itoa(*n), "precondition: "+s.Title, s)
	}
}

// shellService is one service's steps, or why it stays. number gives
// each step its number as written in its begin and finish lines.
func shellService(bw io.Writer, sp ServicePlan, number func() (begin, finish string)) {
	if sp.How == "" {
		fmt.Fprintf(bw, "\n# %s/%s is not moved: %s\n", sp.Cluster, sp.Service, sp.Skip)
		return
	}
	fmt.Fprintf(bw, "\n#### service %s/%s (%s)\n", sp.Cluster, sp.Service, sp.How)
	for _, s := range sp.Steps {
		begin, finish := number()
		writeShellStep(bw, begin, finish, sp.Cluster+"/"+sp.Service+": "+s.Title, s)
	}
}

func shellTail(bw io.Writer) {
	fmt.Fprintln(bw, "\necho 'runbook.sh: every step done. The old target groups are still there: delete them once you are sure (RUNBOOK.md).'")
}

func writeShellStep(w io.Writer, begin, finish string, title string, s Step) {
	fmt.Fprintf(w, "\nbegin %s %s\n", begin, q(title))
	for _, l := range s.Run {
		fmt.Fprintln(w, l)
	}
	for _, l := range s.Check {
		fmt.Fprintln(w, l+" >/dev/null")
	}
	fmt.Fprintf(w, "finish %s <<'E2F_UNDO'\n", finish)
	for _, l := range s.Rollback {
		fmt.Fprintln(w, l)
	}
	fmt.Fprintln(w, "E2F_UNDO")
}

func quoteAll(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = q(x)
	}
	return out
}

func (p *Plan) accounts() []string {
	var out []string
	for _, g := range p.Groups {
		if !slices.Contains(out, g.Account) {
			out = append(out, g.Account)
		}
	}
	return out
}

const shellHeader = `#!/usr/bin/env bash
# runbook.sh: move the rewritten services to Fargate, written by ecs2fargate
# rewrite beside RUNBOOK.md, which explains every step. Read it first.
#
#   ./runbook.sh          run every step in order; each is checked before the
#                         next, and the first failure stops the run
#   ./runbook.sh --undo   undo the steps completed so far, newest first
#
# Needs bash and the AWS CLI. Set PROFILE_<account> to each account's AWS CLI
# profile (default: $AWS_PROFILE, else "default").
set -euo pipefail
cd "$(dirname "$0")"
STATE=.runbook-state
mkdir -p "$STATE/undo"
`

// shellFunctions are the steps' helpers: progress and undo records, and
// the listener changes, which need the rules found at run time.
const shellFunctions = `
begin() { echo "== step $1: $2" >&2; CURRENT="$1"; }
# finish N: the step is done; keep its rollback (read from stdin) and the
# variables the rollback reads.
finish() {
  cat > "$STATE/undo/$(printf %05d "$1").sh"
  declare -p $(compgen -v | grep -E '^(s|cp|lg|role)_') > "$STATE/vars.sh" 2>/dev/null || true
}
undo() {
  [ -f "$STATE/vars.sh" ] && . "$STATE/vars.sh"
  local f
  for f in $(ls -r "$STATE/undo"); do
    echo "== undo $f" >&2
    . "$STATE/undo/$f"
    rm "$STATE/undo/$f"
  done
}
trap 'echo "runbook.sh: step ${CURRENT:-?} failed; nothing after it ran. Fix the cause and run again (completed steps are repeated safely only where RUNBOOK.md says so), or undo: ./runbook.sh --undo" >&2' ERR

# forwarding REGION PROFILE TG: "IsDefault ListenerArn RuleArn ActionCount"
# for every listener rule whose actions forward to TG.
forwarding() {
  local region=$1 profile=$2 tg=$3 lb l
  for lb in $(aws elbv2 describe-target-groups --region "$region" --profile "$profile" --target-group-arns "$tg" --query 'TargetGroups[0].LoadBalancerArns' --output text); do
    [ "$lb" = None ] && continue
    for l in $(aws elbv2 describe-listeners --region "$region" --profile "$profile" --load-balancer-arn "$lb" --query 'Listeners[].ListenerArn' --output text); do
      aws elbv2 describe-rules --region "$region" --profile "$profile" --listener-arn "$l" \
        --query "Rules[?Actions[?TargetGroupArn=='$tg' || ForwardConfig.TargetGroups[?TargetGroupArn=='$tg']]].[IsDefault,RuleArn,length(Actions)]" --output text |
        while read -r def rule n; do [ -n "$rule" ] && echo "$def $l $rule $n"; done
    done
  done
}
# forwards_to REGION PROFILE OLD NEW: every rule recorded for OLD forwards to
# NEW (at any weight).
forwards_to() {
  local list def l rule
  list="$STATE/forward-$(key "$3").list"
  [ -s "$list" ] || return 1
  while read -r def l rule; do
    aws elbv2 describe-rules --region "$1" --profile "$2" --rule-arns "$rule" \
      --query "Rules[0].Actions[?TargetGroupArn=='$4' || ForwardConfig.TargetGroups[?TargetGroupArn=='$4']]" --output text | grep . >/dev/null || return 1
  done < "$list"
}
key() { printf %s "$1" | cksum | cut -d' ' -f1; }
# set_actions REGION PROFILE OLD ACTIONS: apply ACTIONS to every rule that
# forwarded to OLD when first seen (recorded, with its original actions).
set_actions() {
  local region=$1 profile=$2 old=$3 actions=$4 list def l rule
  list="$STATE/forward-$(key "$old").list"
  while read -r def l rule; do
    if [ "$def" = True ]; then
      aws elbv2 modify-listener --region "$region" --profile "$profile" --listener-arn "$l" --default-actions "$actions" >/dev/null
    else
      aws elbv2 modify-rule --region "$region" --profile "$profile" --rule-arn "$rule" --actions "$actions" >/dev/null
    fi
  done < "$list"
}
# forward_weights REGION PROFILE OLD NEW W_OLD W_NEW: forward to both groups
# with these weights (0 to 999).
forward_weights() {
  local region=$1 profile=$2 old=$3 new=$4 list def l rule n
  list="$STATE/forward-$(key "$old").list"
  if [ ! -s "$list" ]; then
    while read -r def l rule n; do
      [ "$n" = 1 ] || { echo "listener rule $rule has $n actions: put $new beside $old in it by hand" >&2; return 1; }
      aws elbv2 describe-rules --region "$region" --profile "$profile" --rule-arns "$rule" --query 'Rules[0].Actions' --output json > "$STATE/actions-$(key "$rule").json"
      echo "$def $l $rule" >> "$list"
    done < <(forwarding "$region" "$profile" "$old")
    [ -s "$list" ] || { echo "no listener forwards to $old: ECS registers tasks only in a target group a listener uses; attach $new by hand" >&2; return 1; }
  fi
  set_actions "$region" "$profile" "$old" "[{\"Type\":\"forward\",\"ForwardConfig\":{\"TargetGroups\":[{\"TargetGroupArn\":\"$old\",\"Weight\":$5},{\"TargetGroupArn\":\"$new\",\"Weight\":$6}]}}]"
}
# forward_only REGION PROFILE OLD NEW: the recorded rules forward to NEW alone.
forward_only() {
  set_actions "$1" "$2" "$3" "[{\"Type\":\"forward\",\"TargetGroupArn\":\"$4\"}]"
}
# restore_forward REGION PROFILE OLD: the recorded rules get their original actions back.
restore_forward() {
  local region=$1 profile=$2 list def l rule
  list="$STATE/forward-$(key "$3").list"
  [ -f "$list" ] || return 0
  while read -r def l rule; do
    if [ "$def" = True ]; then
      aws elbv2 modify-listener --region "$region" --profile "$profile" --listener-arn "$l" --default-actions "file://$STATE/actions-$(key "$rule").json" >/dev/null
    else
      aws elbv2 modify-rule --region "$region" --profile "$profile" --rule-arn "$rule" --actions "file://$STATE/actions-$(key "$rule").json" >/dev/null
    fi
  done < "$list"
  rm "$list"
}
`
