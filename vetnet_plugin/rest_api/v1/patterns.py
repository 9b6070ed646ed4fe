"""URL pieces every v1 endpoint family shares."""

# A course run's key as the platform writes it in URLs.
COURSE_KEY_PATTERN = r"(?P<course_key>course-v1:[^/+]+\+[^/+]+\+[^/?]+)"
