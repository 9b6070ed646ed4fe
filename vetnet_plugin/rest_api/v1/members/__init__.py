"""REST API v1 of the members feature."""
