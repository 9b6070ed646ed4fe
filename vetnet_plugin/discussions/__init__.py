"""
The discussion core: threads attached to any target in a course (a scenario,
a counselling case), nested posts, edit history, votes, flags, moderation,
translations, follows and e-mail digests. Features hang their conversations
on it through its API.
"""
