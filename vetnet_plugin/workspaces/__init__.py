"""
Collaboration: themes a trainer sets in Studio, short-term workspaces members
form under them, and each workspace's shared document, merged on the server.
"""
