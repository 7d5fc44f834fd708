package pricing

import (
	"github.com/ecs2fargate/ecs2fargate/internal/fargate"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/rightsize"
)

// Rightsized is a service priced at the size measured from its use
// (rightsize.Recommend) instead of the size derived from its reservation.
type Rightsized struct {
	Size fargate.Size
	// Fargate is the service at Size under each option; Saving is what
	// rightsizing saves beside the move: Fargate at the reservation size
	// less Fargate at Size (negative where the measured use needs more).
	Fargate, Saving Variants
	// Flags are the recommendation's risks (gaps, limits, heap sizing).
	Flags []string
	// Usage is the measured use per task it rests on, Reserved what a
	// task reserves on EC2, Days the metrics window.
	Usage    fleet.TaskUsage
	Reserved fargate.Size
	Days     int
}

// rightsized prices sc at its usage size, or says why there is none. A
// service without metrics gets neither (nothing to say).
func (m *model) rightsized(s *fleet.Service, sc *ServiceCost) {
	if s.Metrics == nil || sc.OnFargate || sc.TooLarge || sc.Size == (fargate.Size{}) {
		return
	}
	o := rightsize.DefaultOptions()
	if m.o.Rightsize != nil {
		o = *m.o.Rightsize
	}
	o.ReservationMemoryHeadroomPct = m.o.MemoryHeadroom
	rec := rightsize.Recommend(m.f, s, o)
	if !rec.Recommended() {
		sc.RightsizeWithheld = rec.Withheld
		return
	}
	alt := *sc
	alt.Size = rec.Size
	at := *m.variants(&alt)
	sc.Rightsized = &Rightsized{Size: rec.Size, Fargate: at, Saving: sc.Fargate.zip(at, Money.Sub), Flags: rec.Flags,
		Usage: *rec.Usage, Reserved: fleet.Reservation(&s.TaskDef.Def), Days: s.Metrics.Days}
}
