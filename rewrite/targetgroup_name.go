package rewrite

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// maxTargetGroupName is ELBv2's limit on target group names.
const maxTargetGroupName = 32

// ipTargetGroupName derives the name of the ip target group that replaces
// the one named old (ARN arn): old + "-ip" when that fits in 32
// characters, else old cut short plus six hex digits of the ARN's SHA-256,
// so two long names with the same start still get different names. Only
// letters, digits and hyphens are kept, and no hyphen starts or ends it.
func ipTargetGroupName(old, arn string) string {
	base := strings.Trim(sanitizeTargetGroupName(old), "-")
	if base == "" {
		base = "tg"
	}
	const suffix = "-ip"
	if len(base)+len(suffix) <= maxTargetGroupName {
		return base + suffix
	}
	sum := sha256.Sum256([]byte(arn))
	tag := "-" + hex.EncodeToString(sum[:])[:6]
	cut := strings.TrimRight(base[:maxTargetGroupName-len(suffix)-len(tag)], "-")
	return cut + tag + suffix
}

func sanitizeTargetGroupName(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' {
			return r
		}
		return '-'
	}, s)
}

// targetGroupNameFromARN is the name part of a target group ARN
// (…:targetgroup/NAME/ID).
func targetGroupNameFromARN(arn string) string {
	a, ok := fleet.ParseARN(arn)
	if !ok {
		return ""
	}
	parts := strings.Split(a.Resource, "/")
	if len(parts) >= 2 && parts[0] == "targetgroup" {
		return parts[1]
	}
	return ""
}

// placeholderTargetGroupARN stands for the ARN create-target-group will
// return; it keeps the old ARN's partition, Region and account, names the
// new group, and ends in REPLACE-ME where AWS puts the group's id.
func placeholderTargetGroupARN(oldARN, name string) string {
	a, ok := fleet.ParseARN(oldARN)
	if !ok {
		a = fleet.ARN{Partition: "aws", Region: "REGION", Account: "ACCOUNT"}
	}
	return "arn:" + a.Partition + ":elasticloadbalancing:" + a.Region + ":" + a.Account + ":targetgroup/" + name + "/" + placeholderID
}

// placeholderID marks the id part of a target group ARN that only exists
// once the group is created.
const placeholderID = "REPLACE-ME"
