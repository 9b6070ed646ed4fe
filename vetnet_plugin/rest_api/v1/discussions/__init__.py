"""REST API v1 of the discussions feature."""
