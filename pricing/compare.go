package pricing

import (
	"fmt"
	"sync"

	"github.com/shopspring/decimal"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/parallel"
)

// Comparison is the cost of a fleet on EC2 now and on every Fargate option,
// per service, per cluster and in total, all per month and unrounded.
type Comparison struct {
	Services    []*ServiceCost
	Clusters    []*ClusterCost
	Total       Totals
	Assumptions Assumptions
}

// Variants are the monthly Fargate costs of the purchase options.
type Variants struct {
	OnDemand, Spot, ARM, SavingsPlan1y, SavingsPlan3y Money
}

func (v Variants) times(q decimal.Decimal) Variants {
	return Variants{v.OnDemand.Mul(q), v.Spot.Mul(q), v.ARM.Mul(q), v.SavingsPlan1y.Mul(q), v.SavingsPlan3y.Mul(q)}
}

// each applies f to every option.
func (v Variants) each(f func(Money) Money) Variants {
	return Variants{f(v.OnDemand), f(v.Spot), f(v.ARM), f(v.SavingsPlan1y), f(v.SavingsPlan3y)}
}

// zip combines two variants option by option.
func (v Variants) zip(o Variants, f func(a, b Money) Money) Variants {
	return Variants{f(v.OnDemand, o.OnDemand), f(v.Spot, o.Spot), f(v.ARM, o.ARM),
		f(v.SavingsPlan1y, o.SavingsPlan1y), f(v.SavingsPlan3y, o.SavingsPlan3y)}
}

// List is the five options in column order.
func (v Variants) List() []Money {
	return []Money{v.OnDemand, v.Spot, v.ARM, v.SavingsPlan1y, v.SavingsPlan3y}
}

// allOf is the same amount under every option.
func allOf(m Money) Variants { return Variants{m, m, m, m, m} }

func (v Variants) add(o Variants) Variants {
	return Variants{v.OnDemand.Add(o.OnDemand), v.Spot.Add(o.Spot), v.ARM.Add(o.ARM),
		v.SavingsPlan1y.Add(o.SavingsPlan1y), v.SavingsPlan3y.Add(o.SavingsPlan3y)}
}

// Totals are the fleet-wide monthly sums.
type Totals struct {
	EC2     Money
	Idle    Money
	EC2Side Variants
	// Fargate is the fleet's cost after the move, per option.
	Fargate Variants
	// Stranded is the commitment the move strands (ClusterCost.Stranded).
	Stranded Money
	// Deltas sums each hidden delta kind over the fleet.
	Deltas []Delta
	// LikeForLike compares EC2 and Fargate over only the clusters where
	// both are known, so there is a known figure when the totals above
	// are unknown.
	LikeForLike LikeForLike
}

// Compare prices every service of f on Fargate and every cluster on EC2.
func Compare(f *fleet.Fleet, b Book, o Options) (*Comparison, error) {
	if err := o.Validate(); err != nil {
		return nil, err
	}
	c := &Comparison{Services: make([]*ServiceCost, len(f.Services))}
	m := newModel(f, b, o)
	// The services are read concurrently below.
	f.Link()
	// Services group by their own cluster: prod-core in two regions or
	// accounts is two clusters, each priced in its own region, each with
	// its own hosts' Spot share.
	for _, cl := range f.Clusters {
		m.spotShares[cl] = m.hostSpotShare(cl)
		for _, s := range cl.Services {
			m.clusterOf[s] = cl
		}
	}
	// Services are priced on every core, then clusters; each piece writes
	// only its own result (the model's shared caches take a lock).
	parallel.For(len(f.Services), func(i int) {
		sc := m.service(f.Services[i])
		sc.StayReason = m.stayReason(sc)
		c.Services[i] = sc
	})
	byCluster := map[*fleet.Cluster][]*ServiceCost{}
	for i, s := range f.Services {
		if cl := m.clusterOf[s]; cl != nil {
			byCluster[cl] = append(byCluster[cl], c.Services[i])
		}
	}
	var priced []*fleet.Cluster
	for _, cl := range f.Clusters {
		if len(cl.Services) > 0 || len(cl.ContainerInstances) > 0 {
			priced = append(priced, cl)
		}
	}
	c.Clusters = make([]*ClusterCost, len(priced))
	parallel.For(len(priced), func(i int) { c.Clusters[i] = m.cluster(priced[i], byCluster[priced[i]]) })
	c.Total = totals(c)
	costs := make(map[*ClusterCost][]*ServiceCost, len(priced))
	for i, cl := range priced {
		costs[c.Clusters[i]] = byCluster[cl]
	}
	c.Total.LikeForLike = likeForLike(c.Clusters, costs)
	m.caveats = c.Total.caveats()
	c.Assumptions = m.assumptions()
	return c, nil
}

