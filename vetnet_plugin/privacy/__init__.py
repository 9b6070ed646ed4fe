"""
Privacy: what the plugin does for a person's data rights across every
feature (retirement today). It sits above the features and calls their APIs.
"""
