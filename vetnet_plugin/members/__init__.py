"""
Members: profiles, course-community membership (the projection of the
platform's enrollments) and the member directory. Other features build on it.
"""
