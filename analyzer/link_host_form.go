package analyzer

import "strings"

// form is how a match of a link name sits in a value.
type form int

const (
	notHost  form = iota // part of a longer word, a path segment or a URL scheme
	hostSure             // host:port, a URL's host (//host, user@host), a host-named option (--db-host=host)
	hostBare             // a word on its own: a host or not, a person decides
)

// hostForm classifies the match value[start:end].
func hostForm(value string, start, end int) form {
	var left, right byte
	if start > 0 {
		left = value[start-1]
	}
	if end < len(value) {
		right = value[end]
	}
	if isNameByte(left) || isNameByte(right) || right == '-' || left == '-' {
		return notHost
	}
	rest := value[end:]
	if strings.HasPrefix(rest, "://") {
		return notHost // a scheme: mysql://…
	}
	authority := left == '@' || strings.HasSuffix(value[:start], "//")
	if authority {
		return hostSure
	}
	if left == '/' || right == '/' {
		return notHost // a path segment: /var/lib/mysql/
	}
	if right == ':' && len(rest) > 1 && rest[1] >= '0' && rest[1] <= '9' {
		return hostSure
	}
	if left == '=' && hostNamedVar.MatchString(keyBefore(value, start-1)) {
		return hostSure // --db-host=mysql, DB_HOST=mysql in a shell line
	}
	return hostBare
}

func isNameByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_' || b == '.'
}

// keyBefore is the word that ends at value[eq] ('='): an option or a
// variable name.
func keyBefore(value string, eq int) string {
	from := strings.LastIndexAny(value[:eq], " \t'\"") + 1
	return value[from:eq]
}
