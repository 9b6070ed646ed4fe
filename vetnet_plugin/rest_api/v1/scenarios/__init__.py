"""REST API v1 of the scenarios feature."""
