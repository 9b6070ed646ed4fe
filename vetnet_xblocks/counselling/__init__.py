"""The vetnet_counselling block: peer counselling between members on the problems of daily work (Communication)."""
