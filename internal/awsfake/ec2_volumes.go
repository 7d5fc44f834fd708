package awsfake

import (
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"
)

// ec2DescribeVolumes answers DescribeVolumes filtered by
// attachment.instance-id, the one filter discovery uses; like EC2, an
// instance id that matches nothing is not an error.
func (s *Server) ec2DescribeVolumes(w http.ResponseWriter, req request, e *Estate) *apiError {
	form, _ := parseForm(req.body)
	var ids []string
	for i := 1; ; i++ {
		name, ok := form[fmt.Sprintf("Filter.%d.Name", i)]
		if !ok {
			break
		}
		if name[0] != "attachment.instance-id" {
			return &apiError{code: "InvalidParameterValue", msg: fmt.Sprintf("The filter '%s' is not supported by this fake", name[0])}
		}
		ids = append(ids, formList(form, fmt.Sprintf("Filter.%d.Value", i))...)
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<DescribeVolumesResponse xmlns="%s"><requestId>fake</requestId><volumeSet>`, ec2XMLNS)
	for _, v := range e.Volumes {
		attached := false
		for _, a := range v.Attachments {
			attached = attached || slices.Contains(ids, ptr.Value(a.InstanceId))
		}
		if len(ids) > 0 && !attached {
			continue
		}
		b.WriteString("<item>")
		el(&b, "volumeId", ptr.Value(v.VolumeId))
		fmt.Fprintf(&b, "<size>%d</size>", ptr.Value(v.Size))
		el(&b, "volumeType", string(v.VolumeType))
		if v.Iops != nil {
			fmt.Fprintf(&b, "<iops>%d</iops>", *v.Iops)
		}
		if v.Throughput != nil {
			fmt.Fprintf(&b, "<throughput>%d</throughput>", *v.Throughput)
		}
		b.WriteString("<attachmentSet>")
		for _, a := range v.Attachments {
			b.WriteString("<item>")
			el(&b, "volumeId", ptr.Value(v.VolumeId))
			el(&b, "instanceId", ptr.Value(a.InstanceId))
			el(&b, "device", ptr.Value(a.Device))
			el(&b, "status", string(a.State))
			b.WriteString("</item>")
		}
		b.WriteString("</attachmentSet></item>")
	}
	b.WriteString(`</volumeSet></DescribeVolumesResponse>`)
	writeXML(w, b.String())
	return nil
}
