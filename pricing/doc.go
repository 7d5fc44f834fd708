// Package pricing holds the price book (an embedded default, refreshable
// from the AWS Price List) and the cost model that compares what services
// cost on EC2 container instances with what they would cost on Fargate.
//
// Money is shopspring/decimal end to end; nothing is rounded here. A price
// that is not in the book is unknown, never zero: Money carries the reason,
// and a sum with an unknown part is itself unknown and names that part.
package pricing
