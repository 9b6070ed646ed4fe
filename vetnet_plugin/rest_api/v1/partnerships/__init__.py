"""REST endpoints of partner search and partnerships."""
