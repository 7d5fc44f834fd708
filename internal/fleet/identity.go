package fleet

import (
	"cmp"
	"strings"
)

// Identity is the AWS account and region an object lives in. Names are
// unique only within one account and region: two regions holding a cluster
// called prod-core hold two clusters, and prod-core's task definition
// web:3 in us-east-1 is not web:3 in us-west-2. An empty field is unknown.
type Identity struct {
	Account string `json:"account"`
	Region  string `json:"region"`
}

// IdentityOf reads the account and region from an ARN; both are empty when
// s is not an ARN (a plain name, or the register-task-definition shape).
func IdentityOf(arn string) Identity {
	a, ok := ParseARN(arn)
	if !ok {
		return Identity{}
	}
	return Identity{Account: a.Account, Region: a.Region}
}

// IsZero reports whether neither the account nor the region is known.
func (id Identity) IsZero() bool { return id.Account == "" && id.Region == "" }

// String is "ACCOUNT/REGION", with "unknown-account" or "unknown-region"
// for a part the inputs did not say.
func (id Identity) String() string {
	return cmp.Or(id.Account, "unknown-account") + "/" + cmp.Or(id.Region, "unknown-region")
}

// or fills the parts id does not know from def.
func (id Identity) or(def Identity) Identity {
	if id.Account == "" {
		id.Account = def.Account
	}
	if id.Region == "" {
		id.Region = def.Region
	}
	return id
}

// matches lists the identities a reference made from id may resolve to,
// most specific first: an object whose input named no account (an EC2
// instance from a snapshot, an ECR image) or no region (describe-images)
// still links, but never across two known, different accounts or regions.
// They come in an array, not a slice: lookups run per service and rule,
// and a slice would be a heap allocation each time.
func (id Identity) matches() (out [4]Identity, n int) {
	out[0], n = id, 1
	for _, m := range [3]Identity{{Region: id.Region}, {Account: id.Account}, {}} {
		if m != out[n-1] && m != id {
			out[n] = m
			n++
		}
	}
	return out, n
}

// firstIdentity is the identity of the first ARN in arns that is one.
func firstIdentity(arns ...string) Identity {
	for _, a := range arns {
		if id := IdentityOf(a); !id.IsZero() {
			return id
		}
	}
	return Identity{}
}

// RegionOfZone turns an Availability Zone name into its region:
// "us-east-1a" → "us-east-1", and a Local Zone such as "us-west-2-lax-1a"
// → "us-west-2" (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-regions-availability-zones.html).
func RegionOfZone(zone string) string {
	parts := strings.Split(zone, "-")
	for i, p := range parts {
		if i < 2 || p == "" || p[0] < '0' || p[0] > '9' {
			continue
		}
		digits := strings.TrimRight(p, "abcdefghijklmnopqrstuvwxyz")
		return strings.Join(parts[:i], "-") + "-" + digits
	}
	return ""
}

// key is a name scoped to an account and region: the key of every lookup.
type key struct {
	id   Identity
	name string
}

// find looks name up under id, then under the identities id may resolve to
// when an input did not say its account or region (see matches).
func find[T any](m map[key]T, id Identity, name string) (T, bool) {
	ids, n := id.matches()
	for _, c := range ids[:n] {
		if v, ok := m[key{c, name}]; ok {
			return v, true
		}
	}
	var zero T
	return zero, false
}

// less orders identities by account, then region.
func (id Identity) less(o Identity) bool {
	if id.Account != o.Account {
		return id.Account < o.Account
	}
	return id.Region < o.Region
}
