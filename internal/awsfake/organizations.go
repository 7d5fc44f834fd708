package awsfake

import (
	"net/http"
	"sort"

	"github.com/aws/aws-sdk-go-v2/aws"
	orgtypes "github.com/aws/aws-sdk-go-v2/service/organizations/types"
)

// Organization sets the accounts ListAccounts returns (with their states).
func (s *Server) Organization(accounts map[string]orgtypes.AccountState) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.org = accounts
}

func (s *Server) orgListAccounts(w http.ResponseWriter, _ request, _ *Estate) *apiError {
	s.mu.Lock()
	ids := make([]string, 0, len(s.org))
	for id := range s.org {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	out := struct{ Accounts []orgtypes.Account }{Accounts: []orgtypes.Account{}}
	for _, id := range ids {
		out.Accounts = append(out.Accounts, orgtypes.Account{Id: aws.String(id), State: s.org[id], Name: aws.String("acct-" + id)})
	}
	s.mu.Unlock()
	writePascalJSON(w, out)
	return nil
}
