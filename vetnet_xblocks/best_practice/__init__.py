"""The vetnet_best_practice block: best practices written, peer-reviewed and deposited (Cooperation)."""
