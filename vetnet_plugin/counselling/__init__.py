"""
Peer counselling (Communication): members open cases about problems of their
daily work, advisers answer, and the owner accepts the answers that helped.
A case is a target of the discussion core; only its intake and outcome live here.
"""
