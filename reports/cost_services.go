package reports

import (
	"iter"

	"github.com/ecs2fargate/ecs2fargate/pricing"
)

// costServices are a cost report's service rows, kept as the comparison's
// services and the few figures the cluster split decides (costSplit); a
// row is made when it is rendered and dropped after, so a report of
// 100,000 services never holds 100,000 rows of rounded amounts (issue 17).
type costServices struct {
	src   []*pricing.ServiceCost
	split []costSplit // by index in src
}

// costSplit is what the cluster's largest-remainder rounding decided for
// one service: its EC2 share as billed, under each option's commitment,
// and its cost after the move (clusterRow).
type costSplit struct {
	ec2     Amount
	ec2Side FargateAmounts
	after   FargateAmounts
}

// ServiceCount is the number of service rows.
func (c *Cost) ServiceCount() int { return len(c.services.src) }

// Service is the i-th service row, made afresh.
func (c *Cost) Service(i int) ServiceCostRow {
	r := serviceRow(c.services.src[i])
	sp := &c.services.split[i]
	r.EC2Monthly, r.EC2ByOptionMonthly, r.AfterMoveMonthly = sp.ec2, sp.ec2Side, sp.after
	r.addSavingsAndYearly()
	return r
}

// Services yields every service row in order, each made as it is asked for.
func (c *Cost) Services() iter.Seq[ServiceCostRow] {
	return func(yield func(ServiceCostRow) bool) {
		for i := range c.services.src {
			if !yield(c.Service(i)) {
				return
			}
		}
	}
}

// rightsizedServices yields the rows of the services with a size measured
// from use (Rightsized): the only rows the rightsizing total and the
// utilisation chart read, so the others are not made for them.
func (c *Cost) rightsizedServices() iter.Seq[ServiceCostRow] {
	return func(yield func(ServiceCostRow) bool) {
		for i, s := range c.services.src {
			if s.Rightsized != nil && !yield(c.Service(i)) {
				return
			}
		}
	}
}
