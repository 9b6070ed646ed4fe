"""
The community hub across courses and the four learning phases as each
member's progression, with the informal phases recognised as Open Badges.
It sits above the features and reads each of them through its api.
"""
