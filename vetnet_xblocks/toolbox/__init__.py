"""The vetnet_toolbox block: the toolbox of resources shared from national experiences (Sharing)."""
