#!/usr/bin/env bash
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
PROFILE_123456789012="${PROFILE_123456789012:-${AWS_PROFILE:-default}}"

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

if [ "${1:-}" = --undo ]; then undo; exit; fi

# The values to fill in (RUNBOOK.md, "Values to fill in") must be in place first.
if grep -l -e sg-REPLACE-ME -e subnet-REPLACE-ME -e vpc-REPLACE-ME '123456789012/eu-west-1/eu-newsletter-worker.taskdef.json' '123456789012/eu-west-1/eu-web.eu-newsletter-worker.update-service.json' '123456789012/eu-west-1/eu-storefront-web.taskdef.json' '123456789012/eu-west-1/eu-web.eu-storefront-web.update-service.json' '123456789012/eu-west-1/eu-web.eu-storefront-web.target-group.json' '123456789012/us-east-1/artifact-proxy.taskdef.json' '123456789012/us-east-1/platform-tools.artifact-proxy.update-service.json' '123456789012/us-east-1/platform-tools.artifact-proxy.target-group.json' '123456789012/us-east-1/catalog-api.taskdef.json' '123456789012/us-east-1/prod-core.catalog-api.update-service.json' '123456789012/us-east-1/prod-core.catalog-api.target-group.json' '123456789012/us-east-1/checkout-api.taskdef.json' '123456789012/us-east-1/prod-core.checkout-api.update-service.json' '123456789012/us-east-1/prod-core.checkout-api.target-group.json' '123456789012/us-east-1/cron-scheduler.taskdef.json' '123456789012/us-east-1/prod-core.cron-scheduler.update-service.json' '123456789012/us-east-1/image-resizer.taskdef.json' '123456789012/us-east-1/prod-core.image-resizer.update-service.json' '123456789012/us-east-1/legacy-billing.taskdef.json' '123456789012/us-east-1/prod-core.legacy-billing.update-service.json' '123456789012/us-east-1/orders-worker.taskdef.json' '123456789012/us-east-1/prod-core.orders-worker.update-service.json' '123456789012/us-east-1/reporting-api.taskdef.json' '123456789012/us-east-1/prod-core.reporting-api.update-service.json' '123456789012/us-east-1/search-indexer.taskdef.json' '123456789012/us-east-1/prod-core.search-indexer.update-service.json' '123456789012/us-east-1/session-cache.taskdef.json' '123456789012/us-east-1/prod-core.session-cache.update-service.json' '123456789012/us-east-1/storefront-web.taskdef.json' '123456789012/us-east-1/prod-core.storefront-web.update-service.json' '123456789012/us-east-1/prod-core.storefront-web.target-group.json' '123456789012/us-east-1/intranet-iis.taskdef.json' '123456789012/us-east-1/windows-apps.intranet-iis.update-service.json' '123456789012/us-east-1/windows-apps.intranet-iis.target-group.json'; then
  echo 'runbook.sh: the files above still hold placeholders: fill them in first (RUNBOOK.md, "Values to fill in")' >&2; exit 1
fi

######## account 123456789012, region eu-west-1

begin 1 'precondition: Capacity providers of cluster eu-web'
cp_eu_west_1_eu_web_existing=$(aws ecs describe-clusters --region eu-west-1 --profile "$PROFILE_123456789012" --clusters 'eu-web' --query 'clusters[0].capacityProviders' --output text); [ "$cp_eu_west_1_eu_web_existing" = None ] && cp_eu_west_1_eu_web_existing=
cp_eu_west_1_eu_web_strategy=$(aws ecs describe-clusters --region eu-west-1 --profile "$PROFILE_123456789012" --clusters 'eu-web' --query 'clusters[0].defaultCapacityProviderStrategy' --output json); [ "$cp_eu_west_1_eu_web_strategy" = null ] && cp_eu_west_1_eu_web_strategy='[]'
wanted="$cp_eu_west_1_eu_web_existing"; for cp in FARGATE; do case " $wanted " in *" $cp "*) ;; *) wanted="$wanted $cp";; esac; done
if [ "$wanted" != "$cp_eu_west_1_eu_web_existing" ]; then aws ecs put-cluster-capacity-providers --region eu-west-1 --profile "$PROFILE_123456789012" --cluster 'eu-web' --capacity-providers $wanted --default-capacity-provider-strategy "$cp_eu_west_1_eu_web_strategy" >/dev/null; cp_eu_west_1_eu_web_changed=yes; fi
for cp in FARGATE; do aws ecs describe-clusters --region eu-west-1 --profile "$PROFILE_123456789012" --clusters 'eu-web' --query 'clusters[0].capacityProviders' --output text | tr '\t' '\n' | grep -x "$cp" >/dev/null; done >/dev/null
finish 1 <<'E2F_UNDO'
# restores the list and default strategy read above, if the step changed them (a provider a service still uses cannot be removed)
if [ "${cp_eu_west_1_eu_web_changed:-}" = yes ]; then aws ecs put-cluster-capacity-providers --region eu-west-1 --profile "$PROFILE_123456789012" --cluster 'eu-web' --capacity-providers ${cp_eu_west_1_eu_web_existing:-[]} --default-capacity-provider-strategy "$cp_eu_west_1_eu_web_strategy" >/dev/null; fi
E2F_UNDO

begin 2 'precondition: Task execution role ecsTaskExecutionRole'
if ! aws iam get-role --region eu-west-1 --profile "$PROFILE_123456789012" --role-name 'ecsTaskExecutionRole' --query Role.Arn --output text >/dev/null 2>&1; then
  aws iam create-role --region eu-west-1 --profile "$PROFILE_123456789012" --role-name 'ecsTaskExecutionRole' --assume-role-policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}' >/dev/null
  role_eu_west_1_ecsTaskExecutionRole_created=yes
  aws iam attach-role-policy --region eu-west-1 --profile "$PROFILE_123456789012" --role-name 'ecsTaskExecutionRole' --policy-arn arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy
fi
aws iam get-role --region eu-west-1 --profile "$PROFILE_123456789012" --role-name 'ecsTaskExecutionRole' --query Role.Arn --output text >/dev/null
finish 2 <<'E2F_UNDO'
if [ "${role_eu_west_1_ecsTaskExecutionRole_created:-}" = yes ]; then aws iam detach-role-policy --region eu-west-1 --profile "$PROFILE_123456789012" --role-name 'ecsTaskExecutionRole' --policy-arn arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy && aws iam delete-role --region eu-west-1 --profile "$PROFILE_123456789012" --role-name 'ecsTaskExecutionRole'; fi
E2F_UNDO

begin 3 'precondition: ECS service-linked role'
if [ "$(aws iam list-roles --region eu-west-1 --profile "$PROFILE_123456789012" --path-prefix /aws-service-role/ecs.amazonaws.com/ --query 'length(Roles)' --output text)" = 0 ]; then aws iam create-service-linked-role --region eu-west-1 --profile "$PROFILE_123456789012" --aws-service-name ecs.amazonaws.com >/dev/null; fi
[ "$(aws iam list-roles --region eu-west-1 --profile "$PROFILE_123456789012" --path-prefix /aws-service-role/ecs.amazonaws.com/ --query 'length(Roles)' --output text)" != 0 ] >/dev/null
finish 3 <<'E2F_UNDO'
# none: the role is shared by every ECS cluster of the account and costs nothing; leave it
E2F_UNDO

