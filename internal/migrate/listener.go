package migrate

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"
	elb "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2"
	elbtypes "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/types"
	"github.com/ecs2fargate/ecs2fargate/internal/ptr"
)

// ruleActions is one listener rule (or default action) and its actions.
type ruleActions struct {
	ListenerArn string            `json:"listenerArn"`
	RuleArn     string            `json:"ruleArn"`
	IsDefault   bool              `json:"isDefault"`
	Actions     []elbtypes.Action `json:"actions"`
}

// rulesForwardingTo finds every listener rule of the old group's load
// balancers whose actions forward to old or to new.
func (s *step) rulesForwardingTo(ctx context.Context, old, new string) ([]ruleActions, error) {
	// Both groups' load balancers: once the old group is out of the
	// listener, only the new one names them.
	tgs, err := s.c.elb.DescribeTargetGroups(ctx, &elb.DescribeTargetGroupsInput{TargetGroupArns: []string{old, new}})
	if err != nil {
		return nil, err
	}
	var out []ruleActions
	var seen []string
	for _, tg := range tgs.TargetGroups {
		for _, lb := range tg.LoadBalancerArns {
			if slices.Contains(seen, lb) {
				continue
			}
			seen = append(seen, lb)
			ls, err := s.c.elb.DescribeListeners(ctx, &elb.DescribeListenersInput{LoadBalancerArn: aws.String(lb)})
			if err != nil {
				return nil, err
			}
			for _, l := range ls.Listeners {
				rules, err := s.c.elb.DescribeRules(ctx, &elb.DescribeRulesInput{ListenerArn: l.ListenerArn})
				if err != nil {
					return nil, err
				}
				for _, r := range rules.Rules {
					if forwardsTo(r.Actions, old) || forwardsTo(r.Actions, new) {
						out = append(out, ruleActions{ListenerArn: ptr.Value(l.ListenerArn), RuleArn: ptr.Value(r.RuleArn), IsDefault: aws.ToBool(r.IsDefault), Actions: r.Actions})
					}
				}
			}
		}
	}
	return out, nil
}

func forwardsTo(actions []elbtypes.Action, tg string) bool {
	if tg == "" {
		return false
	}
	for _, a := range actions {
		if ptr.Value(a.TargetGroupArn) == tg {
			return true
		}
		if a.ForwardConfig != nil {
			for _, g := range a.ForwardConfig.TargetGroups {
				if ptr.Value(g.TargetGroupArn) == tg {
					return true
				}
			}
		}
	}
	return false
}

// forward makes every rule that forwards to the old or the new group
// forward to both with these weights (wOld < 0: to the new group alone).
// Only rules whose one action is the forward are changed; any other
// stops the step for a person, as in runbook.sh.
func (s *step) forward(ctx context.Context, wOld, wNew int32) (any, any, error) {
	old, new := s.e.Action.OldTargetGroup, s.state.targetGroup(s.e.Action.TargetGroup)
	if new == "" {
		return nil, nil, fmt.Errorf("the new target group was not created (its step did not run)")
	}
	rules, err := s.rulesForwardingTo(ctx, old, new)
	if err != nil {
		return nil, nil, err
	}
	if len(rules) == 0 {
		return nil, nil, fmt.Errorf("no listener forwards to %s: ECS registers tasks only in a target group a listener uses; attach the new group by hand", old)
	}
	for _, r := range rules {
		if len(r.Actions) != 1 || r.Actions[0].Type != elbtypes.ActionTypeEnumForward {
			return rules, nil, fmt.Errorf("listener rule %s has %d actions: put %s beside %s in it by hand", r.RuleArn, len(r.Actions), new, old)
		}
	}
	var action elbtypes.Action
	if wOld < 0 {
		action = elbtypes.Action{Type: elbtypes.ActionTypeEnumForward, TargetGroupArn: aws.String(new)}
	} else {
		action = elbtypes.Action{Type: elbtypes.ActionTypeEnumForward, ForwardConfig: &elbtypes.ForwardActionConfig{TargetGroups: []elbtypes.TargetGroupTuple{
			{TargetGroupArn: aws.String(old), Weight: aws.Int32(wOld)}, {TargetGroupArn: aws.String(new), Weight: aws.Int32(wNew)}}}}
	}
	var after []ruleActions
	for _, r := range rules {
		if err := s.setActions(ctx, r, []elbtypes.Action{action}); err != nil {
			return rules, after, err
		}
		r.Actions = []elbtypes.Action{action}
		after = append(after, r)
	}
	return rules, after, nil
}

func (s *step) setActions(ctx context.Context, r ruleActions, actions []elbtypes.Action) error {
	if r.IsDefault {
		_, err := s.c.elb.ModifyListener(ctx, &elb.ModifyListenerInput{ListenerArn: aws.String(r.ListenerArn), DefaultActions: actions})
		return err
	}
	_, err := s.c.elb.ModifyRule(ctx, &elb.ModifyRuleInput{RuleArn: aws.String(r.RuleArn), Actions: actions})
	return err
}

// restoreForward gives the rules recorded before the new group was put
// beside the old one their original actions back.
func (s *step) restoreForward(ctx context.Context) error {
	var before []ruleActions
	if err := json.Unmarshal(s.e.Before, &before); err != nil {
		return fmt.Errorf("the journal does not hold the listener rules as they were: %v", err)
	}
	// The old group gets all the traffic back only once it has healthy
	// targets again (the service's rollback started its old tasks).
	if err := s.waitHealthyIn(ctx, s.e.Action.OldTargetGroup, false); err != nil {
		return err
	}
	for _, r := range before {
		if err := s.setActions(ctx, r, r.Actions); err != nil {
			return err
		}
	}
	return nil
}
