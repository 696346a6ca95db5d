"""Staff tools: flow testing (the runner is api/flows)."""
