package rewrite

import (
	"bytes"
	"encoding/json"

	"github.com/ecs2fargate/ecs2fargate/internal/awsjson"
)

// svcIndentJSON writes an SDK request value as the AWS CLI's
// --cli-input-json expects it, indented, ending in a newline.
func svcIndentJSON(v any, style awsjson.Style) (json.RawMessage, error) {
	raw, err := awsjson.Marshal(v, style)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := json.Indent(&b, raw, "", "  "); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}
