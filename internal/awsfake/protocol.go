package awsfake

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/awsjson"
)

// protocol writes responses and errors the way one AWS service does.
type protocol interface {
	writeError(w http.ResponseWriter, status int, code, msg string)
	throttle(w http.ResponseWriter)
}

func protocolOf(service string) protocol {
	switch service {
	case "ec2":
		return ec2Protocol{}
	case "elasticloadbalancing", "sts", "monitoring", "iam":
		return queryProtocol{service: service}
	}
	return jsonProtocol{}
}

// jsonProtocol is awsJson1_1 (ECS, ECR).
type jsonProtocol struct{}

func (jsonProtocol) writeError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	w.WriteHeader(status)
	fmt.Fprintf(w, `{"__type":%q,"message":%q}`, code, msg)
}

func (p jsonProtocol) throttle(w http.ResponseWriter) {
	p.writeError(w, http.StatusBadRequest, "ThrottlingException", "Rate exceeded")
}

func writeJSON(w http.ResponseWriter, v any) {
	b, err := awsjson.Marshal(v, awsjson.ECSWire)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	w.Write(b)
}

// writePascalJSON answers for JSON services whose members are PascalCase
// (Organizations).
func writePascalJSON(w http.ResponseWriter, v any) {
	b, err := awsjson.Marshal(v, awsjson.Style{EpochTimes: true})
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	w.Write(b)
}

func decodeJSON(body string, v any) error { return json.Unmarshal([]byte(body), v) }

// ec2Protocol is the EC2 query protocol: XML with <Response><Errors>.
type ec2Protocol struct{}

func (ec2Protocol) writeError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "text/xml")
	w.WriteHeader(status)
	fmt.Fprintf(w, `<Response><Errors><Error><Code>%s</Code><Message>%s</Message></Error></Errors><RequestID>fake</RequestID></Response>`, xmlEscape(code), xmlEscape(msg))
}

func (p ec2Protocol) throttle(w http.ResponseWriter) {
	p.writeError(w, http.StatusServiceUnavailable, "RequestLimitExceeded", "Request limit exceeded.")
}

// queryProtocol is awsQuery (ELBv2, STS, CloudWatch): XML with <ErrorResponse>.
type queryProtocol struct{ service string }

func (queryProtocol) writeError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "text/xml")
	w.WriteHeader(status)
	fmt.Fprintf(w, `<ErrorResponse><Error><Type>Sender</Type><Code>%s</Code><Message>%s</Message></Error><RequestId>fake</RequestId></ErrorResponse>`, xmlEscape(code), xmlEscape(msg))
}

func (p queryProtocol) throttle(w http.ResponseWriter) {
	p.writeError(w, http.StatusBadRequest, "Throttling", "Rate exceeded")
}

func parseForm(body string) (url.Values, error) { return url.ParseQuery(body) }

// formList reads a query-protocol list: prefix.1, prefix.2, … (EC2) or
// prefix.member.1, … (awsQuery).
func formList(form url.Values, prefix string) []string {
	var out []string
	for i := 1; ; i++ {
		v, ok := form[fmt.Sprintf("%s.%d", prefix, i)]
		if !ok {
			return out
		}
		out = append(out, v[0])
	}
}

func xmlEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '"':
			b.WriteString("&quot;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func cutLast(s, sep string) (string, string, bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}

func accountOfARN(arn string) string {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) < 5 {
		return ""
	}
	return parts[4]
}