begin 4 'precondition: Log group /ecs/eu-newsletter-worker'
if [ "$(aws logs describe-log-groups --region eu-west-1 --profile "$PROFILE_123456789012" --log-group-name-prefix '/ecs/eu-newsletter-worker' --query "length(logGroups[?logGroupName==\`/ecs/eu-newsletter-worker\`])" --output text)" = 0 ]; then aws logs create-log-group --region eu-west-1 --profile "$PROFILE_123456789012" --log-group-name '/ecs/eu-newsletter-worker'; lg_eu_west_1__ecs_eu_newsletter_worker_created=yes; fi
[ "$(aws logs describe-log-groups --region eu-west-1 --profile "$PROFILE_123456789012" --log-group-name-prefix '/ecs/eu-newsletter-worker' --query "length(logGroups[?logGroupName==\`/ecs/eu-newsletter-worker\`])" --output text)" = 1 ] >/dev/null
finish 4 <<'E2F_UNDO'
if [ "${lg_eu_west_1__ecs_eu_newsletter_worker_created:-}" = yes ]; then aws logs delete-log-group --region eu-west-1 --profile "$PROFILE_123456789012" --log-group-name '/ecs/eu-newsletter-worker'; fi # only a group this run created (it then holds the new tasks' logs)
E2F_UNDO

begin 5 'precondition: Log group /ecs/eu-storefront-web'
if [ "$(aws logs describe-log-groups --region eu-west-1 --profile "$PROFILE_123456789012" --log-group-name-prefix '/ecs/eu-storefront-web' --query "length(logGroups[?logGroupName==\`/ecs/eu-storefront-web\`])" --output text)" = 0 ]; then aws logs create-log-group --region eu-west-1 --profile "$PROFILE_123456789012" --log-group-name '/ecs/eu-storefront-web'; lg_eu_west_1__ecs_eu_storefront_web_created=yes; fi
[ "$(aws logs describe-log-groups --region eu-west-1 --profile "$PROFILE_123456789012" --log-group-name-prefix '/ecs/eu-storefront-web' --query "length(logGroups[?logGroupName==\`/ecs/eu-storefront-web\`])" --output text)" = 1 ] >/dev/null
finish 5 <<'E2F_UNDO'
if [ "${lg_eu_west_1__ecs_eu_storefront_web_created:-}" = yes ]; then aws logs delete-log-group --region eu-west-1 --profile "$PROFILE_123456789012" --log-group-name '/ecs/eu-storefront-web'; fi # only a group this run created (it then holds the new tasks' logs)
E2F_UNDO

# eu-web/eu-consent-api is not moved: already on Fargate: nothing to move

# eu-web/eu-log-forwarder is not moved: no request was written: task definition eu-log-forwarder:10 was not rewritten (see its remaining blockers), so the service has no Fargate revision to move to

#### service eu-web/eu-newsletter-worker (in place)

begin 6 'eu-web/eu-newsletter-worker: Check the service is as planned'
[ "$(aws ecs describe-services --region eu-west-1 --profile "$PROFILE_123456789012" --cluster 'eu-web' --services 'eu-newsletter-worker' --query 'services[0].[taskDefinition,length(deployments)]' --output text)" = 'arn:aws:ecs:eu-west-1:123456789012:task-definition/eu-newsletter-worker:21	1' ] || { echo 'service eu-web/eu-newsletter-worker changed since the plan (task definition or a deployment in progress): rewrite it again' >&2; exit 1; }
finish 6 <<'E2F_UNDO'
# none: the step only checks
E2F_UNDO

begin 7 'eu-web/eu-newsletter-worker: Register the Fargate task definition'
s_123456789012_eu_west_1_eu_web_eu_newsletter_worker_td=$(aws ecs register-task-definition --region eu-west-1 --profile "$PROFILE_123456789012" --cli-input-json 'file://123456789012/eu-west-1/eu-newsletter-worker.taskdef.json' --query taskDefinition.taskDefinitionArn --output text)
aws ecs describe-task-definition --region eu-west-1 --profile "$PROFILE_123456789012" --task-definition "$s_123456789012_eu_west_1_eu_web_eu_newsletter_worker_td" --query taskDefinition.status --output text >/dev/null
finish 7 <<'E2F_UNDO'
aws ecs deregister-task-definition --region eu-west-1 --profile "$PROFILE_123456789012" --task-definition "$s_123456789012_eu_west_1_eu_web_eu_newsletter_worker_td" >/dev/null
E2F_UNDO

begin 8 'eu-web/eu-newsletter-worker: Working copy of the service request'
cp '123456789012/eu-west-1/eu-web.eu-newsletter-worker.update-service.json' "$STATE/s_123456789012_eu_west_1_eu_web_eu_newsletter_worker.json"
finish 8 <<'E2F_UNDO'
E2F_UNDO

begin 9 'eu-web/eu-newsletter-worker: Update the service to Fargate'
aws ecs update-service --region eu-west-1 --profile "$PROFILE_123456789012" --cli-input-json "file://$STATE/s_123456789012_eu_west_1_eu_web_eu_newsletter_worker.json" --task-definition "$s_123456789012_eu_west_1_eu_web_eu_newsletter_worker_td" >/dev/null
aws ecs describe-services --region eu-west-1 --profile "$PROFILE_123456789012" --cluster 'eu-web' --services 'eu-newsletter-worker' --query 'services[0].deployments[0].taskDefinition' --output text >/dev/null
finish 9 <<'E2F_UNDO'
# UpdateService moves a service back from a capacity provider strategy to its launch type when given an empty strategy (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html)
aws ecs update-service --region eu-west-1 --profile "$PROFILE_123456789012" --cluster 'eu-web' --service 'eu-newsletter-worker' --capacity-provider-strategy '[]' --task-definition 'arn:aws:ecs:eu-west-1:123456789012:task-definition/eu-newsletter-worker:21' --force-new-deployment >/dev/null
# UpdateService cannot remove the awsvpc network configuration it added, and the API reference does not say whether ECS accepts it beside a bridge or host mode task definition; if this rollback is refused, recreate the service from the inputs' describe-services output
E2F_UNDO

begin 10 'eu-web/eu-newsletter-worker: Wait for the deployment to finish'
aws ecs wait services-stable --region eu-west-1 --profile "$PROFILE_123456789012" --cluster 'eu-web' --services 'eu-newsletter-worker'
aws ecs describe-services --region eu-west-1 --profile "$PROFILE_123456789012" --cluster 'eu-web' --services 'eu-newsletter-worker' --query 'services[0].[runningCount,desiredCount]' --output text >/dev/null
finish 10 <<'E2F_UNDO'
# none: the step only waits
E2F_UNDO

#### service eu-web/eu-storefront-web (in place)

begin 11 'eu-web/eu-storefront-web: Check the service is as planned'
[ "$(aws ecs describe-services --region eu-west-1 --profile "$PROFILE_123456789012" --cluster 'eu-web' --services 'eu-storefront-web' --query 'services[0].[taskDefinition,length(deployments)]' --output text)" = 'arn:aws:ecs:eu-west-1:123456789012:task-definition/eu-storefront-web:64	1' ] || { echo 'service eu-web/eu-storefront-web changed since the plan (task definition or a deployment in progress): rewrite it again' >&2; exit 1; }
finish 11 <<'E2F_UNDO'
# none: the step only checks
E2F_UNDO

begin 12 'eu-web/eu-storefront-web: Register the Fargate task definition'
s_123456789012_eu_west_1_eu_web_eu_storefront_web_td=$(aws ecs register-task-definition --region eu-west-1 --profile "$PROFILE_123456789012" --cli-input-json 'file://123456789012/eu-west-1/eu-storefront-web.taskdef.json' --query taskDefinition.taskDefinitionArn --output text)
aws ecs describe-task-definition --region eu-west-1 --profile "$PROFILE_123456789012" --task-definition "$s_123456789012_eu_west_1_eu_web_eu_storefront_web_td" --query taskDefinition.status --output text >/dev/null
finish 12 <<'E2F_UNDO'
aws ecs deregister-task-definition --region eu-west-1 --profile "$PROFILE_123456789012" --task-definition "$s_123456789012_eu_west_1_eu_web_eu_storefront_web_td" >/dev/null
E2F_UNDO

begin 13 'eu-web/eu-storefront-web: Working copy of the service request'
cp '123456789012/eu-west-1/eu-web.eu-storefront-web.update-service.json' "$STATE/s_123456789012_eu_west_1_eu_web_eu_storefront_web.json"
finish 13 <<'E2F_UNDO'
E2F_UNDO

begin 14 'eu-web/eu-storefront-web: Create target group eu-storefront-web-ip'
s_123456789012_eu_west_1_eu_web_eu_storefront_web_tg1=$(aws elbv2 create-target-group --region eu-west-1 --profile "$PROFILE_123456789012" --cli-input-json 'file://123456789012/eu-west-1/eu-web.eu-storefront-web.target-group.json' --query 'TargetGroups[0].TargetGroupArn' --output text)
sed -i.bak "s|arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/eu-storefront-web-ip/REPLACE-ME|$s_123456789012_eu_west_1_eu_web_eu_storefront_web_tg1|g" "$STATE/s_123456789012_eu_west_1_eu_web_eu_storefront_web.json"
aws elbv2 describe-target-groups --region eu-west-1 --profile "$PROFILE_123456789012" --target-group-arns "$s_123456789012_eu_west_1_eu_web_eu_storefront_web_tg1" --query 'TargetGroups[0].TargetType' --output text >/dev/null
finish 14 <<'E2F_UNDO'
aws elbv2 delete-target-group --region eu-west-1 --profile "$PROFILE_123456789012" --target-group-arn "$s_123456789012_eu_west_1_eu_web_eu_storefront_web_tg1"
E2F_UNDO

begin 15 'eu-web/eu-storefront-web: Put eu-storefront-web-ip beside the old target group, at weight 0'
forward_weights eu-west-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/eu-storefront-web/31c57d217d1ec7c5' "$s_123456789012_eu_west_1_eu_web_eu_storefront_web_tg1" 1 0
forwards_to eu-west-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/eu-storefront-web/31c57d217d1ec7c5' "$s_123456789012_eu_west_1_eu_web_eu_storefront_web_tg1" >/dev/null
finish 15 <<'E2F_UNDO'
restore_forward eu-west-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/eu-storefront-web/31c57d217d1ec7c5'
E2F_UNDO

begin 16 'eu-web/eu-storefront-web: Update the service to Fargate'
aws ecs update-service --region eu-west-1 --profile "$PROFILE_123456789012" --cli-input-json "file://$STATE/s_123456789012_eu_west_1_eu_web_eu_storefront_web.json" --task-definition "$s_123456789012_eu_west_1_eu_web_eu_storefront_web_td" >/dev/null
aws ecs describe-services --region eu-west-1 --profile "$PROFILE_123456789012" --cluster 'eu-web' --services 'eu-storefront-web' --query 'services[0].deployments[0].taskDefinition' --output text >/dev/null
finish 16 <<'E2F_UNDO'
# UpdateService moves a service back from a capacity provider strategy to its launch type when given an empty strategy (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html)
aws ecs update-service --region eu-west-1 --profile "$PROFILE_123456789012" --cluster 'eu-web' --service 'eu-storefront-web' --capacity-provider-strategy '[]' --task-definition 'arn:aws:ecs:eu-west-1:123456789012:task-definition/eu-storefront-web:64' --load-balancers '[{"containerName":"web","containerPort":3000,"targetGroupArn":"arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/eu-storefront-web/31c57d217d1ec7c5"}]' --force-new-deployment >/dev/null
# UpdateService cannot remove the awsvpc network configuration it added, and the API reference does not say whether ECS accepts it beside a bridge or host mode task definition; if this rollback is refused, recreate the service from the inputs' describe-services output
E2F_UNDO

begin 17 'eu-web/eu-storefront-web: Send the traffic to eu-storefront-web-ip once its targets are healthy'
aws elbv2 wait target-in-service --region eu-west-1 --profile "$PROFILE_123456789012" --target-group-arn "$s_123456789012_eu_west_1_eu_web_eu_storefront_web_tg1"
forward_weights eu-west-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/eu-storefront-web/31c57d217d1ec7c5' "$s_123456789012_eu_west_1_eu_web_eu_storefront_web_tg1" 0 1
aws elbv2 describe-target-health --region eu-west-1 --profile "$PROFILE_123456789012" --target-group-arn "$s_123456789012_eu_west_1_eu_web_eu_storefront_web_tg1" --query 'TargetHealthDescriptions[?TargetHealth.State==`healthy`] | length(@)' --output text >/dev/null
finish 17 <<'E2F_UNDO'
forward_weights eu-west-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/eu-storefront-web/31c57d217d1ec7c5' "$s_123456789012_eu_west_1_eu_web_eu_storefront_web_tg1" 1 0
E2F_UNDO

begin 18 'eu-web/eu-storefront-web: Wait for the deployment to finish'
aws ecs wait services-stable --region eu-west-1 --profile "$PROFILE_123456789012" --cluster 'eu-web' --services 'eu-storefront-web'
aws ecs describe-services --region eu-west-1 --profile "$PROFILE_123456789012" --cluster 'eu-web' --services 'eu-storefront-web' --query 'services[0].[runningCount,desiredCount]' --output text >/dev/null
finish 18 <<'E2F_UNDO'
# none: the step only waits
E2F_UNDO

begin 19 'eu-web/eu-storefront-web: Take the old target group out of the listeners (eu-storefront-web-ip only)'
forward_only eu-west-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/eu-storefront-web/31c57d217d1ec7c5' "$s_123456789012_eu_west_1_eu_web_eu_storefront_web_tg1"
forwards_to eu-west-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/eu-storefront-web/31c57d217d1ec7c5' "$s_123456789012_eu_west_1_eu_web_eu_storefront_web_tg1" >/dev/null
finish 19 <<'E2F_UNDO'
forward_weights eu-west-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/eu-storefront-web/31c57d217d1ec7c5' "$s_123456789012_eu_west_1_eu_web_eu_storefront_web_tg1" 1 0
E2F_UNDO

######## account 123456789012, region us-east-1

begin 20 'precondition: Capacity providers of cluster platform-tools'
cp_us_east_1_platform_tools_existing=$(aws ecs describe-clusters --region us-east-1 --profile "$PROFILE_123456789012" --clusters 'platform-tools' --query 'clusters[0].capacityProviders' --output text); [ "$cp_us_east_1_platform_tools_existing" = None ] && cp_us_east_1_platform_tools_existing=
cp_us_east_1_platform_tools_strategy=$(aws ecs describe-clusters --region us-east-1 --profile "$PROFILE_123456789012" --clusters 'platform-tools' --query 'clusters[0].defaultCapacityProviderStrategy' --output json); [ "$cp_us_east_1_platform_tools_strategy" = null ] && cp_us_east_1_platform_tools_strategy='[]'
wanted="$cp_us_east_1_platform_tools_existing"; for cp in FARGATE; do case " $wanted " in *" $cp "*) ;; *) wanted="$wanted $cp";; esac; done
if [ "$wanted" != "$cp_us_east_1_platform_tools_existing" ]; then aws ecs put-cluster-capacity-providers --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'platform-tools' --capacity-providers $wanted --default-capacity-provider-strategy "$cp_us_east_1_platform_tools_strategy" >/dev/null; cp_us_east_1_platform_tools_changed=yes; fi
for cp in FARGATE; do aws ecs describe-clusters --region us-east-1 --profile "$PROFILE_123456789012" --clusters 'platform-tools' --query 'clusters[0].capacityProviders' --output text | tr '\t' '\n' | grep -x "$cp" >/dev/null; done >/dev/null
finish 20 <<'E2F_UNDO'
# restores the list and default strategy read above, if the step changed them (a provider a service still uses cannot be removed)
if [ "${cp_us_east_1_platform_tools_changed:-}" = yes ]; then aws ecs put-cluster-capacity-providers --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'platform-tools' --capacity-providers ${cp_us_east_1_platform_tools_existing:-[]} --default-capacity-provider-strategy "$cp_us_east_1_platform_tools_strategy" >/dev/null; fi
E2F_UNDO

begin 21 'precondition: Capacity providers of cluster prod-core'
cp_us_east_1_prod_core_existing=$(aws ecs describe-clusters --region us-east-1 --profile "$PROFILE_123456789012" --clusters 'prod-core' --query 'clusters[0].capacityProviders' --output text); [ "$cp_us_east_1_prod_core_existing" = None ] && cp_us_east_1_prod_core_existing=
cp_us_east_1_prod_core_strategy=$(aws ecs describe-clusters --region us-east-1 --profile "$PROFILE_123456789012" --clusters 'prod-core' --query 'clusters[0].defaultCapacityProviderStrategy' --output json); [ "$cp_us_east_1_prod_core_strategy" = null ] && cp_us_east_1_prod_core_strategy='[]'
wanted="$cp_us_east_1_prod_core_existing"; for cp in FARGATE; do case " $wanted " in *" $cp "*) ;; *) wanted="$wanted $cp";; esac; done
if [ "$wanted" != "$cp_us_east_1_prod_core_existing" ]; then aws ecs put-cluster-capacity-providers --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --capacity-providers $wanted --default-capacity-provider-strategy "$cp_us_east_1_prod_core_strategy" >/dev/null; cp_us_east_1_prod_core_changed=yes; fi
for cp in FARGATE; do aws ecs describe-clusters --region us-east-1 --profile "$PROFILE_123456789012" --clusters 'prod-core' --query 'clusters[0].capacityProviders' --output text | tr '\t' '\n' | grep -x "$cp" >/dev/null; done >/dev/null
finish 21 <<'E2F_UNDO'
# restores the list and default strategy read above, if the step changed them (a provider a service still uses cannot be removed)
if [ "${cp_us_east_1_prod_core_changed:-}" = yes ]; then aws ecs put-cluster-capacity-providers --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --capacity-providers ${cp_us_east_1_prod_core_existing:-[]} --default-capacity-provider-strategy "$cp_us_east_1_prod_core_strategy" >/dev/null; fi
E2F_UNDO

begin 22 'precondition: Capacity providers of cluster windows-apps'
cp_us_east_1_windows_apps_existing=$(aws ecs describe-clusters --region us-east-1 --profile "$PROFILE_123456789012" --clusters 'windows-apps' --query 'clusters[0].capacityProviders' --output text); [ "$cp_us_east_1_windows_apps_existing" = None ] && cp_us_east_1_windows_apps_existing=
cp_us_east_1_windows_apps_strategy=$(aws ecs describe-clusters --region us-east-1 --profile "$PROFILE_123456789012" --clusters 'windows-apps' --query 'clusters[0].defaultCapacityProviderStrategy' --output json); [ "$cp_us_east_1_windows_apps_strategy" = null ] && cp_us_east_1_windows_apps_strategy='[]'
wanted="$cp_us_east_1_windows_apps_existing"; for cp in FARGATE; do case " $wanted " in *" $cp "*) ;; *) wanted="$wanted $cp";; esac; done
if [ "$wanted" != "$cp_us_east_1_windows_apps_existing" ]; then aws ecs put-cluster-capacity-providers --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'windows-apps' --capacity-providers $wanted --default-capacity-provider-strategy "$cp_us_east_1_windows_apps_strategy" >/dev/null; cp_us_east_1_windows_apps_changed=yes; fi
for cp in FARGATE; do aws ecs describe-clusters --region us-east-1 --profile "$PROFILE_123456789012" --clusters 'windows-apps' --query 'clusters[0].capacityProviders' --output text | tr '\t' '\n' | grep -x "$cp" >/dev/null; done >/dev/null
finish 22 <<'E2F_UNDO'
# restores the list and default strategy read above, if the step changed them (a provider a service still uses cannot be removed)
if [ "${cp_us_east_1_windows_apps_changed:-}" = yes ]; then aws ecs put-cluster-capacity-providers --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'windows-apps' --capacity-providers ${cp_us_east_1_windows_apps_existing:-[]} --default-capacity-provider-strategy "$cp_us_east_1_windows_apps_strategy" >/dev/null; fi
E2F_UNDO

begin 23 'precondition: Log group /ecs/artifact-proxy'
if [ "$(aws logs describe-log-groups --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name-prefix '/ecs/artifact-proxy' --query "length(logGroups[?logGroupName==\`/ecs/artifact-proxy\`])" --output text)" = 0 ]; then aws logs create-log-group --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name '/ecs/artifact-proxy'; lg_us_east_1__ecs_artifact_proxy_created=yes; fi
[ "$(aws logs describe-log-groups --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name-prefix '/ecs/artifact-proxy' --query "length(logGroups[?logGroupName==\`/ecs/artifact-proxy\`])" --output text)" = 1 ] >/dev/null
finish 23 <<'E2F_UNDO'
if [ "${lg_us_east_1__ecs_artifact_proxy_created:-}" = yes ]; then aws logs delete-log-group --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name '/ecs/artifact-proxy'; fi # only a group this run created (it then holds the new tasks' logs)
E2F_UNDO

begin 24 'precondition: Log group /ecs/catalog-api'
if [ "$(aws logs describe-log-groups --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name-prefix '/ecs/catalog-api' --query "length(logGroups[?logGroupName==\`/ecs/catalog-api\`])" --output text)" = 0 ]; then aws logs create-log-group --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name '/ecs/catalog-api'; lg_us_east_1__ecs_catalog_api_created=yes; fi
[ "$(aws logs describe-log-groups --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name-prefix '/ecs/catalog-api' --query "length(logGroups[?logGroupName==\`/ecs/catalog-api\`])" --output text)" = 1 ] >/dev/null
finish 24 <<'E2F_UNDO'
if [ "${lg_us_east_1__ecs_catalog_api_created:-}" = yes ]; then aws logs delete-log-group --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name '/ecs/catalog-api'; fi # only a group this run created (it then holds the new tasks' logs)
E2F_UNDO

begin 25 'precondition: Log group /ecs/checkout-api'
if [ "$(aws logs describe-log-groups --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name-prefix '/ecs/checkout-api' --query "length(logGroups[?logGroupName==\`/ecs/checkout-api\`])" --output text)" = 0 ]; then aws logs create-log-group --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name '/ecs/checkout-api'; lg_us_east_1__ecs_checkout_api_created=yes; fi
[ "$(aws logs describe-log-groups --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name-prefix '/ecs/checkout-api' --query "length(logGroups[?logGroupName==\`/ecs/checkout-api\`])" --output text)" = 1 ] >/dev/null
finish 25 <<'E2F_UNDO'
if [ "${lg_us_east_1__ecs_checkout_api_created:-}" = yes ]; then aws logs delete-log-group --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name '/ecs/checkout-api'; fi # only a group this run created (it then holds the new tasks' logs)
E2F_UNDO

begin 26 'precondition: Log group /ecs/cron-scheduler'
if [ "$(aws logs describe-log-groups --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name-prefix '/ecs/cron-scheduler' --query "length(logGroups[?logGroupName==\`/ecs/cron-scheduler\`])" --output text)" = 0 ]; then aws logs create-log-group --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name '/ecs/cron-scheduler'; lg_us_east_1__ecs_cron_scheduler_created=yes; fi
[ "$(aws logs describe-log-groups --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name-prefix '/ecs/cron-scheduler' --query "length(logGroups[?logGroupName==\`/ecs/cron-scheduler\`])" --output text)" = 1 ] >/dev/null
finish 26 <<'E2F_UNDO'
if [ "${lg_us_east_1__ecs_cron_scheduler_created:-}" = yes ]; then aws logs delete-log-group --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name '/ecs/cron-scheduler'; fi # only a group this run created (it then holds the new tasks' logs)
E2F_UNDO

begin 27 'precondition: Log group /ecs/image-resizer'
if [ "$(aws logs describe-log-groups --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name-prefix '/ecs/image-resizer' --query "length(logGroups[?logGroupName==\`/ecs/image-resizer\`])" --output text)" = 0 ]; then aws logs create-log-group --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name '/ecs/image-resizer'; lg_us_east_1__ecs_image_resizer_created=yes; fi
[ "$(aws logs describe-log-groups --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name-prefix '/ecs/image-resizer' --query "length(logGroups[?logGroupName==\`/ecs/image-resizer\`])" --output text)" = 1 ] >/dev/null
finish 27 <<'E2F_UNDO'
if [ "${lg_us_east_1__ecs_image_resizer_created:-}" = yes ]; then aws logs delete-log-group --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name '/ecs/image-resizer'; fi # only a group this run created (it then holds the new tasks' logs)
E2F_UNDO

begin 28 'precondition: Log group /ecs/legacy-billing'
if [ "$(aws logs describe-log-groups --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name-prefix '/ecs/legacy-billing' --query "length(logGroups[?logGroupName==\`/ecs/legacy-billing\`])" --output text)" = 0 ]; then aws logs create-log-group --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name '/ecs/legacy-billing'; lg_us_east_1__ecs_legacy_billing_created=yes; fi
[ "$(aws logs describe-log-groups --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name-prefix '/ecs/legacy-billing' --query "length(logGroups[?logGroupName==\`/ecs/legacy-billing\`])" --output text)" = 1 ] >/dev/null
finish 28 <<'E2F_UNDO'
if [ "${lg_us_east_1__ecs_legacy_billing_created:-}" = yes ]; then aws logs delete-log-group --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name '/ecs/legacy-billing'; fi # only a group this run created (it then holds the new tasks' logs)
E2F_UNDO

begin 29 'precondition: Log group /ecs/orders-worker'
if [ "$(aws logs describe-log-groups --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name-prefix '/ecs/orders-worker' --query "length(logGroups[?logGroupName==\`/ecs/orders-worker\`])" --output text)" = 0 ]; then aws logs create-log-group --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name '/ecs/orders-worker'; lg_us_east_1__ecs_orders_worker_created=yes; fi
[ "$(aws logs describe-log-groups --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name-prefix '/ecs/orders-worker' --query "length(logGroups[?logGroupName==\`/ecs/orders-worker\`])" --output text)" = 1 ] >/dev/null
finish 29 <<'E2F_UNDO'
if [ "${lg_us_east_1__ecs_orders_worker_created:-}" = yes ]; then aws logs delete-log-group --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name '/ecs/orders-worker'; fi # only a group this run created (it then holds the new tasks' logs)
E2F_UNDO

begin 30 'precondition: Log group /ecs/reporting-api'
if [ "$(aws logs describe-log-groups --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name-prefix '/ecs/reporting-api' --query "length(logGroups[?logGroupName==\`/ecs/reporting-api\`])" --output text)" = 0 ]; then aws logs create-log-group --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name '/ecs/reporting-api'; lg_us_east_1__ecs_reporting_api_created=yes; fi
[ "$(aws logs describe-log-groups --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name-prefix '/ecs/reporting-api' --query "length(logGroups[?logGroupName==\`/ecs/reporting-api\`])" --output text)" = 1 ] >/dev/null
finish 30 <<'E2F_UNDO'
if [ "${lg_us_east_1__ecs_reporting_api_created:-}" = yes ]; then aws logs delete-log-group --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name '/ecs/reporting-api'; fi # only a group this run created (it then holds the new tasks' logs)
E2F_UNDO

begin 31 'precondition: Log group /ecs/search-indexer'
if [ "$(aws logs describe-log-groups --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name-prefix '/ecs/search-indexer' --query "length(logGroups[?logGroupName==\`/ecs/search-indexer\`])" --output text)" = 0 ]; then aws logs create-log-group --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name '/ecs/search-indexer'; lg_us_east_1__ecs_search_indexer_created=yes; fi
[ "$(aws logs describe-log-groups --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name-prefix '/ecs/search-indexer' --query "length(logGroups[?logGroupName==\`/ecs/search-indexer\`])" --output text)" = 1 ] >/dev/null
finish 31 <<'E2F_UNDO'
if [ "${lg_us_east_1__ecs_search_indexer_created:-}" = yes ]; then aws logs delete-log-group --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name '/ecs/search-indexer'; fi # only a group this run created (it then holds the new tasks' logs)
E2F_UNDO

begin 32 'precondition: Log group /ecs/session-cache'
if [ "$(aws logs describe-log-groups --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name-prefix '/ecs/session-cache' --query "length(logGroups[?logGroupName==\`/ecs/session-cache\`])" --output text)" = 0 ]; then aws logs create-log-group --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name '/ecs/session-cache'; lg_us_east_1__ecs_session_cache_created=yes; fi
[ "$(aws logs describe-log-groups --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name-prefix '/ecs/session-cache' --query "length(logGroups[?logGroupName==\`/ecs/session-cache\`])" --output text)" = 1 ] >/dev/null
finish 32 <<'E2F_UNDO'
if [ "${lg_us_east_1__ecs_session_cache_created:-}" = yes ]; then aws logs delete-log-group --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name '/ecs/session-cache'; fi # only a group this run created (it then holds the new tasks' logs)
E2F_UNDO

begin 33 'precondition: Log group /ecs/storefront-web'
if [ "$(aws logs describe-log-groups --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name-prefix '/ecs/storefront-web' --query "length(logGroups[?logGroupName==\`/ecs/storefront-web\`])" --output text)" = 0 ]; then aws logs create-log-group --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name '/ecs/storefront-web'; lg_us_east_1__ecs_storefront_web_created=yes; fi
[ "$(aws logs describe-log-groups --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name-prefix '/ecs/storefront-web' --query "length(logGroups[?logGroupName==\`/ecs/storefront-web\`])" --output text)" = 1 ] >/dev/null
finish 33 <<'E2F_UNDO'
if [ "${lg_us_east_1__ecs_storefront_web_created:-}" = yes ]; then aws logs delete-log-group --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name '/ecs/storefront-web'; fi # only a group this run created (it then holds the new tasks' logs)
E2F_UNDO

begin 34 'precondition: Log group /ecs/intranet-iis'
if [ "$(aws logs describe-log-groups --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name-prefix '/ecs/intranet-iis' --query "length(logGroups[?logGroupName==\`/ecs/intranet-iis\`])" --output text)" = 0 ]; then aws logs create-log-group --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name '/ecs/intranet-iis'; lg_us_east_1__ecs_intranet_iis_created=yes; fi
[ "$(aws logs describe-log-groups --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name-prefix '/ecs/intranet-iis' --query "length(logGroups[?logGroupName==\`/ecs/intranet-iis\`])" --output text)" = 1 ] >/dev/null
finish 34 <<'E2F_UNDO'
if [ "${lg_us_east_1__ecs_intranet_iis_created:-}" = yes ]; then aws logs delete-log-group --region us-east-1 --profile "$PROFILE_123456789012" --log-group-name '/ecs/intranet-iis'; fi # only a group this run created (it then holds the new tasks' logs)
E2F_UNDO

# platform-tools/analytics-spark-driver is not moved: no request was written: task definition analytics-spark-driver:6 was not rewritten (see its remaining blockers), so the service has no Fargate revision to move to

#### service platform-tools/artifact-proxy (in place)

begin 35 'platform-tools/artifact-proxy: Check the service is as planned'
[ "$(aws ecs describe-services --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'platform-tools' --services 'artifact-proxy' --query 'services[0].[taskDefinition,length(deployments)]' --output text)" = 'arn:aws:ecs:us-east-1:123456789012:task-definition/artifact-proxy:20	1' ] || { echo 'service platform-tools/artifact-proxy changed since the plan (task definition or a deployment in progress): rewrite it again' >&2; exit 1; }
finish 35 <<'E2F_UNDO'
# none: the step only checks
E2F_UNDO

begin 36 'platform-tools/artifact-proxy: Register the Fargate task definition'
s_123456789012_us_east_1_platform_tools_artifact_proxy_td=$(aws ecs register-task-definition --region us-east-1 --profile "$PROFILE_123456789012" --cli-input-json 'file://123456789012/us-east-1/artifact-proxy.taskdef.json' --query taskDefinition.taskDefinitionArn --output text)
aws ecs describe-task-definition --region us-east-1 --profile "$PROFILE_123456789012" --task-definition "$s_123456789012_us_east_1_platform_tools_artifact_proxy_td" --query taskDefinition.status --output text >/dev/null
finish 36 <<'E2F_UNDO'
aws ecs deregister-task-definition --region us-east-1 --profile "$PROFILE_123456789012" --task-definition "$s_123456789012_us_east_1_platform_tools_artifact_proxy_td" >/dev/null
E2F_UNDO

begin 37 'platform-tools/artifact-proxy: Working copy of the service request'
cp '123456789012/us-east-1/platform-tools.artifact-proxy.update-service.json' "$STATE/s_123456789012_us_east_1_platform_tools_artifact_proxy.json"
finish 37 <<'E2F_UNDO'
E2F_UNDO

begin 38 'platform-tools/artifact-proxy: Create target group artifact-proxy-ip'
s_123456789012_us_east_1_platform_tools_artifact_proxy_tg1=$(aws elbv2 create-target-group --region us-east-1 --profile "$PROFILE_123456789012" --cli-input-json 'file://123456789012/us-east-1/platform-tools.artifact-proxy.target-group.json' --query 'TargetGroups[0].TargetGroupArn' --output text)
sed -i.bak "s|arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/artifact-proxy-ip/REPLACE-ME|$s_123456789012_us_east_1_platform_tools_artifact_proxy_tg1|g" "$STATE/s_123456789012_us_east_1_platform_tools_artifact_proxy.json"
aws elbv2 describe-target-groups --region us-east-1 --profile "$PROFILE_123456789012" --target-group-arns "$s_123456789012_us_east_1_platform_tools_artifact_proxy_tg1" --query 'TargetGroups[0].TargetType' --output text >/dev/null
finish 38 <<'E2F_UNDO'
aws elbv2 delete-target-group --region us-east-1 --profile "$PROFILE_123456789012" --target-group-arn "$s_123456789012_us_east_1_platform_tools_artifact_proxy_tg1"
E2F_UNDO

begin 39 'platform-tools/artifact-proxy: Put artifact-proxy-ip beside the old target group, at weight 0'
forward_weights us-east-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/artifact-proxy/2fed5790ccf9d4a1' "$s_123456789012_us_east_1_platform_tools_artifact_proxy_tg1" 1 0
forwards_to us-east-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/artifact-proxy/2fed5790ccf9d4a1' "$s_123456789012_us_east_1_platform_tools_artifact_proxy_tg1" >/dev/null
finish 39 <<'E2F_UNDO'
restore_forward us-east-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/artifact-proxy/2fed5790ccf9d4a1'
E2F_UNDO

begin 40 'platform-tools/artifact-proxy: Update the service to Fargate'
aws ecs update-service --region us-east-1 --profile "$PROFILE_123456789012" --cli-input-json "file://$STATE/s_123456789012_us_east_1_platform_tools_artifact_proxy.json" --task-definition "$s_123456789012_us_east_1_platform_tools_artifact_proxy_td" >/dev/null
aws ecs describe-services --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'platform-tools' --services 'artifact-proxy' --query 'services[0].deployments[0].taskDefinition' --output text >/dev/null
finish 40 <<'E2F_UNDO'
# UpdateService moves a service back from a capacity provider strategy to its launch type when given an empty strategy (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html)
aws ecs update-service --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'platform-tools' --service 'artifact-proxy' --capacity-provider-strategy '[]' --task-definition 'arn:aws:ecs:us-east-1:123456789012:task-definition/artifact-proxy:20' --load-balancers '[{"containerName":"nexus","containerPort":8081,"targetGroupArn":"arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/artifact-proxy/2fed5790ccf9d4a1"}]' --force-new-deployment >/dev/null
# UpdateService cannot remove the awsvpc network configuration it added, and the API reference does not say whether ECS accepts it beside a bridge or host mode task definition; if this rollback is refused, recreate the service from the inputs' describe-services output
E2F_UNDO

begin 41 'platform-tools/artifact-proxy: Send the traffic to artifact-proxy-ip once its targets are healthy'
aws elbv2 wait target-in-service --region us-east-1 --profile "$PROFILE_123456789012" --target-group-arn "$s_123456789012_us_east_1_platform_tools_artifact_proxy_tg1"
forward_weights us-east-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/artifact-proxy/2fed5790ccf9d4a1' "$s_123456789012_us_east_1_platform_tools_artifact_proxy_tg1" 0 1
aws elbv2 describe-target-health --region us-east-1 --profile "$PROFILE_123456789012" --target-group-arn "$s_123456789012_us_east_1_platform_tools_artifact_proxy_tg1" --query 'TargetHealthDescriptions[?TargetHealth.State==`healthy`] | length(@)' --output text >/dev/null
finish 41 <<'E2F_UNDO'
forward_weights us-east-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/artifact-proxy/2fed5790ccf9d4a1' "$s_123456789012_us_east_1_platform_tools_artifact_proxy_tg1" 1 0
E2F_UNDO

begin 42 'platform-tools/artifact-proxy: Wait for the deployment to finish'
aws ecs wait services-stable --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'platform-tools' --services 'artifact-proxy'
aws ecs describe-services --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'platform-tools' --services 'artifact-proxy' --query 'services[0].[runningCount,desiredCount]' --output text >/dev/null
finish 42 <<'E2F_UNDO'
# none: the step only waits
E2F_UNDO

begin 43 'platform-tools/artifact-proxy: Take the old target group out of the listeners (artifact-proxy-ip only)'
forward_only us-east-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/artifact-proxy/2fed5790ccf9d4a1' "$s_123456789012_us_east_1_platform_tools_artifact_proxy_tg1"
forwards_to us-east-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/artifact-proxy/2fed5790ccf9d4a1' "$s_123456789012_us_east_1_platform_tools_artifact_proxy_tg1" >/dev/null
finish 43 <<'E2F_UNDO'
forward_weights us-east-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/artifact-proxy/2fed5790ccf9d4a1' "$s_123456789012_us_east_1_platform_tools_artifact_proxy_tg1" 1 0
E2F_UNDO

# platform-tools/docker-cleanup is not moved: no request was written: task definition docker-cleanup:3 was not rewritten (see its remaining blockers), so the service has no Fargate revision to move to

# platform-tools/gitlab-runner is not moved: no request was written: task definition gitlab-runner:27 was not rewritten (see its remaining blockers), so the service has no Fargate revision to move to

# platform-tools/jenkins-agent is not moved: no request was written: task definition jenkins-agent:11 was not rewritten (see its remaining blockers), so the service has no Fargate revision to move to

# platform-tools/ml-inference is not moved: no request was written: task definition ml-inference:42 was not rewritten (see its remaining blockers), so the service has no Fargate revision to move to

# platform-tools/video-transcoder is not moved: no request was written: task definition video-transcoder:15 was not rewritten (see its remaining blockers), so the service has no Fargate revision to move to

#### service prod-core/catalog-api (in place)

begin 44 'prod-core/catalog-api: Check the service is as planned'
[ "$(aws ecs describe-services --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --services 'catalog-api' --query 'services[0].[taskDefinition,length(deployments)]' --output text)" = 'arn:aws:ecs:us-east-1:123456789012:task-definition/catalog-api:45	1' ] || { echo 'service prod-core/catalog-api changed since the plan (task definition or a deployment in progress): rewrite it again' >&2; exit 1; }
finish 44 <<'E2F_UNDO'
# none: the step only checks
E2F_UNDO

begin 45 'prod-core/catalog-api: Register the Fargate task definition'
s_123456789012_us_east_1_prod_core_catalog_api_td=$(aws ecs register-task-definition --region us-east-1 --profile "$PROFILE_123456789012" --cli-input-json 'file://123456789012/us-east-1/catalog-api.taskdef.json' --query taskDefinition.taskDefinitionArn --output text)
aws ecs describe-task-definition --region us-east-1 --profile "$PROFILE_123456789012" --task-definition "$s_123456789012_us_east_1_prod_core_catalog_api_td" --query taskDefinition.status --output text >/dev/null
finish 45 <<'E2F_UNDO'
aws ecs deregister-task-definition --region us-east-1 --profile "$PROFILE_123456789012" --task-definition "$s_123456789012_us_east_1_prod_core_catalog_api_td" >/dev/null
E2F_UNDO

begin 46 'prod-core/catalog-api: Working copy of the service request'
cp '123456789012/us-east-1/prod-core.catalog-api.update-service.json' "$STATE/s_123456789012_us_east_1_prod_core_catalog_api.json"
finish 46 <<'E2F_UNDO'
E2F_UNDO

begin 47 'prod-core/catalog-api: Create target group catalog-api-ip'
s_123456789012_us_east_1_prod_core_catalog_api_tg1=$(aws elbv2 create-target-group --region us-east-1 --profile "$PROFILE_123456789012" --cli-input-json 'file://123456789012/us-east-1/prod-core.catalog-api.target-group.json' --query 'TargetGroups[0].TargetGroupArn' --output text)
sed -i.bak "s|arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/catalog-api-ip/REPLACE-ME|$s_123456789012_us_east_1_prod_core_catalog_api_tg1|g" "$STATE/s_123456789012_us_east_1_prod_core_catalog_api.json"
aws elbv2 describe-target-groups --region us-east-1 --profile "$PROFILE_123456789012" --target-group-arns "$s_123456789012_us_east_1_prod_core_catalog_api_tg1" --query 'TargetGroups[0].TargetType' --output text >/dev/null
finish 47 <<'E2F_UNDO'
aws elbv2 delete-target-group --region us-east-1 --profile "$PROFILE_123456789012" --target-group-arn "$s_123456789012_us_east_1_prod_core_catalog_api_tg1"
E2F_UNDO

begin 48 'prod-core/catalog-api: Put catalog-api-ip beside the old target group, at weight 0'
forward_weights us-east-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/catalog-api/1463700c5e276214' "$s_123456789012_us_east_1_prod_core_catalog_api_tg1" 1 0
forwards_to us-east-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/catalog-api/1463700c5e276214' "$s_123456789012_us_east_1_prod_core_catalog_api_tg1" >/dev/null
finish 48 <<'E2F_UNDO'
restore_forward us-east-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/catalog-api/1463700c5e276214'
E2F_UNDO

begin 49 'prod-core/catalog-api: Update the service to Fargate'
aws ecs update-service --region us-east-1 --profile "$PROFILE_123456789012" --cli-input-json "file://$STATE/s_123456789012_us_east_1_prod_core_catalog_api.json" --task-definition "$s_123456789012_us_east_1_prod_core_catalog_api_td" >/dev/null
aws ecs describe-services --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --services 'catalog-api' --query 'services[0].deployments[0].taskDefinition' --output text >/dev/null
finish 49 <<'E2F_UNDO'
# UpdateService moves a service back from a capacity provider strategy to its launch type when given an empty strategy (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html)
aws ecs update-service --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --service 'catalog-api' --capacity-provider-strategy '[]' --task-definition 'arn:aws:ecs:us-east-1:123456789012:task-definition/catalog-api:45' --load-balancers '[{"containerName":"catalog","containerPort":9000,"targetGroupArn":"arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/catalog-api/1463700c5e276214"}]' --force-new-deployment >/dev/null
# UpdateService cannot remove the awsvpc network configuration it added, and the API reference does not say whether ECS accepts it beside a bridge or host mode task definition; if this rollback is refused, recreate the service from the inputs' describe-services output
E2F_UNDO

begin 50 'prod-core/catalog-api: Send the traffic to catalog-api-ip once its targets are healthy'
aws elbv2 wait target-in-service --region us-east-1 --profile "$PROFILE_123456789012" --target-group-arn "$s_123456789012_us_east_1_prod_core_catalog_api_tg1"
forward_weights us-east-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/catalog-api/1463700c5e276214' "$s_123456789012_us_east_1_prod_core_catalog_api_tg1" 0 1
aws elbv2 describe-target-health --region us-east-1 --profile "$PROFILE_123456789012" --target-group-arn "$s_123456789012_us_east_1_prod_core_catalog_api_tg1" --query 'TargetHealthDescriptions[?TargetHealth.State==`healthy`] | length(@)' --output text >/dev/null
finish 50 <<'E2F_UNDO'
forward_weights us-east-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/catalog-api/1463700c5e276214' "$s_123456789012_us_east_1_prod_core_catalog_api_tg1" 1 0
E2F_UNDO

begin 51 'prod-core/catalog-api: Wait for the deployment to finish'
aws ecs wait services-stable --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --services 'catalog-api'
aws ecs describe-services --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --services 'catalog-api' --query 'services[0].[runningCount,desiredCount]' --output text >/dev/null
finish 51 <<'E2F_UNDO'
# none: the step only waits
E2F_UNDO

begin 52 'prod-core/catalog-api: Take the old target group out of the listeners (catalog-api-ip only)'
forward_only us-east-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/catalog-api/1463700c5e276214' "$s_123456789012_us_east_1_prod_core_catalog_api_tg1"
forwards_to us-east-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/catalog-api/1463700c5e276214' "$s_123456789012_us_east_1_prod_core_catalog_api_tg1" >/dev/null
finish 52 <<'E2F_UNDO'
forward_weights us-east-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/catalog-api/1463700c5e276214' "$s_123456789012_us_east_1_prod_core_catalog_api_tg1" 1 0
E2F_UNDO

#### service prod-core/checkout-api (in place)

begin 53 'prod-core/checkout-api: Check the service is as planned'
[ "$(aws ecs describe-services --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --services 'checkout-api' --query 'services[0].[taskDefinition,length(deployments)]' --output text)" = 'arn:aws:ecs:us-east-1:123456789012:task-definition/checkout-api:212	1' ] || { echo 'service prod-core/checkout-api changed since the plan (task definition or a deployment in progress): rewrite it again' >&2; exit 1; }
finish 53 <<'E2F_UNDO'
# none: the step only checks
E2F_UNDO

begin 54 'prod-core/checkout-api: Register the Fargate task definition'
s_123456789012_us_east_1_prod_core_checkout_api_td=$(aws ecs register-task-definition --region us-east-1 --profile "$PROFILE_123456789012" --cli-input-json 'file://123456789012/us-east-1/checkout-api.taskdef.json' --query taskDefinition.taskDefinitionArn --output text)
aws ecs describe-task-definition --region us-east-1 --profile "$PROFILE_123456789012" --task-definition "$s_123456789012_us_east_1_prod_core_checkout_api_td" --query taskDefinition.status --output text >/dev/null
finish 54 <<'E2F_UNDO'
aws ecs deregister-task-definition --region us-east-1 --profile "$PROFILE_123456789012" --task-definition "$s_123456789012_us_east_1_prod_core_checkout_api_td" >/dev/null
E2F_UNDO

begin 55 'prod-core/checkout-api: Working copy of the service request'
cp '123456789012/us-east-1/prod-core.checkout-api.update-service.json' "$STATE/s_123456789012_us_east_1_prod_core_checkout_api.json"
finish 55 <<'E2F_UNDO'
E2F_UNDO

begin 56 'prod-core/checkout-api: Create target group checkout-api-ip'
s_123456789012_us_east_1_prod_core_checkout_api_tg1=$(aws elbv2 create-target-group --region us-east-1 --profile "$PROFILE_123456789012" --cli-input-json 'file://123456789012/us-east-1/prod-core.checkout-api.target-group.json' --query 'TargetGroups[0].TargetGroupArn' --output text)
sed -i.bak "s|arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/checkout-api-ip/REPLACE-ME|$s_123456789012_us_east_1_prod_core_checkout_api_tg1|g" "$STATE/s_123456789012_us_east_1_prod_core_checkout_api.json"
aws elbv2 describe-target-groups --region us-east-1 --profile "$PROFILE_123456789012" --target-group-arns "$s_123456789012_us_east_1_prod_core_checkout_api_tg1" --query 'TargetGroups[0].TargetType' --output text >/dev/null
finish 56 <<'E2F_UNDO'
aws elbv2 delete-target-group --region us-east-1 --profile "$PROFILE_123456789012" --target-group-arn "$s_123456789012_us_east_1_prod_core_checkout_api_tg1"
E2F_UNDO

begin 57 'prod-core/checkout-api: Put checkout-api-ip beside the old target group, at weight 0'
forward_weights us-east-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/checkout-api/d737056eff789f91' "$s_123456789012_us_east_1_prod_core_checkout_api_tg1" 1 0
forwards_to us-east-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/checkout-api/d737056eff789f91' "$s_123456789012_us_east_1_prod_core_checkout_api_tg1" >/dev/null
finish 57 <<'E2F_UNDO'
restore_forward us-east-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/checkout-api/d737056eff789f91'
E2F_UNDO

begin 58 'prod-core/checkout-api: Update the service to Fargate'
aws ecs update-service --region us-east-1 --profile "$PROFILE_123456789012" --cli-input-json "file://$STATE/s_123456789012_us_east_1_prod_core_checkout_api.json" --task-definition "$s_123456789012_us_east_1_prod_core_checkout_api_td" >/dev/null
aws ecs describe-services --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --services 'checkout-api' --query 'services[0].deployments[0].taskDefinition' --output text >/dev/null
finish 58 <<'E2F_UNDO'
# UpdateService moves a service back from a capacity provider strategy to its launch type when given an empty strategy (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html)
aws ecs update-service --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --service 'checkout-api' --capacity-provider-strategy '[]' --task-definition 'arn:aws:ecs:us-east-1:123456789012:task-definition/checkout-api:212' --load-balancers '[{"containerName":"api","containerPort":8080,"targetGroupArn":"arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/checkout-api/d737056eff789f91"}]' --force-new-deployment >/dev/null
# UpdateService cannot remove the awsvpc network configuration it added, and the API reference does not say whether ECS accepts it beside a bridge or host mode task definition; if this rollback is refused, recreate the service from the inputs' describe-services output
E2F_UNDO

begin 59 'prod-core/checkout-api: Send the traffic to checkout-api-ip once its targets are healthy'
aws elbv2 wait target-in-service --region us-east-1 --profile "$PROFILE_123456789012" --target-group-arn "$s_123456789012_us_east_1_prod_core_checkout_api_tg1"
forward_weights us-east-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/checkout-api/d737056eff789f91' "$s_123456789012_us_east_1_prod_core_checkout_api_tg1" 0 1
aws elbv2 describe-target-health --region us-east-1 --profile "$PROFILE_123456789012" --target-group-arn "$s_123456789012_us_east_1_prod_core_checkout_api_tg1" --query 'TargetHealthDescriptions[?TargetHealth.State==`healthy`] | length(@)' --output text >/dev/null
finish 59 <<'E2F_UNDO'
forward_weights us-east-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/checkout-api/d737056eff789f91' "$s_123456789012_us_east_1_prod_core_checkout_api_tg1" 1 0
E2F_UNDO

begin 60 'prod-core/checkout-api: Wait for the deployment to finish'
aws ecs wait services-stable --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --services 'checkout-api'
aws ecs describe-services --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --services 'checkout-api' --query 'services[0].[runningCount,desiredCount]' --output text >/dev/null
finish 60 <<'E2F_UNDO'
# none: the step only waits
E2F_UNDO

begin 61 'prod-core/checkout-api: Take the old target group out of the listeners (checkout-api-ip only)'
forward_only us-east-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/checkout-api/d737056eff789f91' "$s_123456789012_us_east_1_prod_core_checkout_api_tg1"
forwards_to us-east-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/checkout-api/d737056eff789f91' "$s_123456789012_us_east_1_prod_core_checkout_api_tg1" >/dev/null
finish 61 <<'E2F_UNDO'
forward_weights us-east-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/checkout-api/d737056eff789f91' "$s_123456789012_us_east_1_prod_core_checkout_api_tg1" 1 0
E2F_UNDO

#### service prod-core/cron-scheduler (in place)

begin 62 'prod-core/cron-scheduler: Check the service is as planned'
[ "$(aws ecs describe-services --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --services 'cron-scheduler' --query 'services[0].[taskDefinition,length(deployments)]' --output text)" = 'arn:aws:ecs:us-east-1:123456789012:task-definition/cron-scheduler:8	1' ] || { echo 'service prod-core/cron-scheduler changed since the plan (task definition or a deployment in progress): rewrite it again' >&2; exit 1; }
finish 62 <<'E2F_UNDO'
# none: the step only checks
E2F_UNDO

begin 63 'prod-core/cron-scheduler: Register the Fargate task definition'
s_123456789012_us_east_1_prod_core_cron_scheduler_td=$(aws ecs register-task-definition --region us-east-1 --profile "$PROFILE_123456789012" --cli-input-json 'file://123456789012/us-east-1/cron-scheduler.taskdef.json' --query taskDefinition.taskDefinitionArn --output text)
aws ecs describe-task-definition --region us-east-1 --profile "$PROFILE_123456789012" --task-definition "$s_123456789012_us_east_1_prod_core_cron_scheduler_td" --query taskDefinition.status --output text >/dev/null
finish 63 <<'E2F_UNDO'
aws ecs deregister-task-definition --region us-east-1 --profile "$PROFILE_123456789012" --task-definition "$s_123456789012_us_east_1_prod_core_cron_scheduler_td" >/dev/null
E2F_UNDO

begin 64 'prod-core/cron-scheduler: Working copy of the service request'
cp '123456789012/us-east-1/prod-core.cron-scheduler.update-service.json' "$STATE/s_123456789012_us_east_1_prod_core_cron_scheduler.json"
finish 64 <<'E2F_UNDO'
E2F_UNDO

begin 65 'prod-core/cron-scheduler: Update the service to Fargate'
aws ecs update-service --region us-east-1 --profile "$PROFILE_123456789012" --cli-input-json "file://$STATE/s_123456789012_us_east_1_prod_core_cron_scheduler.json" --task-definition "$s_123456789012_us_east_1_prod_core_cron_scheduler_td" >/dev/null
aws ecs describe-services --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --services 'cron-scheduler' --query 'services[0].deployments[0].taskDefinition' --output text >/dev/null
finish 65 <<'E2F_UNDO'
# UpdateService moves a service back from a capacity provider strategy to its launch type when given an empty strategy (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html)
aws ecs update-service --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --service 'cron-scheduler' --capacity-provider-strategy '[]' --task-definition 'arn:aws:ecs:us-east-1:123456789012:task-definition/cron-scheduler:8' --force-new-deployment >/dev/null
# UpdateService cannot remove the awsvpc network configuration it added, and the API reference does not say whether ECS accepts it beside a bridge or host mode task definition; if this rollback is refused, recreate the service from the inputs' describe-services output
E2F_UNDO

begin 66 'prod-core/cron-scheduler: Wait for the deployment to finish'
aws ecs wait services-stable --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --services 'cron-scheduler'
aws ecs describe-services --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --services 'cron-scheduler' --query 'services[0].[runningCount,desiredCount]' --output text >/dev/null
finish 66 <<'E2F_UNDO'
# none: the step only waits
E2F_UNDO

# prod-core/datadog-agent is not moved: no request was written: task definition datadog-agent:14 was not rewritten (see its remaining blockers), so the service has no Fargate revision to move to

#### service prod-core/image-resizer (in place)

begin 67 'prod-core/image-resizer: Check the service is as planned'
[ "$(aws ecs describe-services --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --services 'image-resizer' --query 'services[0].[taskDefinition,length(deployments)]' --output text)" = 'arn:aws:ecs:us-east-1:123456789012:task-definition/image-resizer:12	1' ] || { echo 'service prod-core/image-resizer changed since the plan (task definition or a deployment in progress): rewrite it again' >&2; exit 1; }
finish 67 <<'E2F_UNDO'
# none: the step only checks
E2F_UNDO

begin 68 'prod-core/image-resizer: Register the Fargate task definition'
s_123456789012_us_east_1_prod_core_image_resizer_td=$(aws ecs register-task-definition --region us-east-1 --profile "$PROFILE_123456789012" --cli-input-json 'file://123456789012/us-east-1/image-resizer.taskdef.json' --query taskDefinition.taskDefinitionArn --output text)
aws ecs describe-task-definition --region us-east-1 --profile "$PROFILE_123456789012" --task-definition "$s_123456789012_us_east_1_prod_core_image_resizer_td" --query taskDefinition.status --output text >/dev/null
finish 68 <<'E2F_UNDO'
aws ecs deregister-task-definition --region us-east-1 --profile "$PROFILE_123456789012" --task-definition "$s_123456789012_us_east_1_prod_core_image_resizer_td" >/dev/null
E2F_UNDO

begin 69 'prod-core/image-resizer: Working copy of the service request'
cp '123456789012/us-east-1/prod-core.image-resizer.update-service.json' "$STATE/s_123456789012_us_east_1_prod_core_image_resizer.json"
finish 69 <<'E2F_UNDO'
E2F_UNDO

begin 70 'prod-core/image-resizer: Update the service to Fargate'
aws ecs update-service --region us-east-1 --profile "$PROFILE_123456789012" --cli-input-json "file://$STATE/s_123456789012_us_east_1_prod_core_image_resizer.json" --task-definition "$s_123456789012_us_east_1_prod_core_image_resizer_td" >/dev/null
aws ecs describe-services --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --services 'image-resizer' --query 'services[0].deployments[0].taskDefinition' --output text >/dev/null
finish 70 <<'E2F_UNDO'
# UpdateService moves a service back from a capacity provider strategy to its launch type when given an empty strategy (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html)
aws ecs update-service --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --service 'image-resizer' --capacity-provider-strategy '[]' --task-definition 'arn:aws:ecs:us-east-1:123456789012:task-definition/image-resizer:12' --force-new-deployment >/dev/null
# UpdateService cannot remove the awsvpc network configuration it added, and the API reference does not say whether ECS accepts it beside a bridge or host mode task definition; if this rollback is refused, recreate the service from the inputs' describe-services output
E2F_UNDO

begin 71 'prod-core/image-resizer: Wait for the deployment to finish'
aws ecs wait services-stable --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --services 'image-resizer'
aws ecs describe-services --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --services 'image-resizer' --query 'services[0].[runningCount,desiredCount]' --output text >/dev/null
finish 71 <<'E2F_UNDO'
# none: the step only waits
E2F_UNDO

#### service prod-core/legacy-billing (in place)

begin 72 'prod-core/legacy-billing: Check the service is as planned'
[ "$(aws ecs describe-services --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --services 'legacy-billing' --query 'services[0].[taskDefinition,length(deployments)]' --output text)" = 'arn:aws:ecs:us-east-1:123456789012:task-definition/legacy-billing:31	1' ] || { echo 'service prod-core/legacy-billing changed since the plan (task definition or a deployment in progress): rewrite it again' >&2; exit 1; }
finish 72 <<'E2F_UNDO'
# none: the step only checks
E2F_UNDO

begin 73 'prod-core/legacy-billing: Register the Fargate task definition'
s_123456789012_us_east_1_prod_core_legacy_billing_td=$(aws ecs register-task-definition --region us-east-1 --profile "$PROFILE_123456789012" --cli-input-json 'file://123456789012/us-east-1/legacy-billing.taskdef.json' --query taskDefinition.taskDefinitionArn --output text)
aws ecs describe-task-definition --region us-east-1 --profile "$PROFILE_123456789012" --task-definition "$s_123456789012_us_east_1_prod_core_legacy_billing_td" --query taskDefinition.status --output text >/dev/null
finish 73 <<'E2F_UNDO'
aws ecs deregister-task-definition --region us-east-1 --profile "$PROFILE_123456789012" --task-definition "$s_123456789012_us_east_1_prod_core_legacy_billing_td" >/dev/null
E2F_UNDO

begin 74 'prod-core/legacy-billing: Working copy of the service request'
cp '123456789012/us-east-1/prod-core.legacy-billing.update-service.json' "$STATE/s_123456789012_us_east_1_prod_core_legacy_billing.json"
finish 74 <<'E2F_UNDO'
E2F_UNDO

begin 75 'prod-core/legacy-billing: Update the service to Fargate'
aws ecs update-service --region us-east-1 --profile "$PROFILE_123456789012" --cli-input-json "file://$STATE/s_123456789012_us_east_1_prod_core_legacy_billing.json" --task-definition "$s_123456789012_us_east_1_prod_core_legacy_billing_td" >/dev/null
aws ecs describe-services --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --services 'legacy-billing' --query 'services[0].deployments[0].taskDefinition' --output text >/dev/null
finish 75 <<'E2F_UNDO'
# UpdateService moves a service back from a capacity provider strategy to its launch type when given an empty strategy (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html)
aws ecs update-service --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --service 'legacy-billing' --capacity-provider-strategy '[]' --task-definition 'arn:aws:ecs:us-east-1:123456789012:task-definition/legacy-billing:31' --force-new-deployment >/dev/null
# UpdateService cannot remove the awsvpc network configuration it added, and the API reference does not say whether ECS accepts it beside a bridge or host mode task definition; if this rollback is refused, recreate the service from the inputs' describe-services output
E2F_UNDO

begin 76 'prod-core/legacy-billing: Wait for the deployment to finish'
aws ecs wait services-stable --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --services 'legacy-billing'
aws ecs describe-services --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --services 'legacy-billing' --query 'services[0].[runningCount,desiredCount]' --output text >/dev/null
finish 76 <<'E2F_UNDO'
# none: the step only waits
E2F_UNDO

# prod-core/legacy-crm is not moved: no request was written: task definition legacy-crm:9 was not rewritten (see its remaining blockers), so the service has no Fargate revision to move to

# prod-core/node-exporter is not moved: no request was written: task definition node-exporter:6 was not rewritten (see its remaining blockers), so the service has no Fargate revision to move to

# prod-core/notifications-worker is not moved: already on Fargate: nothing to move

#### service prod-core/orders-worker (in place)

begin 77 'prod-core/orders-worker: Check the service is as planned'
[ "$(aws ecs describe-services --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --services 'orders-worker' --query 'services[0].[taskDefinition,length(deployments)]' --output text)" = 'arn:aws:ecs:us-east-1:123456789012:task-definition/orders-worker:58	1' ] || { echo 'service prod-core/orders-worker changed since the plan (task definition or a deployment in progress): rewrite it again' >&2; exit 1; }
finish 77 <<'E2F_UNDO'
# none: the step only checks
E2F_UNDO

begin 78 'prod-core/orders-worker: Register the Fargate task definition'
s_123456789012_us_east_1_prod_core_orders_worker_td=$(aws ecs register-task-definition --region us-east-1 --profile "$PROFILE_123456789012" --cli-input-json 'file://123456789012/us-east-1/orders-worker.taskdef.json' --query taskDefinition.taskDefinitionArn --output text)
aws ecs describe-task-definition --region us-east-1 --profile "$PROFILE_123456789012" --task-definition "$s_123456789012_us_east_1_prod_core_orders_worker_td" --query taskDefinition.status --output text >/dev/null
finish 78 <<'E2F_UNDO'
aws ecs deregister-task-definition --region us-east-1 --profile "$PROFILE_123456789012" --task-definition "$s_123456789012_us_east_1_prod_core_orders_worker_td" >/dev/null
E2F_UNDO

begin 79 'prod-core/orders-worker: Working copy of the service request'
cp '123456789012/us-east-1/prod-core.orders-worker.update-service.json' "$STATE/s_123456789012_us_east_1_prod_core_orders_worker.json"
finish 79 <<'E2F_UNDO'
E2F_UNDO

begin 80 'prod-core/orders-worker: Update the service to Fargate'
aws ecs update-service --region us-east-1 --profile "$PROFILE_123456789012" --cli-input-json "file://$STATE/s_123456789012_us_east_1_prod_core_orders_worker.json" --task-definition "$s_123456789012_us_east_1_prod_core_orders_worker_td" >/dev/null
aws ecs describe-services --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --services 'orders-worker' --query 'services[0].deployments[0].taskDefinition' --output text >/dev/null
finish 80 <<'E2F_UNDO'
# UpdateService moves a service back from a capacity provider strategy to its launch type when given an empty strategy (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html)
aws ecs update-service --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --service 'orders-worker' --capacity-provider-strategy '[]' --task-definition 'arn:aws:ecs:us-east-1:123456789012:task-definition/orders-worker:58' --force-new-deployment >/dev/null
# UpdateService cannot remove the awsvpc network configuration it added, and the API reference does not say whether ECS accepts it beside a bridge or host mode task definition; if this rollback is refused, recreate the service from the inputs' describe-services output
E2F_UNDO

begin 81 'prod-core/orders-worker: Wait for the deployment to finish'
aws ecs wait services-stable --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --services 'orders-worker'
aws ecs describe-services --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --services 'orders-worker' --query 'services[0].[runningCount,desiredCount]' --output text >/dev/null
finish 81 <<'E2F_UNDO'
# none: the step only waits
E2F_UNDO

# prod-core/payments-api is not moved: already on Fargate: nothing to move

#### service prod-core/reporting-api (in place)

begin 82 'prod-core/reporting-api: Check the service is as planned'
[ "$(aws ecs describe-services --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --services 'reporting-api' --query 'services[0].[taskDefinition,length(deployments)]' --output text)" = 'arn:aws:ecs:us-east-1:123456789012:task-definition/reporting-api:19	1' ] || { echo 'service prod-core/reporting-api changed since the plan (task definition or a deployment in progress): rewrite it again' >&2; exit 1; }
finish 82 <<'E2F_UNDO'
# none: the step only checks
E2F_UNDO

begin 83 'prod-core/reporting-api: Register the Fargate task definition'
s_123456789012_us_east_1_prod_core_reporting_api_td=$(aws ecs register-task-definition --region us-east-1 --profile "$PROFILE_123456789012" --cli-input-json 'file://123456789012/us-east-1/reporting-api.taskdef.json' --query taskDefinition.taskDefinitionArn --output text)
aws ecs describe-task-definition --region us-east-1 --profile "$PROFILE_123456789012" --task-definition "$s_123456789012_us_east_1_prod_core_reporting_api_td" --query taskDefinition.status --output text >/dev/null
finish 83 <<'E2F_UNDO'
aws ecs deregister-task-definition --region us-east-1 --profile "$PROFILE_123456789012" --task-definition "$s_123456789012_us_east_1_prod_core_reporting_api_td" >/dev/null
E2F_UNDO

begin 84 'prod-core/reporting-api: Working copy of the service request'
cp '123456789012/us-east-1/prod-core.reporting-api.update-service.json' "$STATE/s_123456789012_us_east_1_prod_core_reporting_api.json"
finish 84 <<'E2F_UNDO'
E2F_UNDO

begin 85 'prod-core/reporting-api: Update the service to Fargate'
aws ecs update-service --region us-east-1 --profile "$PROFILE_123456789012" --cli-input-json "file://$STATE/s_123456789012_us_east_1_prod_core_reporting_api.json" --task-definition "$s_123456789012_us_east_1_prod_core_reporting_api_td" >/dev/null
aws ecs describe-services --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --services 'reporting-api' --query 'services[0].deployments[0].taskDefinition' --output text >/dev/null
finish 85 <<'E2F_UNDO'
# UpdateService moves a service back from a capacity provider strategy to its launch type when given an empty strategy (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html)
aws ecs update-service --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --service 'reporting-api' --capacity-provider-strategy '[]' --task-definition 'arn:aws:ecs:us-east-1:123456789012:task-definition/reporting-api:19' --force-new-deployment >/dev/null
# UpdateService cannot remove the awsvpc network configuration it added, and the API reference does not say whether ECS accepts it beside a bridge or host mode task definition; if this rollback is refused, recreate the service from the inputs' describe-services output
E2F_UNDO

begin 86 'prod-core/reporting-api: Wait for the deployment to finish'
aws ecs wait services-stable --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --services 'reporting-api'
aws ecs describe-services --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --services 'reporting-api' --query 'services[0].[runningCount,desiredCount]' --output text >/dev/null
finish 86 <<'E2F_UNDO'
# none: the step only waits
E2F_UNDO

#### service prod-core/search-indexer (in place)

begin 87 'prod-core/search-indexer: Check the service is as planned'
[ "$(aws ecs describe-services --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --services 'search-indexer' --query 'services[0].[taskDefinition,length(deployments)]' --output text)" = 'arn:aws:ecs:us-east-1:123456789012:task-definition/search-indexer:17	1' ] || { echo 'service prod-core/search-indexer changed since the plan (task definition or a deployment in progress): rewrite it again' >&2; exit 1; }
finish 87 <<'E2F_UNDO'
# none: the step only checks
E2F_UNDO

begin 88 'prod-core/search-indexer: Register the Fargate task definition'
s_123456789012_us_east_1_prod_core_search_indexer_td=$(aws ecs register-task-definition --region us-east-1 --profile "$PROFILE_123456789012" --cli-input-json 'file://123456789012/us-east-1/search-indexer.taskdef.json' --query taskDefinition.taskDefinitionArn --output text)
aws ecs describe-task-definition --region us-east-1 --profile "$PROFILE_123456789012" --task-definition "$s_123456789012_us_east_1_prod_core_search_indexer_td" --query taskDefinition.status --output text >/dev/null
finish 88 <<'E2F_UNDO'
aws ecs deregister-task-definition --region us-east-1 --profile "$PROFILE_123456789012" --task-definition "$s_123456789012_us_east_1_prod_core_search_indexer_td" >/dev/null
E2F_UNDO

begin 89 'prod-core/search-indexer: Working copy of the service request'
cp '123456789012/us-east-1/prod-core.search-indexer.update-service.json' "$STATE/s_123456789012_us_east_1_prod_core_search_indexer.json"
finish 89 <<'E2F_UNDO'
E2F_UNDO

begin 90 'prod-core/search-indexer: Update the service to Fargate'
aws ecs update-service --region us-east-1 --profile "$PROFILE_123456789012" --cli-input-json "file://$STATE/s_123456789012_us_east_1_prod_core_search_indexer.json" --task-definition "$s_123456789012_us_east_1_prod_core_search_indexer_td" >/dev/null
aws ecs describe-services --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --services 'search-indexer' --query 'services[0].deployments[0].taskDefinition' --output text >/dev/null
finish 90 <<'E2F_UNDO'
# UpdateService moves a service back from a capacity provider strategy to its launch type when given an empty strategy (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html)
aws ecs update-service --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --service 'search-indexer' --capacity-provider-strategy '[]' --task-definition 'arn:aws:ecs:us-east-1:123456789012:task-definition/search-indexer:17' --force-new-deployment >/dev/null
# UpdateService cannot remove the awsvpc network configuration it added, and the API reference does not say whether ECS accepts it beside a bridge or host mode task definition; if this rollback is refused, recreate the service from the inputs' describe-services output
E2F_UNDO

begin 91 'prod-core/search-indexer: Wait for the deployment to finish'
aws ecs wait services-stable --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --services 'search-indexer'
aws ecs describe-services --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --services 'search-indexer' --query 'services[0].[runningCount,desiredCount]' --output text >/dev/null
finish 91 <<'E2F_UNDO'
# none: the step only waits
E2F_UNDO

#### service prod-core/session-cache (in place)

begin 92 'prod-core/session-cache: Check the service is as planned'
[ "$(aws ecs describe-services --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --services 'session-cache' --query 'services[0].[taskDefinition,length(deployments)]' --output text)" = 'arn:aws:ecs:us-east-1:123456789012:task-definition/session-cache:4	1' ] || { echo 'service prod-core/session-cache changed since the plan (task definition or a deployment in progress): rewrite it again' >&2; exit 1; }
finish 92 <<'E2F_UNDO'
# none: the step only checks
E2F_UNDO

begin 93 'prod-core/session-cache: Register the Fargate task definition'
s_123456789012_us_east_1_prod_core_session_cache_td=$(aws ecs register-task-definition --region us-east-1 --profile "$PROFILE_123456789012" --cli-input-json 'file://123456789012/us-east-1/session-cache.taskdef.json' --query taskDefinition.taskDefinitionArn --output text)
aws ecs describe-task-definition --region us-east-1 --profile "$PROFILE_123456789012" --task-definition "$s_123456789012_us_east_1_prod_core_session_cache_td" --query taskDefinition.status --output text >/dev/null
finish 93 <<'E2F_UNDO'
aws ecs deregister-task-definition --region us-east-1 --profile "$PROFILE_123456789012" --task-definition "$s_123456789012_us_east_1_prod_core_session_cache_td" >/dev/null
E2F_UNDO

begin 94 'prod-core/session-cache: Working copy of the service request'
cp '123456789012/us-east-1/prod-core.session-cache.update-service.json' "$STATE/s_123456789012_us_east_1_prod_core_session_cache.json"
finish 94 <<'E2F_UNDO'
E2F_UNDO

begin 95 'prod-core/session-cache: Update the service to Fargate'
aws ecs update-service --region us-east-1 --profile "$PROFILE_123456789012" --cli-input-json "file://$STATE/s_123456789012_us_east_1_prod_core_session_cache.json" --task-definition "$s_123456789012_us_east_1_prod_core_session_cache_td" >/dev/null
aws ecs describe-services --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --services 'session-cache' --query 'services[0].deployments[0].taskDefinition' --output text >/dev/null
finish 95 <<'E2F_UNDO'
# UpdateService moves a service back from a capacity provider strategy to its launch type when given an empty strategy (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html)
aws ecs update-service --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --service 'session-cache' --capacity-provider-strategy '[]' --task-definition 'arn:aws:ecs:us-east-1:123456789012:task-definition/session-cache:4' --force-new-deployment >/dev/null
# UpdateService cannot remove the awsvpc network configuration it added, and the API reference does not say whether ECS accepts it beside a bridge or host mode task definition; if this rollback is refused, recreate the service from the inputs' describe-services output
E2F_UNDO

begin 96 'prod-core/session-cache: Wait for the deployment to finish'
aws ecs wait services-stable --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --services 'session-cache'
aws ecs describe-services --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --services 'session-cache' --query 'services[0].[runningCount,desiredCount]' --output text >/dev/null
finish 96 <<'E2F_UNDO'
# none: the step only waits
E2F_UNDO

#### service prod-core/storefront-web (in place)

begin 97 'prod-core/storefront-web: Check the service is as planned'
[ "$(aws ecs describe-services --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --services 'storefront-web' --query 'services[0].[taskDefinition,length(deployments)]' --output text)" = 'arn:aws:ecs:us-east-1:123456789012:task-definition/storefront-web:87	1' ] || { echo 'service prod-core/storefront-web changed since the plan (task definition or a deployment in progress): rewrite it again' >&2; exit 1; }
finish 97 <<'E2F_UNDO'
# none: the step only checks
E2F_UNDO

begin 98 'prod-core/storefront-web: Register the Fargate task definition'
s_123456789012_us_east_1_prod_core_storefront_web_td=$(aws ecs register-task-definition --region us-east-1 --profile "$PROFILE_123456789012" --cli-input-json 'file://123456789012/us-east-1/storefront-web.taskdef.json' --query taskDefinition.taskDefinitionArn --output text)
aws ecs describe-task-definition --region us-east-1 --profile "$PROFILE_123456789012" --task-definition "$s_123456789012_us_east_1_prod_core_storefront_web_td" --query taskDefinition.status --output text >/dev/null
finish 98 <<'E2F_UNDO'
aws ecs deregister-task-definition --region us-east-1 --profile "$PROFILE_123456789012" --task-definition "$s_123456789012_us_east_1_prod_core_storefront_web_td" >/dev/null
E2F_UNDO

begin 99 'prod-core/storefront-web: Working copy of the service request'
cp '123456789012/us-east-1/prod-core.storefront-web.update-service.json' "$STATE/s_123456789012_us_east_1_prod_core_storefront_web.json"
finish 99 <<'E2F_UNDO'
E2F_UNDO

begin 100 'prod-core/storefront-web: Create target group storefront-web-ip'
s_123456789012_us_east_1_prod_core_storefront_web_tg1=$(aws elbv2 create-target-group --region us-east-1 --profile "$PROFILE_123456789012" --cli-input-json 'file://123456789012/us-east-1/prod-core.storefront-web.target-group.json' --query 'TargetGroups[0].TargetGroupArn' --output text)
sed -i.bak "s|arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/storefront-web-ip/REPLACE-ME|$s_123456789012_us_east_1_prod_core_storefront_web_tg1|g" "$STATE/s_123456789012_us_east_1_prod_core_storefront_web.json"
aws elbv2 describe-target-groups --region us-east-1 --profile "$PROFILE_123456789012" --target-group-arns "$s_123456789012_us_east_1_prod_core_storefront_web_tg1" --query 'TargetGroups[0].TargetType' --output text >/dev/null
finish 100 <<'E2F_UNDO'
aws elbv2 delete-target-group --region us-east-1 --profile "$PROFILE_123456789012" --target-group-arn "$s_123456789012_us_east_1_prod_core_storefront_web_tg1"
E2F_UNDO

begin 101 'prod-core/storefront-web: Put storefront-web-ip beside the old target group, at weight 0'
forward_weights us-east-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/storefront-web/1729640e7b26d8f4' "$s_123456789012_us_east_1_prod_core_storefront_web_tg1" 1 0
forwards_to us-east-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/storefront-web/1729640e7b26d8f4' "$s_123456789012_us_east_1_prod_core_storefront_web_tg1" >/dev/null
finish 101 <<'E2F_UNDO'
restore_forward us-east-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/storefront-web/1729640e7b26d8f4'
E2F_UNDO

begin 102 'prod-core/storefront-web: Update the service to Fargate'
aws ecs update-service --region us-east-1 --profile "$PROFILE_123456789012" --cli-input-json "file://$STATE/s_123456789012_us_east_1_prod_core_storefront_web.json" --task-definition "$s_123456789012_us_east_1_prod_core_storefront_web_td" >/dev/null
aws ecs describe-services --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --services 'storefront-web' --query 'services[0].deployments[0].taskDefinition' --output text >/dev/null
finish 102 <<'E2F_UNDO'
# UpdateService moves a service back from a capacity provider strategy to its launch type when given an empty strategy (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html)
aws ecs update-service --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --service 'storefront-web' --capacity-provider-strategy '[]' --task-definition 'arn:aws:ecs:us-east-1:123456789012:task-definition/storefront-web:87' --load-balancers '[{"containerName":"web","containerPort":3000,"targetGroupArn":"arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/storefront-web/1729640e7b26d8f4"}]' --force-new-deployment >/dev/null
# UpdateService cannot remove the awsvpc network configuration it added, and the API reference does not say whether ECS accepts it beside a bridge or host mode task definition; if this rollback is refused, recreate the service from the inputs' describe-services output
E2F_UNDO

begin 103 'prod-core/storefront-web: Send the traffic to storefront-web-ip once its targets are healthy'
aws elbv2 wait target-in-service --region us-east-1 --profile "$PROFILE_123456789012" --target-group-arn "$s_123456789012_us_east_1_prod_core_storefront_web_tg1"
forward_weights us-east-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/storefront-web/1729640e7b26d8f4' "$s_123456789012_us_east_1_prod_core_storefront_web_tg1" 0 1
aws elbv2 describe-target-health --region us-east-1 --profile "$PROFILE_123456789012" --target-group-arn "$s_123456789012_us_east_1_prod_core_storefront_web_tg1" --query 'TargetHealthDescriptions[?TargetHealth.State==`healthy`] | length(@)' --output text >/dev/null
finish 103 <<'E2F_UNDO'
forward_weights us-east-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/storefront-web/1729640e7b26d8f4' "$s_123456789012_us_east_1_prod_core_storefront_web_tg1" 1 0
E2F_UNDO

begin 104 'prod-core/storefront-web: Wait for the deployment to finish'
aws ecs wait services-stable --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --services 'storefront-web'
aws ecs describe-services --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'prod-core' --services 'storefront-web' --query 'services[0].[runningCount,desiredCount]' --output text >/dev/null
finish 104 <<'E2F_UNDO'
# none: the step only waits
E2F_UNDO

begin 105 'prod-core/storefront-web: Take the old target group out of the listeners (storefront-web-ip only)'
forward_only us-east-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/storefront-web/1729640e7b26d8f4' "$s_123456789012_us_east_1_prod_core_storefront_web_tg1"
forwards_to us-east-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/storefront-web/1729640e7b26d8f4' "$s_123456789012_us_east_1_prod_core_storefront_web_tg1" >/dev/null
finish 105 <<'E2F_UNDO'
forward_weights us-east-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/storefront-web/1729640e7b26d8f4' "$s_123456789012_us_east_1_prod_core_storefront_web_tg1" 1 0
E2F_UNDO

# windows-apps/hr-batch is not moved: no request was written: task definition hr-batch:5 was not rewritten (see its remaining blockers), so the service has no Fargate revision to move to

#### service windows-apps/intranet-iis (in place)

begin 106 'windows-apps/intranet-iis: Check the service is as planned'
[ "$(aws ecs describe-services --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'windows-apps' --services 'intranet-iis' --query 'services[0].[taskDefinition,length(deployments)]' --output text)" = 'arn:aws:ecs:us-east-1:123456789012:task-definition/intranet-iis:33	1' ] || { echo 'service windows-apps/intranet-iis changed since the plan (task definition or a deployment in progress): rewrite it again' >&2; exit 1; }
finish 106 <<'E2F_UNDO'
# none: the step only checks
E2F_UNDO

begin 107 'windows-apps/intranet-iis: Register the Fargate task definition'
s_123456789012_us_east_1_windows_apps_intranet_iis_td=$(aws ecs register-task-definition --region us-east-1 --profile "$PROFILE_123456789012" --cli-input-json 'file://123456789012/us-east-1/intranet-iis.taskdef.json' --query taskDefinition.taskDefinitionArn --output text)
aws ecs describe-task-definition --region us-east-1 --profile "$PROFILE_123456789012" --task-definition "$s_123456789012_us_east_1_windows_apps_intranet_iis_td" --query taskDefinition.status --output text >/dev/null
finish 107 <<'E2F_UNDO'
aws ecs deregister-task-definition --region us-east-1 --profile "$PROFILE_123456789012" --task-definition "$s_123456789012_us_east_1_windows_apps_intranet_iis_td" >/dev/null
E2F_UNDO

begin 108 'windows-apps/intranet-iis: Working copy of the service request'
cp '123456789012/us-east-1/windows-apps.intranet-iis.update-service.json' "$STATE/s_123456789012_us_east_1_windows_apps_intranet_iis.json"
finish 108 <<'E2F_UNDO'
E2F_UNDO

begin 109 'windows-apps/intranet-iis: Create target group intranet-iis-ip'
s_123456789012_us_east_1_windows_apps_intranet_iis_tg1=$(aws elbv2 create-target-group --region us-east-1 --profile "$PROFILE_123456789012" --cli-input-json 'file://123456789012/us-east-1/windows-apps.intranet-iis.target-group.json' --query 'TargetGroups[0].TargetGroupArn' --output text)
sed -i.bak "s|arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/intranet-iis-ip/REPLACE-ME|$s_123456789012_us_east_1_windows_apps_intranet_iis_tg1|g" "$STATE/s_123456789012_us_east_1_windows_apps_intranet_iis.json"
aws elbv2 describe-target-groups --region us-east-1 --profile "$PROFILE_123456789012" --target-group-arns "$s_123456789012_us_east_1_windows_apps_intranet_iis_tg1" --query 'TargetGroups[0].TargetType' --output text >/dev/null
finish 109 <<'E2F_UNDO'
aws elbv2 delete-target-group --region us-east-1 --profile "$PROFILE_123456789012" --target-group-arn "$s_123456789012_us_east_1_windows_apps_intranet_iis_tg1"
E2F_UNDO

begin 110 'windows-apps/intranet-iis: Put intranet-iis-ip beside the old target group, at weight 0'
forward_weights us-east-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/intranet-iis/1f0c5762acc25edc' "$s_123456789012_us_east_1_windows_apps_intranet_iis_tg1" 1 0
forwards_to us-east-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/intranet-iis/1f0c5762acc25edc' "$s_123456789012_us_east_1_windows_apps_intranet_iis_tg1" >/dev/null
finish 110 <<'E2F_UNDO'
restore_forward us-east-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/intranet-iis/1f0c5762acc25edc'
E2F_UNDO

begin 111 'windows-apps/intranet-iis: Update the service to Fargate'
aws ecs update-service --region us-east-1 --profile "$PROFILE_123456789012" --cli-input-json "file://$STATE/s_123456789012_us_east_1_windows_apps_intranet_iis.json" --task-definition "$s_123456789012_us_east_1_windows_apps_intranet_iis_td" >/dev/null
aws ecs describe-services --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'windows-apps' --services 'intranet-iis' --query 'services[0].deployments[0].taskDefinition' --output text >/dev/null
finish 111 <<'E2F_UNDO'
# UpdateService moves a service back from a capacity provider strategy to its launch type when given an empty strategy (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html)
aws ecs update-service --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'windows-apps' --service 'intranet-iis' --capacity-provider-strategy '[]' --task-definition 'arn:aws:ecs:us-east-1:123456789012:task-definition/intranet-iis:33' --load-balancers '[{"containerName":"iis","containerPort":80,"targetGroupArn":"arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/intranet-iis/1f0c5762acc25edc"}]' --force-new-deployment >/dev/null
# UpdateService cannot remove the awsvpc network configuration it added, and the API reference does not say whether ECS accepts it beside a bridge or host mode task definition; if this rollback is refused, recreate the service from the inputs' describe-services output
E2F_UNDO

begin 112 'windows-apps/intranet-iis: Send the traffic to intranet-iis-ip once its targets are healthy'
aws elbv2 wait target-in-service --region us-east-1 --profile "$PROFILE_123456789012" --target-group-arn "$s_123456789012_us_east_1_windows_apps_intranet_iis_tg1"
forward_weights us-east-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/intranet-iis/1f0c5762acc25edc' "$s_123456789012_us_east_1_windows_apps_intranet_iis_tg1" 0 1
aws elbv2 describe-target-health --region us-east-1 --profile "$PROFILE_123456789012" --target-group-arn "$s_123456789012_us_east_1_windows_apps_intranet_iis_tg1" --query 'TargetHealthDescriptions[?TargetHealth.State==`healthy`] | length(@)' --output text >/dev/null
finish 112 <<'E2F_UNDO'
forward_weights us-east-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/intranet-iis/1f0c5762acc25edc' "$s_123456789012_us_east_1_windows_apps_intranet_iis_tg1" 1 0
E2F_UNDO

begin 113 'windows-apps/intranet-iis: Wait for the deployment to finish'
aws ecs wait services-stable --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'windows-apps' --services 'intranet-iis'
aws ecs describe-services --region us-east-1 --profile "$PROFILE_123456789012" --cluster 'windows-apps' --services 'intranet-iis' --query 'services[0].[runningCount,desiredCount]' --output text >/dev/null
finish 113 <<'E2F_UNDO'
# none: the step only waits
E2F_UNDO

begin 114 'windows-apps/intranet-iis: Take the old target group out of the listeners (intranet-iis-ip only)'
forward_only us-east-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/intranet-iis/1f0c5762acc25edc' "$s_123456789012_us_east_1_windows_apps_intranet_iis_tg1"
forwards_to us-east-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/intranet-iis/1f0c5762acc25edc' "$s_123456789012_us_east_1_windows_apps_intranet_iis_tg1" >/dev/null
finish 114 <<'E2F_UNDO'
forward_weights us-east-1 "$PROFILE_123456789012" 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/intranet-iis/1f0c5762acc25edc' "$s_123456789012_us_east_1_windows_apps_intranet_iis_tg1" 1 0
E2F_UNDO

echo 'runbook.sh: every step done. The old target groups are still there: delete them once you are sure (RUNBOOK.md).'
