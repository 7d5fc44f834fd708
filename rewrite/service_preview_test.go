package rewrite

import (
	"reflect"
	"testing"
)

// TestServicePreviewIsTheSame: a preview leaves the request documents out
// and is otherwise what the full service rewrite gives.
func TestServicePreviewIsTheSame(t *testing.T) {
	for name, f := range auditedFleets(t) {
		n := 0
		for _, s := range f.Services {
			full, fullErr := Service(f, s, "new-family", ServiceOptions{})
			preview, previewErr := Service(f, s, "new-family", ServiceOptions{Preview: true})
			if (fullErr == nil) != (previewErr == nil) {
				t.Fatalf("%s: %s: errors differ: %v, %v", name, serviceLabel(s), fullErr, previewErr)
			}
			if fullErr != nil {
				continue
			}
			if preview.UpdateService != nil || preview.CreateService != nil {
				t.Errorf("%s: %s: the preview wrote a service request", name, serviceLabel(s))
			}
			n += len(full.TargetGroups)
			full.UpdateService, full.CreateService = nil, nil
			for i := range full.TargetGroups {
				if preview.TargetGroups[i].Document != nil {
					t.Errorf("%s: %s: the preview wrote a target group request", name, serviceLabel(s))
				}
				full.TargetGroups[i].Document = nil
			}
			if !reflect.DeepEqual(full, preview) {
				t.Errorf("%s: %s: the preview differs beyond its documents:\n full %+v\n preview %+v", name, serviceLabel(s), full, preview)
			}
		}
		if n == 0 {
			t.Errorf("%s: no target group was rewritten, so the check saw none", name)
		}
	}
}
