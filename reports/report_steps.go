package reports

import (
	"fmt"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/rewrite"
)

// nextSteps says what to do with a service: the commands that move it, or
// why it stays where it is and where it could go instead. previewed is
// false when the report was made without a rewrite preview.
func nextSteps(s ServiceReport, td *rewrite.Result, svc *rewrite.ServiceResult, previewed bool) []string {
	switch {
	case s.OnFargate:
		return []string{"Already on Fargate: nothing to move."}
	case s.Verdict == analyzer.Unknown:
		return []string{fmt.Sprintf("Add the output of aws ecs describe-task-definition for %s and run the report again: its task and container rules were not checked.", s.TaskDefinition)}
	case s.Verdict == analyzer.Blocked:
		return blockedSteps(s)
	}
	if s.RewriteError != "" {
		return []string{"Fix the input the rewrite stopped at, then run the report again: " + s.RewriteError + "."}
	}
	steps := []string{registerStep(s, td, previewed)}
	steps = append(steps, targetGroupSteps(s, svc)...)
	return append(steps, updateStep(svc))
}

// planOf names a service's next steps in a few words.
func planOf(s ServiceReport) string {
	switch {
	case s.OnFargate:
		return "already on Fargate"
	case s.Verdict == analyzer.Unknown:
		return "add its task definition"
	case s.Verdict == analyzer.Blocked:
		return "stay on EC2"
	case s.RewriteError != "":
		return "fix the input"
	case s.NotInPlace != "":
		return "move side by side"
	}
	return "move in place"
}

func blockedSteps(s ServiceReport) []string {
	steps := []string{fmt.Sprintf("Keep it on EC2 for now: blocked by %s.", strings.Join(s.Blockers, ", "))}
	if s.Fallback != "" {
		steps = append(steps, "Where it can run instead: "+s.Fallback+".")
	}
	return append(steps, "Or redesign around the blockers and run the report again (ecs2fargate rules explain ID says how).")
}

func registerStep(s ServiceReport, td *rewrite.Result, previewed bool) string {
	switch {
	case td != nil && td.MadeDocument():
		return fmt.Sprintf("Register the new task definition (aws ecs register-task-definition --cli-input-json with the rewritten %s, %s).",
			s.TaskDefinition, plural(len(td.Changes), "change"))
	case previewed && s.Verdict == analyzer.Fixed:
		return fmt.Sprintf("Rewrite %s by hand for Fargate (the rewrite made no document) and register it (aws ecs register-task-definition).", s.TaskDefinition)
	case s.Verdict == analyzer.Fixed:
		return fmt.Sprintf("Rewrite %s for Fargate (ecs2fargate rewrite) and register it (aws ecs register-task-definition).", s.TaskDefinition)
	}
	return fmt.Sprintf("Register %s with requiresCompatibilities FARGATE (aws ecs register-task-definition).", s.TaskDefinition)
}

// targetGroupSteps: a load-balanced service on Fargate needs ip target groups.
func targetGroupSteps(s ServiceReport, svc *rewrite.ServiceResult) []string {
	var steps []string
	if svc != nil {
		for _, tg := range svc.TargetGroups {
			step := fmt.Sprintf("Create the ip target group %s (aws elbv2 create-target-group)", tg.Name)
			if tg.Replaces != "" {
				step += " in place of " + tg.Replaces
			}
			steps = append(steps, step+", and point the listener rules at it.")
		}
		return steps
	}
	for _, id := range s.Fixable {
		if id == analyzer.RuleLBTargetTypeIP {
			return []string{"Create an ip target group for each instance target group the service uses (aws elbv2 create-target-group --target-type ip), and point the listener rules at it."}
		}
	}
	return nil
}

func updateStep(svc *rewrite.ServiceResult) string {
	if svc != nil && svc.NotInPlace != "" {
		return fmt.Sprintf("Create a Fargate service beside it (aws ecs create-service), shift traffic, then scale the old one to zero: it cannot be updated in place (%s).", svc.NotInPlace)
	}
	return "Update the service in place to the FARGATE capacity provider with the new task definition (aws ecs update-service --capacity-provider-strategy capacityProvider=FARGATE --force-new-deployment) and watch the deployment."
}
