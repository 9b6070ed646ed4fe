"""Pages and endpoints of the development host."""
