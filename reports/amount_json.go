package reports

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/shopspring/decimal"
)

// UnmarshalJSON reads what MarshalJSON writes: a decimal string, or null
// for unknown. (Whether the figure was flagged is not in the JSON.)
func (a *Amount) UnmarshalJSON(b []byte) error {
	if bytes.Equal(b, []byte("null")) {
		*a = Amount{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("amount %s: want a decimal string or null", b)
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return fmt.Errorf("amount %q: %w", s, err)
	}
	*a = Amount{Value: d, Known: true}
	return nil
}
