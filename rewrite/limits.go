package rewrite

// MaxStrategyWeight is the largest weight ECS accepts in a capacity
// provider strategy, so the largest --spot-weight; the command line checks
// it before any work.
const MaxStrategyWeight = maxStrategyWeight