func totals(c *Comparison) Totals {
	t := Totals{EC2: Zero, Idle: Zero, EC2Side: allOf(Zero), Fargate: allOf(Zero), Stranded: Zero}
	kinds := map[string]int{}
	for _, cl := range c.Clusters {
		t.EC2 = t.EC2.Add(cl.EC2)
		t.Idle = t.Idle.Add(cl.Idle)
		t.EC2Side = t.EC2Side.add(cl.EC2Side)
		t.Fargate = t.Fargate.add(cl.Fargate)
		t.Stranded = t.Stranded.Add(cl.Stranded)
	}
	add := func(ds []Delta) {
		for _, d := range ds {
			i, ok := kinds[d.Kind]
			if !ok {
				i = len(t.Deltas)
				kinds[d.Kind] = i
				t.Deltas = append(t.Deltas, Delta{Kind: d.Kind, Title: d.Title, Note: d.Note, Monthly: Zero})
			}
			t.Deltas[i].Monthly = t.Deltas[i].Monthly.Add(d.Monthly)
		}
	}
	for _, s := range c.Services {
		add(s.Deltas)
	}
	for _, cl := range c.Clusters {
		add(cl.Deltas)
	}
	return t
}

// model carries what every service and cluster computation needs. They
// run concurrently: mu guards the two maps they fill as they go.
type model struct {
	f       *fleet.Fleet
	book    Book
	o       Options
	hours   decimal.Decimal
	caveats []string
	mu      sync.Mutex
	regions map[string]bool
	rates   map[string]platformRates
	// spotShares is each cluster's share of capacity on EC2 Spot hosts,
	// and clusterOf each service's cluster, both filled before the
	// services are priced (they run concurrently and only read them).
	spotShares map[*fleet.Cluster]decimal.Decimal
	clusterOf  map[*fleet.Service]*fleet.Cluster
	// prices are the Fargate prices of the shapes priced so far (shape.go).
	prices *priceMemo
	// missingRates are the unknown Savings Plan rates met so far, each
	// made once (savingsPlanRate); mu guards it.
	missingRates map[missingRate]Money
}

func newModel(f *fleet.Fleet, b Book, o Options) *model {
	return &model{f: f, book: b, o: o, hours: o.HoursPerMonth, regions: map[string]bool{}, rates: map[string]platformRates{}, spotShares: map[*fleet.Cluster]decimal.Decimal{}, clusterOf: map[*fleet.Service]*fleet.Cluster{}, prices: newPriceMemo(), missingRates: map[missingRate]Money{}}
}

// regionOf picks the region for a resource: --region, else its ARN's,
// else the default. An empty result means no region is known.
func (m *model) regionOf(arns ...string) string {
	r := m.o.Region
	for _, a := range arns {
		if r != "" {
			break
		}
		if p, ok := fleet.ParseARN(a); ok {
			r = p.Region
		}
	}
	if r == "" {
		r = m.o.DefaultRegion
	}
	if r != "" {
		m.mu.Lock()
		m.regions[r] = true
		m.mu.Unlock()
	}
	return r
}

// noRegion is the reason every price is unknown when no region is known.
func noRegion(what string) Money {
	return UnknownFill(fmt.Sprintf("no region for %s: its ARN names none", what), "--region R")
}

// caveats gathers every unverified or estimated figure behind the totals
// (sums keep the caveats of their parts, known or not).
func (t Totals) caveats() []string {
	all := Sum(t.EC2, t.Idle, t.Fargate.OnDemand, t.Fargate.Spot, t.Fargate.ARM, t.Fargate.SavingsPlan1y, t.Fargate.SavingsPlan3y)
	for _, d := range t.Deltas {
		all = all.Add(d.Monthly)
	}
	return all.Caveats()
}
