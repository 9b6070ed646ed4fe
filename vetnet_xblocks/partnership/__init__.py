"""The vetnet_partnership block: long-term partnerships between member organisations (Cooperation)."""
