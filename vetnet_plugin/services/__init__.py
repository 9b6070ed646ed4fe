"""Implementation modules behind ``vetnet_plugin.api``; import the API, not these."""
