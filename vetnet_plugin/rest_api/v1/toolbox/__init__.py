"""REST API v1 of the toolbox feature."""
