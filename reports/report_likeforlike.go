package reports

import "github.com/ecs2fargate/ecs2fargate/internal/fleet"

// Places a service can have in the like-for-like comparison.
const (
	likeMoves     = "moves"
	likeStays     = "stays on EC2"
	likeOnFargate = "already on Fargate"
	likeLeftOut   = "left out"
)

// likeForLikePlaces are the services that stay on EC2 in the comparison
// (by ServiceKey) and the options under which each cluster is compared
// (by clusterKey).
func likeForLikePlaces(l LikeForLikeRows) (stays map[string]bool, compared map[string][]string) {
	stays, compared = map[string]bool{}, map[string][]string{}
	for _, o := range l.options() {
		for _, s := range o.row.StaysOnEC2 {
			stays[ServiceKey(s.Account, s.Region, s.Cluster, s.Service)] = true
		}
		for _, c := range o.row.compared {
			compared[c] = append(compared[c], o.label)
		}
	}
	return stays, compared
}

// placeInLikeForLike marks a service with its place in the comparison
// and the options under which its cluster is compared.
func (p *reportPlan) placeInLikeForLike(s *ServiceReport) {
	s.LikeForLikeOptions = nonNil(p.compared[clusterKey(fleet.Identity{Account: s.Account, Region: s.Region}, s.Cluster)])
	switch {
	case s.OnFargate:
		s.LikeForLike = likeOnFargate
	case len(s.LikeForLikeOptions) == 0:
		s.LikeForLike = likeLeftOut
	case p.stays[ServiceKey(s.Account, s.Region, s.Cluster, s.Service)]:
		s.LikeForLike = likeStays
	default:
		s.LikeForLike = likeMoves
	}
}

// pricedClusters is the number of clusters the cost model priced.
func (r *Report) pricedClusters() int {
	if r.Cost == nil {
		return 0
	}
	return len(r.Cost.Clusters)
}

// likeView is the like-for-like block as the HTML template lays it out.
type likeView struct {
	Shown, Same     bool
	Title, SameText string
	Header          []string
	Rows            [][]string
	Notes           []string
}

// Like is the summary's like-for-like block for the HTML report.
func (r *Report) Like() likeView {
	l, n := r.Summary.LikeForLike, r.pricedClusters()
	v := likeView{Title: capitalised(likeExplain), SameText: likeSameAsTotal}
	switch {
	case n == 0:
	case likeIsTotal(l, n):
		v.Same = true
	default:
		v.Shown = true
		v.Header = likeHeader(l, capitalised)
		v.Rows = likeGrid(l, n)
		v.Notes = cappedLikeNotes(l)
	}
	return v
}
