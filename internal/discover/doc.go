// Package discover reads a live AWS estate — accounts × regions × clusters —
// into the fleet model through aws-sdk-go-v2. It is the only package that
// reads AWS. Every list call is paginated, every describe call batched to
// its documented maximum, requests are rate-limited per account, region
// and service, and a failure on one part of the estate becomes a Gap while
// the rest is still read.
package discover
