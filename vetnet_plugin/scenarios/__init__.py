"""
The scenario forum (Communication): scenarios of how VET may evolve, members'
proposals and their moderation, Delphi rating rounds with anonymous
aggregates, and the policy brief. Its conversations live in the discussion core.
"""
