"""Access control for the API: roles, the calling principal, API keys as bearer tokens."""
