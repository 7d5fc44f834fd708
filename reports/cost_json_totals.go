package reports

import "github.com/ecs2fargate/ecs2fargate/internal/jsonstream"

// writeCostTotals writes the cost document's totals member by member, in
// the order of CostTotals's fields, the bytes of encoding it whole. Whole,
// it was one encoding of the unknown parts' and the like-for-like lists
// of every service and cluster they name (2 MB at 10,000 services, 20 MB
// at 100,000), grown by doubling in two buffers at once while the cost
// model was still live: the largest allocations of report --out (issue
// 17). The lists go element by element.
func writeCostTotals(s *jsonstream.Writer, t *CostTotals) {
	s.BeginObject()
	s.Field("ec2Monthly", t.EC2Monthly)
	s.Field("idleMonthly", t.IdleMonthly)
	s.Field("ec2Clusters", t.EC2Clusters)
	s.Field("ec2ByOptionMonthly", t.EC2ByOptionMonthly)
	s.Field("fargateMonthly", t.FargateMonthly)
	s.Field("savingsMonthly", t.SavingsMonthly)
	s.Field("strandedMonthly", t.StrandedMonthly)
	s.Field("strandedYearly", t.StrandedYearly)
	jsonstream.SliceFunc(s, "unknownParts", t.UnknownParts, func(p *UnknownPart) { writeUnknownPart(s, p) })
	s.Field("ec2Yearly", t.EC2Yearly)
	s.Field("idleYearly", t.IdleYearly)
	s.Field("fargateYearly", t.FargateYearly)
	s.Field("savingsYearly", t.SavingsYearly)
	jsonstream.Slice(s, "deltas", t.Deltas)
	s.Key("likeForLike")
	writeLikeForLikeRows(s, &t.LikeForLike)
	if t.RightsizingSavingsMonthly != nil { // omitempty
		s.Field("rightsizingSavingsMonthly", t.RightsizingSavingsMonthly)
	}
	if t.RightsizedServices != 0 { // omitempty
		s.Field("rightsizedServices", t.RightsizedServices)
	}
	s.EndObject()
}

func writeUnknownPart(s *jsonstream.Writer, p *UnknownPart) {
	s.BeginObject()
	s.Field("missing", p.Missing)
	s.Field("fill", p.Fill)
	jsonstream.Slice(s, "clusters", p.Clusters)
	jsonstream.Slice(s, "services", p.Services)
	jsonstream.Slice(s, "figures", p.Figures)
	s.EndObject()
}

func writeLikeForLikeRows(s *jsonstream.Writer, l *LikeForLikeRows) {
	s.BeginObject()
	for _, o := range []struct {
		name string
		row  *LikeForLikeRow
	}{{"onDemand", &l.OnDemand}, {"spot", &l.Spot}, {"arm", &l.ARM}, {"savingsPlan1y", &l.SavingsPlan1y}, {"savingsPlan3y", &l.SavingsPlan3y}} {
		s.Key(o.name)
		writeLikeForLikeRow(s, o.row)
	}
	s.EndObject()
}

func writeLikeForLikeRow(s *jsonstream.Writer, r *LikeForLikeRow) {
	s.BeginObject()
	jsonstream.Slice(s, "clusters", r.Clusters)
	s.Field("services", r.Services)
	s.Field("onFargate", r.OnFargate)
	jsonstream.Slice(s, "staysOnEC2", r.StaysOnEC2)
	s.Field("ec2Monthly", r.EC2Monthly)
	s.Field("fargateMonthly", r.FargateMonthly)
	s.Field("savingsMonthly", r.SavingsMonthly)
	s.Field("ec2Yearly", r.EC2Yearly)
	s.Field("fargateYearly", r.FargateYearly)
	s.Field("savingsYearly", r.SavingsYearly)
	jsonstream.Slice(s, "leftOut", r.LeftOut)
	s.EndObject()
}
