// Package rightsize recommends a Fargate size per service from what its
// tasks used (CloudWatch, Container Insights), beside the size the rewrite
// derives from what they reserve, and says when the measurement cannot be
// trusted to make a task smaller. The analyzer's reservation rules, the
// rewrite's --size-from usage, the cost model and the reports all take the
// recommendation from here.
package rightsize
