"""REST views of peer counselling."""
