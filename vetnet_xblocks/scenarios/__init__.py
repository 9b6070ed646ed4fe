"""The vetnet_scenarios block: scenarios of how VET may evolve, depending on today's policy choices (Communication)."""
