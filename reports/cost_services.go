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
	// written, when set, is given each service's index once Services has
	// yielded its row, and the service is let go of after it (the report
	// takes what its rows show first: takeRowCostsAsWritten).
	written func(i int)
}

// costSplit is what the cluster's largest-remainder rounding decided for
// one service: its EC2 share as billed, under each option's commitment,
// and its cost after the move (clusterRow). Its eleven amounts are held
// without big.Ints (heldAmount): whole cents, which always fit; an amount
// that would not is held whole, with the others, in full.
type costSplit struct {
	held [splitAmounts]heldAmount // ec2, then ec2Side and after in column order
	full *[splitAmounts]Amount    // nil while every amount fits held
}

// splitAmounts is the number of amounts a costSplit holds, and where each
// starts in it.
const (
	splitEC2     = 0
	splitEC2Side = 1
	splitAfter   = splitEC2Side + optionCount
	splitAmounts = splitAfter + optionCount
)

func (sp *costSplit) get(k int) Amount {
	if sp.full != nil {
		return sp.full[k]
	}
	return sp.held[k].amount()
}

func (sp *costSplit) set(k int, a Amount) {
	if sp.full != nil {
		sp.full[k] = a
		return
	}
	h, ok := holdAmount(a)
	if ok {
		sp.held[k] = h
		return
	}
	full := new([splitAmounts]Amount)
	for i := range sp.held {
		full[i] = sp.held[i].amount()
	}
	full[k] = a
	sp.full, sp.held = full, [splitAmounts]heldAmount{}
}

func (sp *costSplit) options(from int) FargateAmounts {
	var f FargateAmounts
	for i := range optionCount {
		f = f.with(i, sp.get(from+i))
	}
	return f
}

func (sp *costSplit) ec2() Amount             { return sp.get(splitEC2) }
func (sp *costSplit) ec2Side() FargateAmounts { return sp.options(splitEC2Side) }
func (sp *costSplit) after() FargateAmounts   { return sp.options(splitAfter) }

func (sp *costSplit) setAfter(f FargateAmounts) {
	for i, a := range f.list() {
		sp.set(splitAfter+i, a)
	}
}

// ServiceCount is the number of service rows.
func (c *Cost) ServiceCount() int { return len(c.services.src) }

// Service is the i-th service row, made afresh.
func (c *Cost) Service(i int) ServiceCostRow {
	r := serviceRow(c.services.src[i])
	sp := &c.services.split[i]
	r.EC2Monthly, r.EC2ByOptionMonthly, r.AfterMoveMonthly = sp.ec2(), sp.ec2Side(), sp.after()
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
			if c.services.written != nil {
				c.services.written(i)
				c.services.src[i] = nil
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
