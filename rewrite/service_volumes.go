package rewrite

import (
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// planVolumes carries the volume configurations of the deployment a fix
// asked to edit (ebs-volume-type: gp3 for a magnetic volume) into the
// update-service request, with the edits: without them UpdateService
// keeps the deployment's configurations, which Fargate cannot attach
// (API_UpdateService, volumeConfigurations). Only an in-place move: a new
// service does not copy them (a remaining finding says so).
func (p *servicePlan) planVolumes() {
	if p.mode != modeUpdate || len(p.asks.volumes) == 0 {
		return
	}
	d := p.asks.volumes[0].deployment
	if d >= len(p.svc.Deployments) {
		return
	}
	vcs := slices.Clone(p.svc.Deployments[d].VolumeConfigurations)
	for _, a := range p.asks.volumes {
		if a.deployment != d || a.volume >= len(vcs) || vcs[a.volume].ManagedEBSVolume == nil {
			continue
		}
		ebs := *vcs[a.volume].ManagedEBSVolume // the service's own stays as read
		before := aws.ToString(ebs.VolumeType)
		ebs.VolumeType = aws.String(a.volumeType)
		vcs[a.volume].ManagedEBSVolume = &ebs
		p.change(a.rule, svcIndexPath("volumeConfigurations", a.volume, "managedEBSVolume.volumeType"), before, a.volumeType, false, a.msg)
	}
	p.volumes = vcs
}
