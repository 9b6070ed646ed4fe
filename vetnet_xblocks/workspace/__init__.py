"""The vetnet_workspace block: short-term work in themed workspaces on VET topics and sectors (Collaboration)."""
