"""The vetnet_counselling block: peer counselling between members on the problems of their daily work (Communication)."""
